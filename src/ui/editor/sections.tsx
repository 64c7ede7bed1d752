/**
 * The editor's sections: the library's details, and a list and form for each kind of thing. Every
 * change is an edit of the draft (saved at once, undoable) and is checked with the feed's schema.
 */
import { Camera, Trash2 } from 'lucide-react';
import { Link } from 'wouter';
import { useState, type ReactNode } from 'react';
import type { FeedIssue } from '../../domain/feed/issues.ts';
import { pickText, type LangMap } from '../../domain/langmap.ts';
import {
  addBook,
  addEvent,
  addShelf,
  addStory,
  addTour,
  removeBook,
  removeEvent,
  removeShelf,
  removeStory,
  removeTour,
  updateBook,
  updateEvent,
  updateLibrary,
  updateShelf,
  updateStory,
  updateTitle,
  updateTour,
  validateEntity,
  type Draft,
  type EntityKind,
  type EventInput,
  type SourceBookInput,
  type SourceShelfInput,
  type SourceStoryInput,
  type TourInput,
} from '../../domain/source/draft.ts';
import { parseTargetKey, targetKey } from '../../domain/targets.ts';
import { useLang } from '../context.tsx';
import { paths } from '../paths.ts';
import { useEditorT } from './i18n.ts';
import { markdownToSafeHtml } from '../markdown.ts';
import { CoverTool } from './CoverTool.tsx';
import {
  FieldProblem,
  LangMapField,
  MultiChoice,
  NumberField,
  SelectField,
  TextField,
} from './fields.tsx';
import { ListEditor } from './ListEditor.tsx';
import { ModelTool } from './ModelTool.tsx';
import { editorStore, useEditor } from './store.ts';

const edit = (change: (draft: Draft) => Draft) => {
  editorStore.getState().edit(change);
};

function useSelected(kind: EntityKind): [string | null, (id: string | null) => void] {
  const selected = useEditor((state) => (state.selected?.kind === kind ? state.selected.id : null));
  const section = useEditor((state) => state.section);
  return [
    selected,
    (id) => {
      editorStore.getState().go(section, id ? { kind, id } : null);
    },
  ];
}

/**
 * A section's list of one kind of thing, with its problem counts, "Add", and the selected one's
 * form. `add` makes the new entity in the current draft and says its id.
 */
function EntitySection<T extends { readonly id: string }>({
  kind,
  heading,
  entities,
  titleOf,
  add,
  form,
}: {
  kind: EntityKind;
  heading: string;
  entities: (draft: Draft) => readonly T[];
  titleOf: (entity: T) => LangMap;
  add: (draft: Draft, title: string) => { draft: Draft; id: string };
  form: (entity: T, draft: Draft) => ReactNode;
}) {
  const draft = useEditor((state) => state.draft);
  const [selected, select] = useSelected(kind);
  const list = entities(draft);
  const entity = list.find((item) => item.id === selected);
  return (
    <ListEditor
      heading={heading}
      items={list.map((item) => ({
        id: item.id,
        title: titleOf(item),
        problems: validateEntity(kind, item, draft).length,
      }))}
      selected={selected}
      onSelect={select}
      onAdd={(title) => {
        const result = add(editorStore.getState().draft, title);
        edit(() => result.draft);
        select(result.id);
      }}
    >
      {entity && form(entity, draft)}
    </ListEditor>
  );
}

function RemoveButton({ onRemove, refusal }: { onRemove: () => void; refusal?: string | null }) {
  const t = useEditorT();
  return (
    <div className="remove-row">
      <button type="button" className="button button-quiet" onClick={onRemove}>
        <Trash2 aria-hidden="true" />
        {t('editor.remove')}
      </button>
      {refusal && (
        <p role="alert" className="pack-problem">
          {refusal}
        </p>
      )}
    </div>
  );
}

const numberOr = (value: number | undefined, fallback: number) =>
  value === undefined ? fallback : value;

// Library

const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
type Day = (typeof DAY_CODES)[number];
type Hours = { days: Day[]; opens: string; closes: string }[];

const hoursToText = (hours: Hours | undefined) =>
  (hours ?? []).map((h) => `${h.days.join(' ')} ${h.opens}-${h.closes}`).join('\n');

function textToHours(text: string): Hours {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(line);
      const days = (match?.[1] ?? line)
        .split(/[\s,]+/)
        .filter((d): d is Day => (DAY_CODES as readonly string[]).includes(d));
      return { days, opens: match?.[2] ?? '', closes: match?.[3] ?? '' };
    });
}

export function LibraryEditor() {
  const t = useEditorT();
  const draft = useEditor((state) => state.draft);
  const { library } = draft.source;
  const issues = validateEntity('library', library, draft);
  const [hoursText, setHoursText] = useState(() =>
    hoursToText(library.openingHours as Hours | undefined),
  );
  return (
    <div className="editor-form">
      <LangMapField
        label={t('editor.field.catalogTitle')}
        value={draft.source.title}
        onChange={(title) => {
          edit((d) => updateTitle(d, title));
        }}
      />
      <LangMapField
        label={t('editor.field.name')}
        value={library.name}
        issues={issues}
        field="name"
        onChange={(name) => {
          edit((d) => updateLibrary(d, { name }));
        }}
      />
      <TextField
        label={t('editor.field.street')}
        value={library.address.street ?? ''}
        onChange={(street) => {
          edit((d) => updateLibrary(d, { address: { ...library.address, street } }));
        }}
      />
      <div className="field-row">
        <TextField
          label={t('editor.field.locality')}
          value={library.address.locality}
          issues={issues}
          field="address.locality"
          onChange={(locality) => {
            edit((d) => updateLibrary(d, { address: { ...library.address, locality } }));
          }}
        />
        <TextField
          label={t('editor.field.region')}
          value={library.address.region}
          issues={issues}
          field="address.region"
          onChange={(region) => {
            edit((d) => updateLibrary(d, { address: { ...library.address, region } }));
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
          edit((d) => updateLibrary(d, { openingHours: textToHours(text) }));
        }}
      />
      <LangMapField
        label={t('editor.field.hoursNote')}
        value={library.hoursNote}
        onChange={(hoursNote) => {
          edit((d) => updateLibrary(d, { hoursNote }));
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
            edit((d) =>
              updateLibrary(d, {
                contact: { ...library.contact, ...(email ? { email } : { email: undefined }) },
              }),
            );
          }}
        />
        <TextField
          label={t('editor.field.phone')}
          value={library.contact?.phone ?? ''}
          onChange={(phone) => {
            edit((d) => updateLibrary(d, { contact: { ...library.contact, phone } }));
          }}
        />
      </div>
      <LangMapField
        label={t('editor.field.about')}
        value={library.about}
        multiline
        onChange={(about) => {
          edit((d) => updateLibrary(d, { about }));
        }}
      />
    </div>
  );
}

// Shelves

function ShelfForm({ shelf, draft }: { shelf: SourceShelfInput; draft: Draft }) {
  const t = useEditorT();
  const lang = useLang();
  const [, select] = useSelected('shelf');
  const [refusal, setRefusal] = useState<string | null>(null);
  const issues = validateEntity('shelf', shelf, draft);
  const update = (patch: Partial<SourceShelfInput>) => {
    edit((d) => updateShelf(d, shelf.id, patch));
  };
  const books = draft.source.books.filter((book) => book.shelf === shelf.id);
  const signPath = shelf.sign ?? `signs/${shelf.id}.jpg`;
  return (
    <div className="editor-form">
      <h2>{pickText(shelf.label, lang) || shelf.id}</h2>
      <LangMapField
        label={t('editor.field.label')}
        value={shelf.label}
        issues={issues}
        field="label"
        onChange={(label) => {
          update({ label });
        }}
      />
      <div className="field-row">
        <TextField
          label={t('editor.field.ddcFrom')}
          value={shelf.ddc.from}
          issues={issues}
          field="ddc.from"
          onChange={(from) => {
            update({ ddc: { ...shelf.ddc, from } });
          }}
        />
        <TextField
          label={t('editor.field.ddcTo')}
          value={shelf.ddc.to}
          issues={issues}
          field="ddc.to"
          onChange={(to) => {
            update({ ddc: { ...shelf.ddc, to } });
          }}
        />
      </div>
      <fieldset className="field">
        <legend>{t('editor.field.position')}</legend>
        <div className="field-row">
          {(['x', 'y', 'width', 'height'] as const).map((key) => (
            <NumberField
              key={key}
              label={key}
              value={shelf.position[key]}
              onChange={(value) => {
                update({ position: { ...shelf.position, [key]: numberOr(value, 0) } });
              }}
            />
          ))}
        </div>
      </fieldset>
      <MultiChoice
        label={t('editor.field.highlights')}
        value={shelf.highlights ?? []}
        options={books.map((book) => ({ value: book.id, label: pickText(book.title, lang) }))}
        onChange={(highlights) => {
          update({ highlights });
        }}
      />
      <CoverTool
        picturePath={signPath}
        title={t('editor.field.sign')}
        onStored={() => {
          if (shelf.sign !== signPath) update({ sign: signPath });
        }}
      />
      <RemoveButton
        refusal={refusal}
        onRemove={() => {
          const result = removeShelf(editorStore.getState().draft, shelf.id);
          if ('refused' in result) {
            setRefusal(result.refused[lang]);
            return;
          }
          editorStore.getState().edit(() => result.draft);
          select(null);
        }}
      />
    </div>
  );
}

export function ShelvesEditor() {
  const t = useEditorT();
  return (
    <EntitySection
      kind="shelf"
      heading={t('editor.section.shelves')}
      entities={(draft) => draft.source.shelves}
      titleOf={(shelf) => shelf.label}
      add={addShelf}
      form={(shelf, draft) => <ShelfForm key={shelf.id} shelf={shelf} draft={draft} />}
    />
  );
}

// Books

function BookForm({ book, draft }: { book: SourceBookInput; draft: Draft }) {
  const t = useEditorT();
  const lang = useLang();
  const [, select] = useSelected('book');
  const issues = validateEntity('book', book, draft);
  const update = (patch: Partial<SourceBookInput>) => {
    edit((d) => updateBook(d, book.id, patch));
  };
  return (
    <div className="editor-form">
      <h2>{pickText(book.title, lang) || book.id}</h2>
      <p className="field-hint">
        {t('editor.field.id')}: <code>{book.id}</code>
      </p>
      <LangMapField
        label={t('editor.field.title')}
        value={book.title}
        issues={issues}
        field="title"
        onChange={(title) => {
          update({ title });
        }}
      />
      <TextField
        label={t('editor.field.authors')}
        value={book.authors.join(', ')}
        issues={issues}
        field="authors"
        onChange={(text) => {
          update({ authors: text.split(',').map((a) => a.trim()) });
        }}
      />
      <div className="field-row">
        <NumberField
          label={t('editor.field.year')}
          value={book.year}
          issues={issues}
          field="year"
          onChange={(year) => {
            update(year === undefined ? { year: undefined } : { year });
          }}
        />
        <TextField
          label={t('editor.field.language')}
          value={book.language}
          issues={issues}
          field="language"
          onChange={(language) => {
            update({ language });
          }}
        />
      </div>
      <div className="field-row">
        <TextField
          label={t('editor.field.ddc')}
          value={book.ddc}
          issues={issues}
          field="ddc"
          onChange={(ddc) => {
            update({ ddc });
          }}
        />
        <TextField
          label={t('editor.field.callNumber')}
          value={book.callNumber}
          issues={issues}
          field="callNumber"
          onChange={(callNumber) => {
            update({ callNumber });
          }}
        />
      </div>
      <SelectField
        label={t('editor.field.shelf')}
        value={book.shelf}
        issues={issues}
        field="shelf"
        options={[
          { value: '', label: '—' },
          ...draft.source.shelves.map((s) => ({ value: s.id, label: pickText(s.label, lang) })),
        ]}
        onChange={(shelf) => {
          update({ shelf });
        }}
      />
      <div className="field-row">
        <NumberField
          label={t('editor.field.copies')}
          value={book.copies}
          issues={issues}
          field="copies"
          onChange={(copies) => {
            update({ copies: numberOr(copies, 0) });
          }}
        />
        <NumberField
          label={t('editor.field.available')}
          value={book.available}
          issues={issues}
          field="available"
          onChange={(available) => {
            update({ available: numberOr(available, 0) });
          }}
        />
      </div>
      <LangMapField
        label={t('editor.field.description')}
        value={book.description}
        multiline
        issues={issues}
        field="description"
        onChange={(description) => {
          update({ description });
        }}
      />
      <LangMapField
        label={t('editor.field.summary')}
        value={book.summary}
        multiline
        onChange={(summary) => {
          update(Object.keys(summary).length ? { summary } : { summary: undefined });
        }}
      />
      <div className="field-row">
        <TextField
          label={t('editor.field.isbn')}
          value={book.isbn ?? ''}
          onChange={(isbn) => {
            update({ isbn: isbn || undefined });
          }}
        />
        <TextField
          label={t('editor.field.slims')}
          value={book.slimsBiblioId ?? ''}
          onChange={(slimsBiblioId) => {
            update({ slimsBiblioId: slimsBiblioId || undefined });
          }}
        />
        <NumberField
          label={t('editor.field.width')}
          value={book.physicalWidthMm}
          issues={issues}
          field="physicalWidthMm"
          onChange={(physicalWidthMm) => {
            update({ physicalWidthMm });
          }}
        />
      </div>
      <MultiChoice
        label={t('editor.field.stories')}
        value={book.stories ?? []}
        options={(draft.source.stories ?? []).map((s) => ({
          value: s.id,
          label: pickText(s.title, lang),
        }))}
        onChange={(stories) => {
          update({ stories });
        }}
      />
      <CoverTool picturePath={book.cover} title={t('editor.cover.title')} />
      <ModelTool book={book} />
      <p>
        {/* Scanning starts on this book's shelf, so its cover is recognised at once. */}
        <Link
          href={`${paths.editorTry}?shelf=${encodeURIComponent(book.shelf)}`}
          className="button"
        >
          <Camera aria-hidden="true" />
          {t('editor.publish.try')}
        </Link>
      </p>
      <RemoveButton
        onRemove={() => {
          edit((d) => removeBook(d, book.id));
          select(null);
        }}
      />
    </div>
  );
}

export function BooksEditor() {
  const t = useEditorT();
  return (
    <EntitySection
      kind="book"
      heading={t('editor.section.books')}
      entities={(draft) => draft.source.books}
      titleOf={(book) => book.title}
      add={(draft, title) => addBook(draft, title, draft.source.shelves[0]?.id ?? '')}
      form={(book, draft) => <BookForm key={book.id} book={book} draft={draft} />}
    />
  );
}

// Stories

const sourcesToText = (sources: SourceStoryInput['sources']) =>
  sources.map((s) => (s.url ? `${s.title} | ${s.url}` : s.title)).join('\n');

function textToSources(text: string): SourceStoryInput['sources'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [title = '', url] = line.split('|').map((part) => part.trim());
      return url ? { title, url } : { title };
    });
}

function MarkdownPreview({ text }: { text: LangMap }) {
  const t = useEditorT();
  const lang = useLang();
  const body = text[lang] ?? Object.values(text)[0] ?? '';
  return (
    <div className="markdown-preview" aria-label={t('editor.preview')}>
      <p className="field-hint">{t('editor.preview')}</p>
      {/* Sanitised by DOMPurify, as on the visitor's story page. */}
      <div className="story-body" dangerouslySetInnerHTML={{ __html: markdownToSafeHtml(body) }} />
    </div>
  );
}

function StoryForm({ story, draft }: { story: SourceStoryInput; draft: Draft }) {
  const t = useEditorT();
  const lang = useLang();
  const [, select] = useSelected('story');
  const issues = validateEntity('story', story, draft);
  const [sourcesText, setSourcesText] = useState(() => sourcesToText(story.sources));
  const update = (patch: Partial<SourceStoryInput>) => {
    edit((d) => updateStory(d, story.id, patch));
  };
  return (
    <div className="editor-form">
      <h2>{pickText(story.title, lang) || story.id}</h2>
      <LangMapField
        label={t('editor.field.title')}
        value={story.title}
        issues={issues}
        field="title"
        onChange={(title) => {
          update({ title });
        }}
      />
      <LangMapField
        label={t('editor.field.summary')}
        value={story.summary}
        onChange={(summary) => {
          update({ summary });
        }}
      />
      <LangMapField
        label={t('editor.field.body')}
        value={story.body}
        multiline
        issues={issues}
        field="body"
        hint={t('editor.markdownHelp')}
        onChange={(body) => {
          update({ body });
        }}
      />
      <MarkdownPreview text={story.body} />
      <TextField
        label={t('editor.field.sources')}
        value={sourcesText}
        multiline
        issues={issues}
        field="sources"
        onChange={(text) => {
          setSourcesText(text);
          update({ sources: textToSources(text) });
        }}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={story.featured ?? false}
          onChange={(event) => {
            update({ featured: event.target.checked });
          }}
        />
        {t('editor.field.featured')}
      </label>
      <MultiChoice
        label={t('editor.field.books')}
        value={story.books ?? []}
        options={draft.source.books.map((b) => ({ value: b.id, label: pickText(b.title, lang) }))}
        onChange={(books) => {
          update({ books });
        }}
      />
      <MultiChoice
        label={t('editor.field.shelves')}
        value={story.shelves ?? []}
        options={draft.source.shelves.map((s) => ({ value: s.id, label: pickText(s.label, lang) }))}
        onChange={(shelves) => {
          update({ shelves });
        }}
      />
      <RemoveButton
        onRemove={() => {
          edit((d) => removeStory(d, story.id));
          select(null);
        }}
      />
    </div>
  );
}

export function StoriesEditor() {
  const t = useEditorT();
  return (
    <EntitySection
      kind="story"
      heading={t('editor.section.stories')}
      entities={(draft) => draft.source.stories ?? []}
      titleOf={(story) => story.title}
      add={addStory}
      form={(story, draft) => <StoryForm key={story.id} story={story} draft={draft} />}
    />
  );
}

// Tours

type Stop = TourInput['stops'][number];

const choicesToText = (question: Stop['question']) =>
  question
    ? question.choices
        .map((c, i) => `${i === question.answer ? '*' : ''}${c.id ?? c.en ?? ''}`)
        .join('\n')
    : '';

function StopForm({
  stop,
  index,
  tour,
  draft,
  issues,
}: {
  stop: Stop;
  index: number;
  tour: TourInput;
  draft: Draft;
  issues: readonly FeedIssue[];
}) {
  const t = useEditorT();
  const lang = useLang();
  const setStop = (patch: Partial<Stop>) => {
    edit((d) =>
      updateTour(d, tour.id, {
        stops: tour.stops.map((s, i) => (i === index ? { ...s, ...patch } : s)),
      }),
    );
  };
  const field = `stops[${index}]`;
  const targets = [
    ...draft.source.shelves.map((s) => ({
      value: targetKey({ kind: 'shelf', id: s.id }),
      label: `▦ ${pickText(s.label, lang)}`,
    })),
    ...draft.source.books.map((b) => ({
      value: targetKey({ kind: 'book', id: b.id }),
      label: `▤ ${pickText(b.title, lang)}`,
    })),
  ];
  return (
    <fieldset className="stop-form">
      <legend>
        {index + 1}. {stop.id}
      </legend>
      <SelectField
        label={t('editor.field.find')}
        value={targetKey(stop.find)}
        options={targets}
        onChange={(value) => {
          const find = parseTargetKey(value);
          if (find) setStop({ find });
        }}
      />
      <LangMapField
        label={t('editor.field.instruction')}
        value={stop.instruction}
        issues={issues}
        field={`${field}.instruction`}
        onChange={(instruction) => {
          setStop({ instruction });
        }}
      />
      <LangMapField
        label={t('editor.field.narration')}
        value={stop.narration}
        multiline
        issues={issues}
        field={`${field}.narration`}
        onChange={(narration) => {
          setStop({ narration });
        }}
      />
      <LangMapField
        label={t('editor.field.question')}
        value={stop.question?.prompt}
        onChange={(prompt) => {
          if (Object.keys(prompt).length === 0) {
            const { question: _question, ...rest } = stop;
            edit((d) =>
              updateTour(d, tour.id, { stops: tour.stops.map((s, i) => (i === index ? rest : s)) }),
            );
            return;
          }
          setStop({
            question: {
              prompt,
              choices: stop.question?.choices ?? [{ id: '' }, { id: '' }],
              answer: stop.question?.answer ?? 0,
              explanation: stop.question?.explanation ?? { id: '' },
            },
          });
        }}
      />
      {stop.question && (
        <>
          <TextField
            label={t('editor.field.choices')}
            value={choicesToText(stop.question)}
            multiline
            issues={issues}
            field={`${field}.question`}
            onChange={(text) => {
              const lines = text.split('\n');
              const answer = Math.max(
                0,
                lines.findIndex((line) => line.startsWith('*')),
              );
              const choices = lines.map((line) => ({ id: line.replace(/^\*/, '').trim() }));
              if (stop.question) setStop({ question: { ...stop.question, choices, answer } });
            }}
          />
          <LangMapField
            label={t('editor.field.explanation')}
            value={stop.question.explanation}
            onChange={(explanation) => {
              if (stop.question) setStop({ question: { ...stop.question, explanation } });
            }}
          />
        </>
      )}
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          edit((d) => updateTour(d, tour.id, { stops: tour.stops.filter((_, i) => i !== index) }));
        }}
      >
        <Trash2 aria-hidden="true" />
        {t('editor.remove')}
      </button>
    </fieldset>
  );
}

function TourForm({ tour, draft }: { tour: TourInput; draft: Draft }) {
  const t = useEditorT();
  const lang = useLang();
  const [, select] = useSelected('tour');
  const issues = validateEntity('tour', tour, draft);
  const update = (patch: Partial<TourInput>) => {
    edit((d) => updateTour(d, tour.id, patch));
  };
  return (
    <div className="editor-form">
      <h2>{pickText(tour.title, lang) || tour.id}</h2>
      <LangMapField
        label={t('editor.field.title')}
        value={tour.title}
        issues={issues}
        field="title"
        onChange={(title) => {
          update({ title });
        }}
      />
      <LangMapField
        label={t('editor.field.description')}
        value={tour.description}
        multiline
        issues={issues}
        field="description"
        onChange={(description) => {
          update({ description });
        }}
      />
      <div className="field-row">
        <NumberField
          label={t('editor.field.minAge')}
          value={tour.audience.minAge}
          onChange={(minAge) => {
            update({ audience: { ...tour.audience, minAge } });
          }}
        />
        <NumberField
          label={t('editor.field.maxAge')}
          value={tour.audience.maxAge}
          onChange={(maxAge) => {
            update({ audience: { ...tour.audience, maxAge } });
          }}
        />
        <NumberField
          label={t('editor.field.minutes')}
          value={tour.minutes}
          issues={issues}
          field="minutes"
          onChange={(minutes) => {
            update({ minutes: numberOr(minutes, 0) });
          }}
        />
      </div>
      <LangMapField
        label={t('editor.field.audienceLabel')}
        value={tour.audience.label}
        onChange={(label) => {
          update({ audience: { ...tour.audience, label } });
        }}
      />
      <h3>{t('editor.field.stops')}</h3>
      <FieldProblem issues={issues} field="stops" />
      {tour.stops.map((stop, index) => (
        <StopForm
          key={`${stop.id}-${index}`}
          stop={stop}
          index={index}
          tour={tour}
          draft={draft}
          issues={issues}
        />
      ))}
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          const first = draft.source.shelves[0];
          const taken = new Set(tour.stops.map((s) => s.id));
          let n = tour.stops.length + 1;
          while (taken.has(`perhentian-${n}`)) n++;
          update({
            stops: [
              ...tour.stops,
              {
                id: `perhentian-${n}`,
                find: { kind: 'shelf', id: first?.id ?? '' },
                instruction: { id: '' },
                narration: { id: '' },
              },
            ],
          });
        }}
      >
        {t('editor.addStop')}
      </button>
      <RemoveButton
        onRemove={() => {
          edit((d) => removeTour(d, tour.id));
          select(null);
        }}
      />
    </div>
  );
}

export function ToursEditor() {
  const t = useEditorT();
  return (
    <EntitySection
      kind="tour"
      heading={t('editor.section.tours')}
      entities={(draft) => draft.source.tours ?? []}
      titleOf={(tour) => tour.title}
      add={addTour}
      form={(tour, draft) => <TourForm key={tour.id} tour={tour} draft={draft} />}
    />
  );
}

// Events

/** "2026-12-05T09:00:00+08:00" ⇄ the "2026-12-05T09:00" of a datetime-local input, in WITA. */
const toLocalInput = (iso: string) => iso.slice(0, 16);
const fromLocalInput = (value: string, offset: string) => (value ? `${value}:00${offset}` : '');

function EventForm({ event, draft }: { event: EventInput; draft: Draft }) {
  const t = useEditorT();
  const lang = useLang();
  const [, select] = useSelected('event');
  const issues = validateEntity('event', event, draft);
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(event.start)?.[1] ?? '+08:00';
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
          value={toLocalInput(event.start)}
          issues={issues}
          field="start"
          onChange={(value) => {
            update({ start: fromLocalInput(value, offset) });
          }}
        />
        <TextField
          label={t('editor.field.end')}
          type="datetime-local"
          value={toLocalInput(event.end)}
          issues={issues}
          field="end"
          onChange={(value) => {
            update({ end: fromLocalInput(value, offset) });
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
