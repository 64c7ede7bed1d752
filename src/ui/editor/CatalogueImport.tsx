/**
 * Importing a catalogue file into the draft: read in a worker, previewed with the merge's own
 * report (what is added, updated, withdrawn, skipped and why), applied as one undoable step.
 */
import { useMemo, useRef, useState } from 'react';
import { WARNING_TEXT } from '../../domain/import/record.ts';
import {
  previewImport,
  readCatalogueFile,
  type CatalogueFileResult,
} from '../../editor/catalogue-import.ts';
import { useLang } from '../context.tsx';
import { useEditorT } from './i18n.ts';
import { useEditor, useEditorStore } from './store.ts';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly fraction: number }
  | {
      readonly kind: 'preview';
      readonly file: string;
      readonly read: CatalogueFileResult;
      /** When the file was read: the figures' date. */
      readonly now: string;
    }
  | { readonly kind: 'applied'; readonly added: number }
  | { readonly kind: 'failed'; readonly message: string };

const SHOWN_WARNINGS = 50;

export function CatalogueImport() {
  const t = useEditorT();
  const lang = useLang();
  const store = useEditorStore();
  const draft = useEditor((state) => state.draft);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [complete, setComplete] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const preview = useMemo(
    () =>
      phase.kind === 'preview'
        ? previewImport(draft, phase.read, { from: phase.file, complete, now: phase.now })
        : null,
    [phase, draft, complete],
  );

  const choose = async (file: File) => {
    setPhase({ kind: 'reading', fraction: 0 });
    const read = await readCatalogueFile(file, (fraction) => {
      setPhase({ kind: 'reading', fraction });
    });
    if (!read.ok) {
      const message =
        read.reason === 'too-large'
          ? t('editor.catalogue.tooLarge')
          : read.reason === 'unknown'
            ? t('editor.catalogue.unknown')
            : t('editor.catalogue.failed', { detail: read.detail ?? '' });
      setPhase({ kind: 'failed', message });
      return;
    }
    if (read.result.records.length === 0) {
      const [first] = read.result.warnings;
      const why = first ? ` ${first.record}: ${first.detail ?? first.code}` : '';
      setPhase({ kind: 'failed', message: `${t('editor.catalogue.nothing')}${why}` });
      return;
    }
    setPhase({
      kind: 'preview',
      file: file.name,
      read: read.result,
      now: new Date().toISOString(),
    });
  };

  const apply = () => {
    if (!preview) return;
    store.getState().edit((current) => ({ ...current, source: preview.source }));
    setPhase({ kind: 'applied', added: preview.report.added.length });
  };

  return (
    <section className="catalogue-import" aria-labelledby="catalogue-import-title">
      <h2 id="catalogue-import-title">{t('editor.catalogue.title')}</h2>
      <p className="field-hint">{t('editor.catalogue.lead')}</p>
      <button
        type="button"
        className="button"
        disabled={phase.kind === 'reading'}
        onClick={() => input.current?.click()}
      >
        {t('editor.catalogue.choose')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t('editor.catalogue.choose')}
        accept=".mrc,.marc,.dat,.xml,.json,.csv,.tsv,.txt,text/xml,application/xml,application/json,text/csv"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void choose(file);
        }}
      />
      <div role="status" aria-live="polite">
        {phase.kind === 'reading' && (
          <p>
            {t('editor.catalogue.reading')}{' '}
            <progress max={1} value={phase.fraction} aria-label={t('editor.catalogue.reading')} />
          </p>
        )}
        {phase.kind === 'applied' && <p>{t('editor.catalogue.applied', { added: phase.added })}</p>}
      </div>
      {phase.kind === 'failed' && <p role="alert">{phase.message}</p>}
      {phase.kind === 'preview' && preview && (
        <div className="catalogue-preview">
          <p>
            <strong>{phase.file}</strong>:{' '}
            {t('editor.catalogue.summary', {
              added: preview.report.added.length,
              updated: preview.report.updated.length,
              unchanged: preview.report.unchanged,
              withdrawn: preview.report.withdrawn.length,
              skipped: preview.report.skipped.length,
            })}
          </p>
          <label className="check">
            <input
              type="checkbox"
              checked={complete}
              onChange={(event) => {
                setComplete(event.target.checked);
              }}
            />{' '}
            {t('editor.catalogue.complete')}
          </label>
          {preview.warnings.length > 0 && (
            <details open={preview.warnings.length <= 10}>
              <summary>
                {t('editor.catalogue.warnings', { count: preview.warnings.length })}
              </summary>
              <ul>
                {preview.warnings.slice(0, SHOWN_WARNINGS).map((warning, i) => (
                  <li key={`${warning.record}-${warning.code}-${String(i)}`}>
                    {warning.record}: {WARNING_TEXT[warning.code][lang]}
                    {warning.detail ? ` (${warning.detail})` : ''}
                  </li>
                ))}
              </ul>
              {preview.warnings.length > SHOWN_WARNINGS && (
                <p>
                  {t('editor.catalogue.more', { count: preview.warnings.length - SHOWN_WARNINGS })}
                </p>
              )}
            </details>
          )}
          <p className="button-row">
            <button type="button" className="button primary" onClick={apply}>
              {t('editor.catalogue.apply')}
            </button>{' '}
            <button
              type="button"
              className="button"
              onClick={() => {
                setPhase({ kind: 'idle' });
              }}
            >
              {t('editor.catalogue.cancel')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
