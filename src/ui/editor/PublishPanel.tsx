/**
 * Check, try and publish: the list of what still needs fixing (each a link to the form), "Try it"
 * with the camera, the ZIP to upload, and ways to start over (import a ZIP, the catalog on screen,
 * or an empty draft). Replacing the draft is one undo step, so nothing is lost by a wrong click.
 */
import { Camera, Download, FileUp, RefreshCw } from 'lucide-react';
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { DraftStorageError } from '../../data/draft-files.ts';
import type { FeedIssue } from '../../domain/feed/issues.ts';
import { pickText } from '../../domain/langmap.ts';
import { emptyDraft, type Draft, type EntityKind } from '../../domain/source/draft.ts';
import { BUNDLE_LIMITS } from '../../editor/bundle.ts';
import {
  exportBundle,
  importBundle,
  importCatalog,
  publishDraft,
  withGeneratedFiles,
} from '../../editor/publish.ts';
import type { EditorSection } from '../../state/editor-store.ts';
import { useCatalogState, useLang } from '../context.tsx';
import { parseTargetKey } from '../../domain/targets.ts';
import { useEditorT } from './i18n.ts';
import { paths } from '../paths.ts';
import { useEditor, useEditorStore } from './store.ts';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly message: string }
  | { readonly kind: 'issues'; readonly issues: readonly FeedIssue[] }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

const LISTS: Record<string, [EditorSection, EntityKind]> = {
  books: ['books', 'book'],
  shelves: ['shelves', 'shelf'],
  stories: ['stories', 'story'],
  tours: ['tours', 'tour'],
  events: ['events', 'event'],
};

/** Where in the editor a problem can be fixed, from its path ("books[3].title.id", "target:book:x"). */
function placeOf(
  draft: Draft,
  path: string,
): { section: EditorSection; kind?: EntityKind; id?: string } | null {
  const listed = /^(books|shelves|stories|tours|events)\[(\d+)\]/.exec(path);
  if (listed) {
    const [section, kind] = LISTS[listed[1] as string] as [EditorSection, EntityKind];
    const list = draft.source[listed[1] as 'books'] as readonly { id: string }[] | undefined;
    const id = list?.[Number(listed[2])]?.id;
    return id ? { section, kind, id } : { section };
  }
  const target = path.startsWith('target:') ? parseTargetKey(path.slice(7)) : undefined;
  if (target) {
    const { kind, id } = target;
    return { section: kind === 'book' ? 'books' : 'shelves', kind, id };
  }
  if (path.startsWith('library') || path.startsWith('title')) return { section: 'library' };
  const file = /^file:(.+)$/.exec(path);
  if (file) {
    const book = draft.source.books.find((b) => b.cover === file[1] || b.model?.file === file[1]);
    if (book) return { section: 'books', kind: 'book', id: book.id };
    const shelf = draft.source.shelves.find((s) => s.sign === file[1]);
    if (shelf) return { section: 'shelves', kind: 'shelf', id: shelf.id };
  }
  return null;
}

function IssueList({ issues }: { issues: readonly FeedIssue[] }) {
  const store = useEditorStore();
  const t = useEditorT();
  const lang = useLang();
  const draft = store.getState().draft;
  return (
    <div role="alert" className="publish-issues">
      <p>{t('editor.publish.issues', { count: issues.length })}</p>
      <ul>
        {issues.map((issue, index) => {
          const place = placeOf(draft, issue.path);
          const text = `${issue.message[lang]} (${issue.path})`;
          return (
            <li key={`${issue.path}-${String(index)}`}>
              {place ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    store
                      .getState()
                      .go(
                        place.section,
                        place.kind && place.id ? { kind: place.kind, id: place.id } : null,
                      );
                  }}
                >
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function download(bytes: Uint8Array, name: string) {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

const zipName = (draft: Draft) => {
  const name = pickText(draft.source.library.name, 'id') || 'katalog';
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'katalog'}-${new Date().toISOString().slice(0, 10)}.zip`;
};

export function PublishPanel() {
  const store = useEditorStore();
  const t = useEditorT();
  const catalog = useCatalogState((state) => state.catalog);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const zipInput = useRef<HTMLInputElement>(null);
  const busy = status.kind === 'busy';

  const failed = (error: unknown) => {
    setStatus({
      kind: 'failed',
      message:
        error instanceof DraftStorageError && error.full ? t('editor.storageFull') : String(error),
    });
  };

  const publish = async () => {
    const draft = await withGeneratedFiles(store.getState().draft);
    return { draft, result: await publishDraft(draft) };
  };

  const check = async () => {
    setStatus({ kind: 'busy', message: t('editor.publish.check') });
    try {
      const { result } = await publish();
      setStatus(
        result.ok
          ? { kind: 'done', message: t('editor.publish.ok') }
          : { kind: 'issues', issues: result.issues },
      );
    } catch (error) {
      failed(error);
    }
  };

  const exportZip = async () => {
    setStatus({ kind: 'busy', message: t('editor.publish.export') });
    try {
      const { draft, result } = await publish();
      if (!result.ok) {
        setStatus({ kind: 'issues', issues: result.issues });
        return;
      }
      download(await exportBundle(draft, result.published), zipName(draft));
      setStatus({ kind: 'done', message: t('editor.publish.exported') });
    } catch (error) {
      failed(error);
    }
  };

  const [replacing, setReplacing] = useState<Draft | null>(null);
  const books = useEditor((state) => state.draft.source.books.length);
  const hasWork = useEditor(
    (state) =>
      state.draft.source.books.length > 0 ||
      state.draft.source.shelves.length > 0 ||
      (state.draft.source.stories?.length ?? 0) > 0,
  );
  const replaceNow = (draft: Draft) => {
    setReplacing(null);
    store.getState().replace(draft);
    setStatus({ kind: 'done', message: t('editor.publish.imported') });
  };
  // Replacing a draft with work in it asks first (and stays one step that Undo takes back).
  const replaceWith = (draft: Draft) => {
    if (hasWork) setReplacing(draft);
    else replaceNow(draft);
  };

  const importZip = async (file: File) => {
    if (file.size > BUNDLE_LIMITS.zipBytes) {
      setStatus({ kind: 'failed', message: t('editor.publish.zipTooLarge') });
      return;
    }
    setStatus({ kind: 'busy', message: t('editor.publish.importing', { done: 0, total: 1 }) });
    try {
      const result = await importBundle(new Uint8Array(await file.arrayBuffer()), (done, total) => {
        setStatus({ kind: 'busy', message: t('editor.publish.importing', { done, total }) });
      });
      if (result.ok) replaceWith(result.draft);
      else setStatus({ kind: 'issues', issues: result.issues });
    } catch (error) {
      failed(error);
    }
  };

  const importShown = async () => {
    if (!catalog) return;
    try {
      const draft = await importCatalog(catalog, (done, total) => {
        setStatus({ kind: 'busy', message: t('editor.publish.importing', { done, total }) });
      });
      replaceWith(draft);
    } catch (error) {
      failed(error);
    }
  };

  return (
    <section className="publish-panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('editor.section.publish')}</h2>
      <p className="muted">{t('editor.publish.lead')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void check()}>
          {t('editor.publish.check')}
        </button>
        <Link href={paths.editorTry} className="button">
          <Camera aria-hidden="true" />
          {t('editor.publish.try')}
        </Link>
        <button type="button" className="button" disabled={busy} onClick={() => void exportZip()}>
          <Download aria-hidden="true" />
          {t('editor.publish.export')}
        </button>
      </div>
      <div aria-live="polite">
        {status.kind === 'busy' && (
          <p role="status" className="muted">
            {status.message}
          </p>
        )}
        {status.kind === 'done' && <p role="status">{status.message}</p>}
      </div>
      {status.kind === 'issues' && <IssueList issues={status.issues} />}
      {status.kind === 'failed' && (
        <p role="alert" className="pack-problem">
          {status.message}
        </p>
      )}

      {replacing && (
        <div role="alertdialog" aria-labelledby="replace-question" className="draft-access">
          <p id="replace-question">{t('editor.replace.confirm', { books })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                replaceNow(replacing);
              }}
            >
              {t('editor.replace.yes')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setReplacing(null);
                setStatus({ kind: 'idle' });
              }}
            >
              {t('editor.replace.cancel')}
            </button>
          </div>
        </div>
      )}

      <h3>{t('editor.publish.startOver')}</h3>
      <p className="muted">{t('editor.publish.replaceWarning')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => zipInput.current?.click()}
        >
          <FileUp aria-hidden="true" />
          {t('editor.publish.import')}
        </button>
        <input
          ref={zipInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          aria-label={t('editor.publish.import')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importZip(file);
          }}
        />
        <button
          type="button"
          className="button"
          disabled={busy || !catalog}
          onClick={() => void importShown()}
        >
          <RefreshCw aria-hidden="true" />
          {t('editor.publish.importCurrent')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={busy}
          onClick={() => {
            replaceWith(emptyDraft());
          }}
        >
          {t('editor.publish.new')}
        </button>
      </div>
    </section>
  );
}
