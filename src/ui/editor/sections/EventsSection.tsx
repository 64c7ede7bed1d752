/**
 * The library's programme: events with their times (in the library's time zone), place and audience.
 */
import { addEvent, removeEvent, updateEvent } from '../../../domain/source/draft-edits.ts';
import { validateEntity } from '../../../domain/source/draft-validation.ts';
import { type Draft, type EventInput } from '../../../domain/source/draft.ts';
import { isoToLocalInput, localInputToIso, offsetOf } from '../../../editor/form-text.ts';
import { pickText } from '../../../domain/langmap.ts';
import { useLang } from '../../context.tsx';
import { useEditorT } from '../i18n.ts';
import { LangMapField, TextField } from '../fields.tsx';
import { edit, EntitySection, RemoveButton, useSelected } from './EntitySection.tsx';

function EventForm({ event, draft }: { event: EventInput; draft: Draft }) {
  const t = useEditorT();
  const lang = useLang();
  const [, select] = useSelected('event');
  const issues = validateEntity('event', event, draft);
  const offset = offsetOf(event.start);
  const update = (patch: Partial<EventInput>) => {
    edit((d) => updateEvent(d, event.id, patch));
  };
  return (
    <div className="editor-form">
      <h2>{pickText(event.title, lang) || event.id}</h2>
      <LangMapField
        label={t('editor.field.title')}
        value={event.title}
        issues={issues}
        field="title"
        onChange={(title) => {
          update({ title });
        }}
      />
      <div className="field-row">
        <TextField
          label={t('editor.field.start')}
          type="datetime-local"
          value={isoToLocalInput(event.start)}
          issues={issues}
          field="start"
          onChange={(value) => {
            update({ start: localInputToIso(value, offset) });
          }}
        />
        <TextField
          label={t('editor.field.end')}
          type="datetime-local"
          value={isoToLocalInput(event.end)}
          issues={issues}
          field="end"
          onChange={(value) => {
            update({ end: localInputToIso(value, offset) });
          }}
        />
      </div>
      <LangMapField
        label={t('editor.field.place')}
        value={event.place}
        issues={issues}
        field="place"
        onChange={(place) => {
          update({ place });
        }}
      />
      <LangMapField
        label={t('editor.field.description')}
        value={event.description}
        multiline
        issues={issues}
        field="description"
        onChange={(description) => {
          update({ description });
        }}
      />
      <LangMapField
        label={t('editor.field.audienceLabel')}
        value={event.audience.label}
        onChange={(label) => {
          update({ audience: { ...event.audience, label } });
        }}
      />
      <RemoveButton
        onRemove={() => {
          edit((d) => removeEvent(d, event.id));
          select(null);
        }}
      />
    </div>
  );
}

export function EventsEditor() {
  const t = useEditorT();
  return (
    <EntitySection
      kind="event"
      heading={t('editor.section.events')}
      entities={(draft) => draft.source.events ?? []}
      titleOf={(event) => event.title}
      add={(draft, title) => {
        // A week from today, 09:00 to 10:00 in Bitung, for staff to change.
        const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
        return addEvent(draft, title, `${day}T09:00:00+08:00`, `${day}T10:00:00+08:00`);
      }}
      form={(event, draft) => <EventForm key={event.id} event={event} draft={draft} />}
    />
  );
}
