/**
 * A picture that becomes a tracking target (a book cover or a shelf sign): upload or photograph
 * it, drag four corners to straighten it, compile it in a worker with a progress bar, and see its
 * feature points and a star rating, with advice when it will track poorly.
 */
import { Camera, Star } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  DraftStorageError,
  draftFileUrl,
  readDraftFile,
  saveDraftFile,
} from '../../data/draft-files.ts';
import type { Point, Quad } from '../../domain/geometry.ts';
import { compiledFor } from '../../domain/source/draft.ts';
import { setCompiled, setFile } from '../../domain/source/draft-edits.ts';
import { compilePicture, pictureSize, straighten } from '../../editor/pictures.ts';
import { useEditorT } from './i18n.ts';
import { useEditorStore, useEditor } from './store.ts';

type Phase =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'corners';
      readonly blob: Blob;
      readonly url: string;
      readonly width: number;
      readonly height: number;
    }
  | { readonly kind: 'compiling'; readonly percent: number }
  | { readonly kind: 'failed'; readonly message: string };

const INSET = 0.04;

interface CornerEditorProps {
  /** The photo, and its size in pixels. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** The cover's four corners in the photo, clockwise from the top left. */
  readonly quad: Quad;
  readonly onChange: (quad: Quad) => void;
}

function CornerEditor({ url, width, height, quad, onChange }: CornerEditorProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const toImage = (event: PointerEvent): Point => {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return [0, 0];
    return [
      Math.min(width, Math.max(0, ((event.clientX - box.left) / box.width) * width)),
      Math.min(height, Math.max(0, ((event.clientY - box.top) / box.height) * height)),
    ];
  };
  const move = (index: number, point: Point) => {
    const next = [...quad] as [Point, Point, Point, Point];
    next[index] = point;
    onChange(next);
  };
  const step = Math.max(width, height) / 100;
  const onKey = (index: number) => (event: KeyboardEvent) => {
    const [x, y] = quad[index] as Point;
    const delta: Record<string, Point> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const d = delta[event.key];
    if (!d) return;
    event.preventDefault();
    move(index, [Math.min(width, Math.max(0, x + d[0])), Math.min(height, Math.max(0, y + d[1]))]);
  };
  const names = [
    'kiri atas / top left',
    'kanan atas / top right',
    'kanan bawah / bottom right',
    'kiri bawah / bottom left',
  ];
  return (
    <svg
      ref={svg}
      className="corner-editor"
      viewBox={`0 0 ${width} ${height}`}
      onPointerMove={(event) => {
        if (dragging !== null) move(dragging, toImage(event));
      }}
      onPointerUp={() => {
        setDragging(null);
      }}
    >
      <image href={url} width={width} height={height} />
      <polygon points={quad.map((p) => p.join(',')).join(' ')} className="corner-quad" />
      {quad.map(([x, y], index) => (
        <circle
          key={index}
          cx={x}
          cy={y}
          r={Math.max(width, height) / 40}
          className="corner-handle"
          tabIndex={0}
          role="slider"
          aria-label={names[index]}
          aria-valuetext={`${Math.round(x)}, ${Math.round(y)}`}
          onKeyDown={onKey(index)}
          onPointerDown={(event) => {
            (event.target as Element).setPointerCapture(event.pointerId);
            setDragging(index);
          }}
        />
      ))}
    </svg>
  );
}

function Stars({ count }: { count: number }) {
  return (
    <span className="stars" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((n) => (
        <Star key={n} className={n <= count ? 'is-on' : ''} />
      ))}
    </span>
  );
}

export function CoverTool({
  picturePath,
  title,
  onStored,
  subject = 'cover',
}: {
  picturePath: string;
  title: string;
  /** What is photographed: a book's cover or a shelf's printed sign (the words differ). */
  subject?: 'cover' | 'sign';
  /** Called once a new picture is in the draft (a shelf then refers to its sign). */
  onStored?: () => void;
}) {
  const store = useEditorStore();
  const t = useEditorT();
  const file = useEditor((state) => state.draft.files[picturePath]);
  const compiled = useEditor((state) => compiledFor(state.draft, picturePath));
  const stale = useEditor(
    (state) =>
      state.draft.targets[picturePath] !== undefined && !compiledFor(state.draft, picturePath),
  );
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [quad, setQuad] = useState<Quad>([
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ]);
  const [pictureUrl, setPictureUrl] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    if (!file) return;
    void draftFileUrl(file.hash).then((url) => {
      if (current) setPictureUrl(url ?? null);
    });
    return () => {
      current = false;
    };
  }, [file]);

  const fail = (error: unknown) => {
    setPhase({
      kind: 'failed',
      message:
        error instanceof DraftStorageError && error.full
          ? t('editor.storageFull')
          : t('editor.cover.failed', {
              detail: error instanceof Error ? error.message : String(error),
            }),
    });
  };

  const compile = async (hash: string) => {
    const blob = await readDraftFile(hash);
    if (!blob) return;
    setPhase({ kind: 'compiling', percent: 0 });
    try {
      const result = await compilePicture(blob, (percent) => {
        setPhase({ kind: 'compiling', percent: Math.round(percent) });
      });
      const mindHash = await saveDraftFile(result.mind, 'application/octet-stream');
      store.getState().edit((draft) =>
        setCompiled(draft, picturePath, {
          pictureHash: hash,
          mindHash,
          report: result.report,
          points: result.points,
        }),
      );
      setPhase({ kind: 'idle' });
    } catch (error) {
      fail(error);
    }
  };

  const choose = async (chosen: File) => {
    try {
      const size = await pictureSize(chosen);
      const { width, height } = size;
      setQuad([
        [width * INSET, height * INSET],
        [width * (1 - INSET), height * INSET],
        [width * (1 - INSET), height * (1 - INSET)],
        [width * INSET, height * (1 - INSET)],
      ]);
      setPhase({ kind: 'corners', blob: chosen, url: URL.createObjectURL(chosen), width, height });
    } catch {
      // Not a picture at all: say so in words, not as a failed compile.
      setPhase({ kind: 'failed', message: t('editor.cover.notPicture', { name: chosen.name }) });
    }
  };

  const applyStraightened = async (blob: Blob) => {
    try {
      const straight = await straighten(blob, quad);
      const bytes = new Uint8Array(await straight.arrayBuffer());
      const hash = await saveDraftFile(bytes, 'image/jpeg');
      const size = await pictureSize(straight);
      store.getState().edit((draft) =>
        setFile(draft, {
          path: picturePath,
          hash,
          type: 'image/jpeg',
          size: bytes.byteLength,
          ...size,
        }),
      );
      onStored?.();
      await compile(hash);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="cover-tool" aria-label={title}>
      <h3>{title}</h3>
      {phase.kind === 'corners' ? (
        <>
          <p>{t(subject === 'sign' ? 'editor.sign.corners' : 'editor.cover.corners')}</p>
          <CornerEditor
            url={phase.url}
            width={phase.width}
            height={phase.height}
            quad={quad}
            onChange={setQuad}
          />
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => void applyStraightened(phase.blob)}
            >
              {t('editor.cover.straighten')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setPhase({ kind: 'idle' });
              }}
            >
              {t('editor.cover.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          {pictureUrl && file && (
            <figure className="cover-preview">
              <img
                src={pictureUrl}
                alt={
                  compiled
                    ? t(subject === 'sign' ? 'editor.sign.pointsAlt' : 'editor.cover.pointsAlt')
                    : title
                }
                width={file.width}
                height={file.height}
              />
              {compiled && (
                <svg
                  viewBox="0 0 1 1"
                  preserveAspectRatio="none"
                  aria-hidden="true"
                  className="feature-points"
                >
                  {compiled.points.map(([x, y], i) => (
                    <circle key={i} cx={x} cy={y} r={0.008} />
                  ))}
                </svg>
              )}
            </figure>
          )}
          {compiled && (
            <div className="quality">
              <Stars count={compiled.report.stars} />
              <p>
                {t('editor.cover.stars', {
                  stars: compiled.report.stars,
                  count: compiled.report.count,
                })}
              </p>
              {compiled.report.advice.map((advice) => (
                <p key={advice} className="advice">
                  {t(`editor.advice.${advice}`)}
                </p>
              ))}
            </div>
          )}
          {stale && phase.kind === 'idle' && <p className="advice">{t('editor.cover.stale')}</p>}
          {phase.kind === 'compiling' && (
            <div className="pack-progress">
              <progress max={100} value={phase.percent} aria-label={t('editor.cover.compile')} />
              <span role="status">{t('editor.cover.compiling', { percent: phase.percent })}</span>
            </div>
          )}
          {phase.kind === 'failed' && (
            <p role="alert" className="pack-problem">
              {phase.message}
            </p>
          )}
          <div className="button-row">
            <label className="button">
              <Camera aria-hidden="true" />
              {t(subject === 'sign' ? 'editor.sign.upload' : 'editor.cover.upload')}
              <input
                ref={input}
                type="file"
                accept="image/*"
                capture="environment"
                className="visually-hidden"
                onChange={(event) => {
                  const chosen = event.target.files?.[0];
                  if (chosen) void choose(chosen);
                  event.target.value = '';
                }}
              />
            </label>
            {file && !compiled && phase.kind !== 'compiling' && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => void compile(file.hash)}
              >
                {t('editor.cover.compile')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
