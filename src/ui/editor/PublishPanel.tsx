/**
 * Check, try and publish: the list of what still needs fixing (each a link to the form), "Try it"
 * with the camera, the ZIP to upload, and ways to start over (import a ZIP, the catalog on screen,
 * or an empty draft). Replacing the draft is one undo step, so nothing is lost by a wrong click.
 */
import { Camera, Download, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { DraftStorageError } from '../../data/draft-files.ts';
import type { FeedIssue } from '../../domain/feed/issues.ts';
import { pickText, type LangMap } from '../../domain/langmap.ts';
import {
  checkDraft,
  placeOfPath,
  problemKey,
  type DraftProblem,
} from '../../domain/source/draft-check.ts';
import { editorId, type EditorMessageKey } from '../../i18n/editor-messages.ts';
import { emptyDraft, type Draft } from '../../domain/source/draft.ts';
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
import { FEED_PARAM } from '../../domain/feed-url.ts';
import { QrCode } from '../tours/QrCode.tsx';
import { useEditorT } from './i18n.ts';
import { ZipPicker } from './ZipPicker.tsx';
import { paths } from '../paths.ts';
import { useEditor, useEditorStore } from './store.ts';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly message: string }
  | {
      readonly kind: 'issues';
      readonly problems: readonly ListedProblem[];
      readonly warnings: readonly ListedProblem[];
    }
  | {
      readonly kind: 'done';
      readonly message: string;
      readonly warnings?: readonly ListedProblem[];
    }
  | { readonly kind: 'failed'; readonly message: string };

/** A problem as the list shows it: the item it belongs to (if any is known) and its field. */
type ListedProblem = Omit<DraftProblem, 'kind'> & { readonly kind: DraftProblem['kind'] | null };

const SECTION_OF: Record<DraftProblem['kind'], EditorSection> = {
  library: 'library',
  book: 'books',
  shelf: 'shelves',
  story: 'stories',
  tour: 'tours',
  event: 'events',
};

/** A publish check's issue, placed on the item and field it is about. */
function listed(draft: Draft, issue: FeedIssue): ListedProblem {
  const place = placeOfPath(draft, issue.path);
  if (!place) {
    return {
      kind: null,
      id: '',
      title: null,
      field: null,
      message: issue.message,
      severity: 'error',
    };
  }
  const item =
    place.kind === 'library'
      ? undefined
      : (
          {
            book: draft.source.books,
            shelf: draft.source.shelves,
            story: draft.source.stories ?? [],
            tour: draft.source.tours ?? [],
            event: draft.source.events ?? [],
          }[place.kind] as readonly { id: string; title?: LangMap; label?: LangMap }[]
        ).find((candidate) => candidate.id === place.id);
  return {
    ...place,
    title: item ? (item.title ?? item.label ?? null) : null,
    message: issue.message,
    severity: 'error',
  };
}

/**
 * The whole check: each item's form rules (the badges count the same), what only the publish step
 * finds (a file not added, a cover not compiled), and warnings; each problem listed once.
 */
function checkAll(
  draft: Draft,
  publishIssues: readonly FeedIssue[],
  publishWarnings: readonly FeedIssue[] = [],
) {
  const own = checkDraft(draft);
  const seen = new Set<string>();
  const errors: ListedProblem[] = [];
  for (const problem of [
    ...own.filter((p) => p.severity === 'error'),
    ...publishIssues.map((issue) => listed(draft, issue)),
  ]) {
    const key = problem.kind ? problemKey({ ...problem, kind: problem.kind }) : problem.message.id;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(problem);
  }
  return {
    errors,
    warnings: [
      ...own.filter((p) => p.severity === 'warning'),
      ...publishWarnings.map((issue) => ({
        ...listed(draft, issue),
        severity: 'warning' as const,
      })),
    ],
  };
}

function ProblemList({
  problems,
  heading,
  role,
}: {
  problems: readonly ListedProblem[];
  heading: string;
  role?: 'alert';
}) {
  const store = useEditorStore();
  const t = useEditorT();
  const lang = useLang();
  const labelOf = (field: string | null) => {
    const key = `editor.field.${field ?? ''}`;
    return field && key in editorId
      ? t(key as EditorMessageKey).replace(/\s*\(.*\)$/, '')
      : undefined;
  };
  return (
    <div role={role} className={role ? 'publish-issues' : 'publish-warnings'}>
      <p>{heading}</p>
      <ul>
        {problems.map((problem, index) => {
          const what = problem.kind
            ? problem.kind === 'library'
              ? t('editor.check.kind.library')
              : t('editor.check.item', {
                  what: t(`editor.check.kind.${problem.kind}`),
                  title: (problem.title && pickText(problem.title, lang)) || problem.id,
                })
            : null;
          const label = labelOf(problem.field);
          const text = [what, label].filter(Boolean).join(', ');
          const message = text ? `${text}: ${problem.message[lang]}` : problem.message[lang];
          const { kind } = problem;
          return (
            <li key={`${problem.kind ?? ''}-${problem.id}-${String(index)}`}>
              {kind ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    store
                      .getState()
                      .go(
                        SECTION_OF[kind],
                        kind === 'library' ? null : { kind, id: problem.id },
                        problem.field,
                      );
                  }}
                >
                  {message}
                </button>
              ) : (
                message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * How the bundle reaches visitors, in plain words: upload it to a folder of the library's website,
 * and the link and QR code that open it in the app appear here, to print.
 */
function PublishWhere() {
  const t = useEditorT();
  const [site, setSite] = useState('');
  const feed = feedAddress(site);
  const link = feed ? visitorLink(feed) : null;
  return (
    <section aria-labelledby="publish-where">
      <h3 id="publish-where">{t('editor.publish.whereTitle')}</h3>
      <p>{t('editor.publish.whereSteps')}</p>
      <div className="field">
        <label htmlFor="publish-site">{t('editor.publish.siteAddress')}</label>
        <input
          id="publish-site"
          type="url"
          inputMode="url"
          placeholder="https://perpustakaan.example/lensa/"
          value={site}
          onChange={(event) => {
            setSite(event.target.value);
          }}
        />
      </div>
      {link && (
        <div className="publish-link">
          <p>
            {t('editor.publish.visitorLink')}: <a href={link}>{link}</a>
          </p>
          <QrCode text={link} label={t('editor.publish.qrAlt')} size={200} />
        </div>
      )}
    </section>
  );
}

/** The feed in a folder staff name ("https://x/lensa" or ".../catalog.json"), or null. */
function feedAddress(site: string): string | null {
  const trimmed = site.trim();
  if (!/^https?:\/\//i.test(trimmed) || !URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  if (!url.pathname.endsWith('.json')) {
    url.pathname = `${url.pathname.replace(/\/?$/, '/')}catalog.json`;
  }
  return url.href;
}

/** This app's address with the feed to open. */
function visitorLink(feed: string): string {
  const app = new URL(import.meta.env.BASE_URL, location.href);
  app.searchParams.set(FEED_PARAM, feed);
  return app.href;
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
      const { errors, warnings } = checkAll(
        store.getState().draft,
        result.ok ? [] : result.issues,
        result.ok ? result.published.lookAlikes : [],
      );
      setStatus(
        errors.length === 0
          ? { kind: 'done', message: t('editor.publish.ok'), warnings }
          : { kind: 'issues', problems: errors, warnings },
      );
    } catch (error) {
      failed(error);
    }
  };

  const exportZip = async () => {
    setStatus({ kind: 'busy', message: t('editor.publish.export') });
    try {
      const { draft, result } = await publish();
      const { errors, warnings } = checkAll(
        draft,
        result.ok ? [] : result.issues,
        result.ok ? result.published.lookAlikes : [],
      );
      if (!result.ok || errors.length > 0) {
        setStatus({ kind: 'issues', problems: errors, warnings });
        return;
      }
      download(await exportBundle(draft, result.published), zipName(draft));
      setStatus({ kind: 'done', message: t('editor.publish.exported'), warnings });
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
      else
        setStatus({
          kind: 'issues',
          problems: result.issues.map((issue) => listed(store.getState().draft, issue)),
          warnings: [],
        });
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
      {status.kind === 'issues' && (
        <ProblemList
          role="alert"
          problems={status.problems}
          heading={t('editor.publish.issues', { count: status.problems.length })}
        />
      )}
      {(status.kind === 'issues' || status.kind === 'done') &&
        status.warnings &&
        status.warnings.length > 0 && (
          <ProblemList
            problems={status.warnings}
            heading={t('editor.check.warnings', { count: status.warnings.length })}
          />
        )}
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

      <PublishWhere />

      <h3>{t('editor.publish.startOver')}</h3>
      <p className="muted">{t('editor.publish.replaceWarning')}</p>
      <div className="button-row">
        <ZipPicker
          label={t('editor.publish.import')}
          disabled={busy}
          onFile={(file) => void importZip(file)}
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
