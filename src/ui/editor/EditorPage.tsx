/**
 * The staff editor (its own chunk; visitors never download it and the service worker does not
 * precache it). Sections for the library, shelves, books, stories, tours and events, then check
 * and publish. Every change is saved to IndexedDB at once and can be undone.
 */
import { Redo2, Undo2 } from 'lucide-react';
import './editor.css';
import { useEffect, type ReactNode } from 'react';
import type { EditorSection } from '../../state/editor-store.ts';
import { DraftAccessBanner, useDraftAccess } from './DraftAccess.tsx';
import { EditorStart, useFreshDraft } from './EditorStart.tsx';
import { useEditorT } from './i18n.ts';
import { PublishPanel } from './PublishPanel.tsx';
import { booksSection } from './sections/BooksSection.tsx';
import { CatalogueImport } from './CatalogueImport.tsx';
import { EntitySection } from './sections/EntitySection.tsx';
import { eventsSection } from './sections/EventsSection.tsx';
import { LibraryEditor } from './sections/LibrarySection.tsx';
import { shelvesSection } from './sections/ShelvesSection.tsx';
import { storiesSection } from './sections/StoriesSection.tsx';
import { toursSection } from './sections/ToursSection.tsx';
import { useEditorStore, useDraftLoaded, useEditor, useHistory } from './store.ts';

const SECTIONS: readonly EditorSection[] = [
  'library',
  'shelves',
  'books',
  'stories',
  'tours',
  'events',
  'publish',
];

const PANELS: Record<EditorSection, () => ReactNode> = {
  library: () => <LibraryEditor />,
  shelves: () => <EntitySection {...shelvesSection} />,
  books: () => (
    <>
      <EntitySection {...booksSection} />
      <CatalogueImport />
    </>
  ),
  stories: () => <EntitySection {...storiesSection} />,
  tours: () => <EntitySection {...toursSection} />,
  events: () => <EntitySection {...eventsSection} />,
  publish: () => <PublishPanel />,
};

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

function UndoRedo() {
  const store = useEditorStore();
  const t = useEditorT();
  const canUndo = useHistory((state) => state.pastStates.length > 0);
  const canRedo = useHistory((state) => state.futureStates.length > 0);
  useEffect(() => {
    // Ctrl+Z outside text fields; inside them the browser's own undo of the typing applies.
    const onKey = (event: KeyboardEvent) => {
      if (
        !(event.ctrlKey || event.metaKey) ||
        event.key.toLowerCase() !== 'z' ||
        isTyping(event.target)
      )
        return;
      event.preventDefault();
      const history = store.temporal.getState();
      if (event.shiftKey) history.redo();
      else history.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [store]);
  return (
    <div className="button-row undo-row">
      <button
        type="button"
        className="button button-quiet"
        disabled={!canUndo}
        onClick={() => {
          store.temporal.getState().undo();
        }}
      >
        <Undo2 aria-hidden="true" />
        {t('editor.undo')}
      </button>
      <button
        type="button"
        className="button button-quiet"
        disabled={!canRedo}
        onClick={() => {
          store.temporal.getState().redo();
        }}
      >
        <Redo2 aria-hidden="true" />
        {t('editor.redo')}
      </button>
    </div>
  );
}

export default function EditorPage() {
  const store = useEditorStore();
  const t = useEditorT();
  const loaded = useDraftLoaded();
  const section = useEditor((state) => state.section);
  const access = useDraftAccess();
  const fresh = useFreshDraft();
  // A draft this tab cannot read is not shown at all; one another tab edits is shown, locked.
  const hidden = access === 'newer' || access === 'unreadable';
  return (
    <div className="editor">
      <h1>{t('editor.title')}</h1>
      <p className="muted">{t('editor.lead')}</p>
      <DraftAccessBanner />
      {loaded && !hidden ? (
        <>
          <fieldset className="editor-lock" disabled={access !== 'editing'}>
            <legend className="visually-hidden">{t('editor.title')}</legend>
            <UndoRedo />
            {fresh && <EditorStart />}
          </fieldset>
          <nav aria-label={t('editor.sections')} className="editor-nav">
            {SECTIONS.map((name) => (
              <button
                key={name}
                type="button"
                className="chip-button"
                aria-current={name === section ? 'page' : undefined}
                onClick={() => {
                  store.getState().go(name);
                }}
              >
                {t(`editor.section.${name}`)}
              </button>
            ))}
          </nav>
          <fieldset className="editor-lock" disabled={access !== 'editing'}>
            <legend className="visually-hidden">{t(`editor.section.${section}`)}</legend>
            {PANELS[section]()}
          </fieldset>
        </>
      ) : (
        !hidden && (
          <p role="status" className="loading">
            {t('editor.loadingDraft')}
          </p>
        )
      )}
    </div>
  );
}
