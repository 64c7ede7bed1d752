/**
 * A book's 3D model: import a GLB or glTF, see it checked (refused with reasons, or its figures),
 * optimise it for phones, and place it on the cover with a gizmo or numbers.
 */
import { Box, RotateCcw } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { DraftStorageError, readDraftFile, saveDraftFile } from '../../data/draft-files.ts';
import { removeFile, setFile, updateBook } from '../../domain/source/draft-edits.ts';
import { type SourceBookInput } from '../../domain/source/draft.ts';
import {
  checkModel,
  optimiseModel,
  writeModel,
  type ModelIssue,
} from '../../editor/model-check.ts';
import { formatBytes } from '../../i18n/format.ts';
import { DEFAULT_PLACEMENT, PLACEMENT_RANGES, type Placement } from '../../domain/placement.ts';
import { parseGlb, type SceneModel } from '../../scene/gltf.ts';
import type { GizmoMode } from '../../scene/PlacementScene.tsx';
import { useLang } from '../context.tsx';
import { DecimalInput } from './fields.tsx';
import { useEditorT } from './i18n.ts';
import { useEditorStore, useEditor } from './store.ts';

const PlacementScene = lazy(() =>
  import('../../scene/PlacementScene.tsx').then((m) => ({ default: m.PlacementScene })),
);

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'refused'; readonly issues: readonly ModelIssue[] }
  | {
      readonly kind: 'accepted';
      readonly bytes: number;
      readonly triangles: number;
      readonly textures: number;
    }
  | { readonly kind: 'optimised'; readonly before: number; readonly after: number }
  | { readonly kind: 'failed'; readonly message: string };

function NumberTriple({
  label,
  value,
  range,
  axes,
  onChange,
}: {
  label: string;
  value: readonly [number, number, number];
  range: { readonly min: number; readonly max: number };
  /** What each axis means, in words. */
  axes: readonly [string, string, string];
  onChange: (value: [number, number, number]) => void;
}) {
  return (
    <fieldset className="field triple">
      <legend>{label}</legend>
      {axes.map((axis, i) => (
        <label key={axis}>
          {axis}
          <DecimalInput
            value={value[i]}
            min={range.min}
            max={range.max}
            onChange={(number) => {
              if (number === undefined) return;
              const next = [...value] as [number, number, number];
              next[i] = number;
              onChange(next);
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}

/** Whether any part of a placement is outside the sensible ranges (the preview is tinted). */
function outsideRanges(placement: Placement): boolean {
  const { position, rotation, scale } = PLACEMENT_RANGES;
  const outside = (value: number, range: { min: number; max: number }) =>
    value < range.min || value > range.max;
  return (
    placement.position.some((value) => outside(value, position)) ||
    placement.rotation.some((value) => outside(value, rotation)) ||
    outside(placement.scale, scale)
  );
}

export function ModelTool({ book }: { book: SourceBookInput }) {
  const store = useEditorStore();
  const t = useEditorT();
  const lang = useLang();
  const path = book.model?.file ?? `models/${book.id}.glb`;
  const file = useEditor((state) => (book.model ? state.draft.files[book.model.file] : undefined));
  const coverFile = useEditor((state) => (book.cover ? state.draft.files[book.cover] : undefined));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The parsed model, with the file it came from: a stale one is never shown for another file.
  const [loaded, setLoaded] = useState<{ hash: string; object: SceneModel | null } | null>(null);
  const object = file && loaded?.hash === file.hash ? loaded.object : null;
  const [picture, setPicture] = useState<ImageBitmap | null>(null);
  const [mode, setMode] = useState<GizmoMode>('translate');
  const [snap, setSnap] = useState(true);

  useEffect(() => {
    let current = true;
    if (!file) return;
    const { hash } = file;
    void readDraftFile(hash)
      .then((blob) => blob?.arrayBuffer())
      .then((buffer) => (buffer ? parseGlb(buffer) : null))
      .then((parsed) => {
        if (current) setLoaded({ hash, object: parsed });
      })
      .catch(() => {
        if (current) setLoaded({ hash, object: null });
      });
    return () => {
      current = false;
    };
  }, [file]);

  useEffect(() => {
    let current = true;
    if (!coverFile) return;
    void readDraftFile(coverFile.hash)
      .then((blob) => (blob ? createImageBitmap(blob, { imageOrientation: 'flipY' }) : null))
      .then((bitmap) => {
        if (current) setPicture(bitmap);
      });
    return () => {
      current = false;
    };
  }, [coverFile]);

  const placement: Placement = {
    position: book.model?.position ?? DEFAULT_PLACEMENT.position,
    rotation: book.model?.rotation ?? DEFAULT_PLACEMENT.rotation,
    scale: book.model?.scale ?? DEFAULT_PLACEMENT.scale,
  };
  const place = (next: Placement) => {
    if (!book.model) return;
    store.getState().edit((draft) =>
      updateBook(draft, book.id, {
        model: {
          ...book.model,
          file: book.model?.file ?? path,
          position: [...next.position],
          rotation: [...next.rotation],
          scale: next.scale,
        },
      }),
    );
  };

  const storeModel = async (bytes: Uint8Array) => {
    const hash = await saveDraftFile(bytes, 'model/gltf-binary');
    store.getState().edit((draft) =>
      updateBook(
        setFile(draft, { path, hash, type: 'model/gltf-binary', size: bytes.byteLength }),
        book.id,
        {
          model: {
            file: path,
            position: [...placement.position],
            rotation: [...placement.rotation],
            scale: placement.scale,
          },
        },
      ),
    );
  };

  const importModel = async (chosen: File) => {
    try {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const result = await checkModel(bytes);
      if (!result.ok) {
        setStatus({ kind: 'refused', issues: result.issues });
        return;
      }
      // A .gltf is stored as one self-contained .glb.
      const glb = chosen.name.toLowerCase().endsWith('.glb')
        ? bytes
        : await writeModel(result.document);
      await storeModel(glb);
      setStatus({ kind: 'accepted', ...result.stats, bytes: glb.byteLength });
    } catch (error) {
      setStatus({
        kind: 'failed',
        message:
          error instanceof DraftStorageError && error.full
            ? t('editor.storageFull')
            : String(error),
      });
    }
  };

  const optimise = async () => {
    if (!file) return;
    const blob = await readDraftFile(file.hash);
    if (!blob) return;
    const before = new Uint8Array(await blob.arrayBuffer());
    const result = await checkModel(before);
    if (!result.ok) return;
    const after = await optimiseModel(result.document);
    await storeModel(after);
    setStatus({ kind: 'optimised', before: before.byteLength, after: after.byteLength });
  };

  return (
    <section className="model-tool" aria-label={t('editor.model.title')}>
      <h3>{t('editor.model.title')}</h3>
      {status.kind === 'refused' && (
        <div role="alert" className="pack-problem">
          <p>{t('editor.model.refused')}</p>
          <ul>
            {status.issues.map((issue) => (
              <li key={issue.problem}>{issue.message[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      {status.kind === 'accepted' && (
        <p role="status">
          {t('editor.model.stats', {
            size: formatBytes(status.bytes, lang),
            triangles: status.triangles,
            textures: status.textures,
          })}
        </p>
      )}
      {status.kind === 'optimised' && (
        <p role="status">
          {t('editor.model.optimised', {
            before: formatBytes(status.before, lang),
            after: formatBytes(status.after, lang),
          })}
        </p>
      )}
      {status.kind === 'failed' && (
        <p role="alert" className="pack-problem">
          {status.message}
        </p>
      )}
      <div className="button-row">
        <label className="button">
          <Box aria-hidden="true" />
          {t('editor.model.import')}
          <input
            type="file"
            accept=".glb,.gltf,model/gltf-binary,model/gltf+json"
            className="visually-hidden"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              if (chosen) void importModel(chosen);
              event.target.value = '';
            }}
          />
        </label>
        {file && (
          <>
            <button type="button" className="button button-quiet" onClick={() => void optimise()}>
              {t('editor.model.optimise')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                store.getState().edit((draft) => {
                  const { model: _model, ...rest } = book;
                  const without = {
                    ...draft,
                    source: {
                      ...draft.source,
                      books: draft.source.books.map((b) => (b.id === book.id ? rest : b)),
                    },
                  };
                  return removeFile(without, path);
                });
                setStatus({ kind: 'idle' });
              }}
            >
              {t('editor.model.remove')}
            </button>
          </>
        )}
      </div>

      {book.model && (
        <div className="placement">
          <h4>{t('editor.place.title')}</h4>
          <div className="button-row" role="group" aria-label={t('editor.place.title')}>
            {(['translate', 'rotate', 'scale', 'view'] as const).map((candidate) => (
              <button
                key={candidate}
                type="button"
                className="button button-quiet"
                aria-pressed={mode === candidate}
                onClick={() => {
                  setMode(candidate);
                }}
              >
                {t(
                  candidate === 'translate'
                    ? 'editor.place.move'
                    : candidate === 'rotate'
                      ? 'editor.place.rotate'
                      : candidate === 'scale'
                        ? 'editor.place.scale'
                        : 'editor.place.view',
                )}
              </button>
            ))}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={snap}
                onChange={(event) => {
                  setSnap(event.target.checked);
                }}
              />
              {t('editor.place.snap')}
            </label>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                place(DEFAULT_PLACEMENT);
              }}
            >
              <RotateCcw aria-hidden="true" />
              {t('editor.place.reset')}
            </button>
          </div>
          <p className="field-hint">{t('editor.place.hint')}</p>
          <Suspense fallback={null}>
            <PlacementScene
              picture={picture}
              aspect={
                coverFile?.width && coverFile.height ? coverFile.height / coverFile.width : 1.5
              }
              object={object}
              placement={placement}
              mode={mode}
              snap={snap}
              onChange={place}
              outOfRange={outsideRanges(placement)}
            />
          </Suspense>
          <NumberTriple
            label={t('editor.place.position')}
            value={placement.position}
            range={PLACEMENT_RANGES.position}
            axes={[t('editor.place.right'), t('editor.place.up'), t('editor.place.out')]}
            onChange={(position) => {
              place({ ...placement, position });
            }}
          />
          <NumberTriple
            label={t('editor.place.rotation')}
            value={placement.rotation}
            range={PLACEMENT_RANGES.rotation}
            axes={[t('editor.place.tilt'), t('editor.place.turn'), t('editor.place.roll')]}
            onChange={(rotation) => {
              place({ ...placement, rotation });
            }}
          />
          <div className="field">
            <label htmlFor={`scale-${book.id}`}>{t('editor.place.size')}</label>
            <DecimalInput
              id={`scale-${book.id}`}
              value={placement.scale}
              min={PLACEMENT_RANGES.scale.min}
              max={PLACEMENT_RANGES.scale.max}
              onChange={(scale) => {
                // Zero or less is no size at all: the field says so and the model keeps its size.
                if (scale !== undefined && scale > 0) place({ ...placement, scale });
              }}
            />
          </div>
        </div>
      )}
    </section>
  );
}
