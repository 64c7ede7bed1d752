/**
 * Whether this tab may change the draft, and what to do when it may not (data/draft-storage.ts):
 * another tab has it, another tab changed it, a newer app version wrote it, or it cannot be read.
 * Each case says so in the staff's language, with a way on; nothing stored is lost.
 */
import { useSyncExternalStore } from 'react';
import {
  claimDraft,
  discardUnreadableDraft,
  draftAccess,
  draftSaveProblem,
  onDraftStatus,
  storedDraftText,
  type DraftAccess,
} from '../../data/draft-storage.ts';
import { exportStoredDraft } from '../../editor/backup.ts';
import { emptyDraft } from '../../domain/source/draft.ts';
import { useEditorT } from './i18n.ts';
import { useEditorStore } from './store.ts';

export function useDraftAccess(): DraftAccess {
  return useSyncExternalStore(onDraftStatus, draftAccess);
}

function useSaveProblem() {
  return useSyncExternalStore(onDraftStatus, draftSaveProblem);
}

function download(bytes: Uint8Array, name: string) {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

const backupName = () => `draf-cadangan-${new Date().toISOString().slice(0, 10)}.zip`;

export function DraftAccessBanner() {
  const t = useEditorT();
  const store = useEditorStore();
  const access = useDraftAccess();
  const problem = useSaveProblem();

  const takeOver = async () => {
    if ((await claimDraft({ steal: true })) === 'editing') await store.persist.rehydrate();
  };
  // What this tab holds, in the stored format, for a backup that loses nothing.
  const exportHere = async () => {
    const { draft, section } = store.getState();
    download(
      await exportStoredDraft(
        JSON.stringify({ state: { draft, section }, version: draft.version }),
      ),
      backupName(),
    );
  };
  const exportStored = async () => {
    download(await exportStoredDraft(storedDraftText()), backupName());
  };
  const startOver = () => {
    discardUnreadableDraft();
    store.getState().replace(emptyDraft());
  };

  const saveProblem = problem && (
    <p role="alert" className="pack-problem">
      {t(problem === 'full' ? 'editor.saveProblem.full' : 'editor.saveProblem.unavailable')}
    </p>
  );
  switch (access) {
    case 'waiting':
    case 'editing':
      return saveProblem;
    case 'other-tab':
      return (
        <div role="alert" className="draft-access">
          <p>{t('editor.access.otherTab')}</p>
          <button type="button" className="button" onClick={() => void takeOver()}>
            {t('editor.access.takeOver')}
          </button>
        </div>
      );
    case 'conflict':
      return (
        <div role="alert" className="draft-access">
          <p>{t('editor.access.conflict')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                location.reload();
              }}
            >
              {t('editor.access.reload')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => void exportHere()}>
              {t('editor.access.exportHere')}
            </button>
          </div>
        </div>
      );
    case 'newer':
    case 'unreadable':
      return (
        <div role="alert" className="draft-access">
          <p>{t(access === 'newer' ? 'editor.access.newer' : 'editor.access.unreadable')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void exportStored()}>
              {t('editor.access.exportStored')}
            </button>
            <button type="button" className="button button-quiet" onClick={startOver}>
              {t('editor.access.startOver')}
            </button>
          </div>
        </div>
      );
  }
}
