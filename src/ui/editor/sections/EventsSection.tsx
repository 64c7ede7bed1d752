/**
 * The library's programme: events with their times (in the library's time zone), place and audience.
 */
import { addEvent, removeEvent, updateEvent } from '../../../domain/source/draft-edits.ts';
import { type EventInput } from '../../../domain/source/draft.ts';
import { isoToLocalInput, localInputToIso, offsetOf } from '../../../editor/form-text.ts';
import { useEditorT } from '../i18n.ts';
import { LangMapField, NumberField, TextField } from '../fields.tsx';
import { type FormProps, type SectionDefinition } from './EntitySection.tsx';

function EventForm({ entity: event, issues, update, bind }: FormProps<EventInput>) {
  const t = useEditorT();
  const offset = offsetOf(event.start);
  return (
    <>
      <LangMapField label={t('editor.field.title')} {...bind('title')} />
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
      <LangMapField label={t('editor.field.place')} {...bind('place')} />
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
      <fieldset className="field">
        <legend>{t('editor.field.eventPosition')}</legend>
        <div className="field-row">
          {(['x', 'y', 'width', 'height'] as const).map((key) => (
            <NumberField
              key={key}
              label={t(`editor.plan.${key}`)}
              value={event.position?.[key]}
              onChange={(value) => {
                const next: Partial<Record<'x' | 'y' | 'width' | 'height', number | undefined>> = {
                  ...(event.position ?? { x: 0, y: 0 }),
                  [key]: value,
                };
                // Both x and y cleared: the event has no place on the plan.
                update({
                  position:
                    next.x === undefined && next.y === undefined
                      ? undefined
                      : { ...next, x: next.x ?? 0, y: next.y ?? 0 },
                });
              }}
            />
          ))}
        </div>
      </fieldset>
      <LangMapField
        label={t('editor.field.audienceLabel')}
        value={event.audience.label}
        onChange={(label) => {
          update({ audience: { ...event.audience, label } });
        }}
      />
    </>
  );
}

export const eventsSection: SectionDefinition<EventInput> = {
  kind: 'event',
  heading: 'editor.section.events',
  entities: (draft) => draft.source.events ?? [],
  titleOf: (event) => event.title,
  add: (draft, title) => {
    // A week from today, 09:00 to 10:00 in Bitung, for staff to change.
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    return addEvent(draft, title, `${day}T09:00:00+08:00`, `${day}T10:00:00+08:00`);
  },
  update: updateEvent,
  remove: (d, id) => ({ draft: removeEvent(d, id) }),
  Form: EventForm,
};
