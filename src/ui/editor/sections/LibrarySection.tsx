/**
 * The library's own details: name, address, opening hours, contact and about.
 */
import { useRef } from 'react';
import type { FeedIssue } from '../../../domain/feed/issues.ts';
import { updateLibrary, updateTitle } from '../../../domain/source/draft-edits.ts';
import type { LibraryInput } from '../../../domain/source/draft.ts';
import { validateEntity } from '../../../domain/source/draft-validation.ts';
import {
  DAY_CODES,
  hoursToWeek,
  weekToHours,
  type Day,
  type DayHours,
} from '../../../editor/form-text.ts';
import { useEditorT } from '../i18n.ts';
import { FieldProblem, LangMapField, TextField } from '../fields.tsx';
import { useEditor } from '../store.ts';
import { useEdit, useFocusRequest } from './EntitySection.tsx';

export function LibraryEditor() {
  const edit = useEdit();
  const t = useEditorT();
  const draft = useEditor((state) => state.draft);
  const { library } = draft.source;
  const issues = validateEntity('library', library, draft);
  const form = useRef<HTMLDivElement>(null);
  useFocusRequest(form, true);
  return (
    <div className="editor-form" ref={form}>
      <LangMapField
        label={t('editor.field.catalogTitle')}
        value={draft.source.title}
        onChange={(title) => {
          edit((d) => updateTitle(d, title), 'library:title');
        }}
      />
      <LangMapField
        label={t('editor.field.name')}
        value={library.name}
        issues={issues}
        field="name"
        onChange={(name) => {
          edit((d) => updateLibrary(d, { name }), 'library:name');
        }}
      />
      <TextField
        label={t('editor.field.street')}
        value={library.address.street ?? ''}
        onChange={(street) => {
          edit(
            (d) => updateLibrary(d, { address: { ...library.address, street } }),
            'library:street',
          );
        }}
      />
      <div className="field-row">
        <TextField
          label={t('editor.field.locality')}
          value={library.address.locality}
          issues={issues}
          field="address.locality"
          onChange={(locality) => {
            edit(
              (d) => updateLibrary(d, { address: { ...library.address, locality } }),
              'library:locality',
            );
          }}
        />
        <TextField
          label={t('editor.field.region')}
          value={library.address.region}
          issues={issues}
          field="address.region"
          onChange={(region) => {
            edit(
              (d) => updateLibrary(d, { address: { ...library.address, region } }),
              'library:region',
            );
          }}
        />
      </div>
      <HoursGrid
        hours={library.openingHours}
        issues={issues}
        onChange={(openingHours) => {
          edit((d) => updateLibrary(d, { openingHours }), 'library:hours');
        }}
      />
      <LangMapField
        label={t('editor.field.hoursNote')}
        value={library.hoursNote}
        onChange={(hoursNote) => {
          edit((d) => updateLibrary(d, { hoursNote }), 'library:hoursNote');
        }}
      />
      <div className="field-row">
        <TextField
          label={t('editor.field.email')}
          type="email"
          value={library.contact?.email ?? ''}
          issues={issues}
          field="contact.email"
          onChange={(email) => {
            edit(
              (d) =>
                updateLibrary(d, {
                  contact: { ...library.contact, ...(email ? { email } : { email: undefined }) },
                }),
              'library:email',
            );
          }}
        />
        <TextField
          label={t('editor.field.phone')}
          value={library.contact?.phone ?? ''}
          onChange={(phone) => {
            edit(
              (d) => updateLibrary(d, { contact: { ...library.contact, phone } }),
              'library:phone',
            );
          }}
        />
      </div>
      <LangMapField
        label={t('editor.field.about')}
        value={library.about}
        multiline
        onChange={(about) => {
          edit((d) => updateLibrary(d, { about }), 'library:about');
        }}
      />
    </div>
  );
}

/** Opening hours as a week: a row per day, open or closed, with its times; no codes to learn. */
function HoursGrid({
  hours,
  issues,
  onChange,
}: {
  hours: LibraryInput['openingHours'];
  issues: readonly FeedIssue[];
  onChange: (hours: ReturnType<typeof weekToHours>) => void;
}) {
  const t = useEditorT();
  const week = hoursToWeek(hours);
  const set = (day: Day, slot: DayHours) => {
    onChange(weekToHours({ ...week, [day]: slot }));
  };
  return (
    <fieldset className="field hours-grid" data-field="openingHours">
      <legend>{t('editor.field.hours')}</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('editor.hours.day')}</th>
            <th scope="col">{t('editor.hours.open')}</th>
            <th scope="col">{t('editor.hours.opens')}</th>
            <th scope="col">{t('editor.hours.closes')}</th>
          </tr>
        </thead>
        <tbody>
          {DAY_CODES.map((day) => {
            const slot = week[day];
            const name = t(`days.${day}`);
            return (
              <tr key={day}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${name}: ${t('editor.hours.open')}`}
                    checked={slot !== null}
                    onChange={(event) => {
                      set(day, event.target.checked ? { opens: '08:00', closes: '16:00' } : null);
                    }}
                  />
                </td>
                <td>
                  {slot ? (
                    <input
                      type="time"
                      aria-label={`${name}: ${t('editor.hours.opens')}`}
                      value={slot.opens}
                      onChange={(event) => {
                        set(day, { ...slot, opens: event.target.value });
                      }}
                    />
                  ) : (
                    <span className="muted">{t('editor.hours.closed')}</span>
                  )}
                </td>
                <td>
                  {slot && (
                    <input
                      type="time"
                      aria-label={`${name}: ${t('editor.hours.closes')}`}
                      value={slot.closes}
                      onChange={(event) => {
                        set(day, { ...slot, closes: event.target.value });
                      }}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldProblem issues={issues} field="openingHours" />
    </fieldset>
  );
}
