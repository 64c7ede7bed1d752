/**
 * The library's own details: name, address, opening hours, contact and about.
 */
import { useRef, useState } from 'react';
import { updateLibrary, updateTitle } from '../../../domain/source/draft-edits.ts';
import { validateEntity } from '../../../domain/source/draft-validation.ts';
import { hoursToText, textToHours } from '../../../editor/form-text.ts';
import { useEditorT } from '../i18n.ts';
import { LangMapField, TextField } from '../fields.tsx';
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
  const [hoursText, setHoursText] = useState(() => hoursToText(library.openingHours));
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
      <TextField
        label={t('editor.field.hours')}
        value={hoursText}
        multiline
        issues={issues}
        field="openingHours"
        onChange={(text) => {
          setHoursText(text);
          edit((d) => updateLibrary(d, { openingHours: textToHours(text) }), 'library:hours');
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
