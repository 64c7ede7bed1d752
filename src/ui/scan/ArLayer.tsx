/**
 * The 3D layer of the scan view (its own lazy chunk, with three.js and react-three-fiber): an
 * anchor per recognised target, with the book's model and card, or the shelf's card.
 */
import {
  Component,
  Suspense,
  use,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useLocation } from 'wouter';
import { useStore } from 'zustand';
import type { Book, Shelf } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { ArCanvas, PlacedModel, ScreenAnchor, TargetAnchor } from '../../scene/ArScene.tsx';
import type { Recognition, ScanStore } from '../../state/scan-store.ts';
import type { PoseSlot, TrackingEngine } from '../../tracking/engine.ts';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';
import { paths } from '../paths.ts';
import type { ModelProblem } from '../../domain/problems.ts';
import { modelFor } from '../models.ts';

class ModelBoundary extends Component<
  { onError: (error: unknown) => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function BookModel({
  book,
  onProblem,
}: {
  book: Book & { model: NonNullable<Book['model']> };
  onProblem: (problem: ModelProblem) => void;
}) {
  const lang = useLang();
  const result = use(modelFor(book.model.asset));
  useEffect(() => {
    if (!result.ok) onProblem(result.problem);
  }, [result, onProblem]);
  if (!result.ok) return null;
  const object = result.object;
  return (
    <PlacedModel
      object={object}
      placement={book.model}
      label={pickText(book.model.title ?? book.title, lang)}
    />
  );
}

/** Just above the cover's top edge, in cover widths from its centre. */
function coverTop(book: Book): number {
  return (book.cover.height / book.cover.width) * 0.5 + 0.12;
}

/** The card drawn over a recognised cover (not the book cards of the pages, components/Cards.tsx). */
function CoverOverlayCard({ book, onOpen }: { book: Book; onOpen: (path: string) => void }) {
  const t = useT();
  const lang = useLang();
  const { index } = useLoadedCatalog();
  const story = book.storyIds.map((id) => index.stories.get(id)).find(Boolean);
  const availability =
    book.available > 0
      ? t('book.available', { available: book.available, copies: book.copies })
      : t('book.noneAvailable', { copies: book.copies });
  // The button skips the tab order: the same action is in the sheet below, for keyboards and
  // screen readers.
  return (
    <>
      <strong className="ar-card-title">{pickText(book.title, lang)}</strong>
      <span>{book.authors.join(', ')}</span>
      <span className={book.available > 0 ? 'ar-card-ok' : 'ar-card-out'}>{availability}</span>
      <span className="ar-card-call">{book.callNumber}</span>
      {story && (
        <button
          type="button"
          tabIndex={-1}
          className="ar-card-button"
          onClick={() => {
            onOpen(paths.story(story.id));
          }}
        >
          {t('scan.openStory', { title: pickText(story.title, lang) })}
        </button>
      )}
    </>
  );
}

/** The card drawn over a recognised shelf sign. */
function SignOverlayCard({ shelf }: { shelf: Shelf }) {
  const t = useT();
  const lang = useLang();
  const { index } = useLoadedCatalog();
  const highlights = shelf.highlights.flatMap((id) => index.books.get(id) ?? []).slice(0, 2);
  return (
    <>
      <strong className="ar-card-title">{pickText(shelf.label, lang)}</strong>
      <span>{t('shelf.ddcRange', { from: shelf.ddc.from, to: shelf.ddc.to })}</span>
      {highlights.map((book) => (
        <span key={book.id} className="ar-card-pick">
          ★ {pickText(book.title, lang)}
        </span>
      ))}
    </>
  );
}

const SHELF_CARD_AT = 0.62;

export default function ArLayer({
  engine,
  store,
  onModelProblem,
}: {
  engine: TrackingEngine;
  store: ScanStore;
  onModelProblem: (key: string, problem: ModelProblem) => void;
}) {
  const { index } = useLoadedCatalog();
  const [, navigate] = useLocation();
  const recognitions = useStore(store, (state) => state.recognitions);
  // Re-render when the engine restarts (another set, another camera size).
  useStore(store, (state) => `${state.phase}:${state.activeSet?.id ?? ''}:${state.quality}`);
  const subscribeFrames = useCallback((listener: () => void) => engine.onFrame(listener), [engine]);
  const poses = useCallback(() => engine.poses.values(), [engine]);
  // Cards are ordinary page elements; the scene moves each to its target every frame.
  const cards = useRef(new Map<string, HTMLElement>());
  const cardOf = (key: string) => () => cards.current.get(key) ?? null;
  // The 3D canvas (a WebGL context, its shaders, a full-screen layer to composite) is made when
  // the first target is recognised, not while the visitor is still aiming; then it stays.
  const [needed, setNeeded] = useState(false);
  const projection = engine.projectionMatrix;
  const input = engine.input;
  if (!projection || !input) return null;

  interface Item {
    readonly recognition: Recognition;
    readonly pose: PoseSlot;
    readonly book?: Book | undefined;
    readonly shelf?: Shelf | undefined;
  }
  const items = recognitions.flatMap((recognition): Item[] => {
    const pose = engine.poses.get(recognition.key);
    if (!pose) return [];
    const book = recognition.kind === 'book' ? index.books.get(recognition.id) : undefined;
    const shelf = recognition.kind === 'shelf' ? index.shelves.get(recognition.id) : undefined;
    return book || shelf ? [{ recognition, pose, book, shelf }] : [];
  });

  if (items.length > 0 && !needed) setNeeded(true);

  return (
    <>
      {needed && (
        <ArCanvas
          projection={projection}
          input={input}
          subscribeFrames={subscribeFrames}
          poses={poses}
        >
          {items.map(({ recognition, pose, book }) => (
            <TargetAnchor key={recognition.key} pose={pose}>
              {book?.model && (
                <ModelBoundary
                  onError={() => {
                    onModelProblem(recognition.key, 'unreadable');
                  }}
                >
                  <Suspense fallback={null}>
                    <BookModel
                      book={{ ...book, model: book.model }}
                      onProblem={(problem) => {
                        onModelProblem(recognition.key, problem);
                      }}
                    />
                  </Suspense>
                </ModelBoundary>
              )}
              <ScreenAnchor
                element={cardOf(recognition.key)}
                at={book ? coverTop(book) : SHELF_CARD_AT}
              />
            </TargetAnchor>
          ))}
        </ArCanvas>
      )}
      <div className="ar-cards" aria-hidden="true">
        {items.map(({ recognition, book, shelf }) => (
          <div
            key={recognition.key}
            className="ar-card"
            style={{ opacity: 0, visibility: 'hidden' }}
            ref={(element) => {
              if (element) cards.current.set(recognition.key, element);
              else cards.current.delete(recognition.key);
            }}
          >
            {book ? (
              <CoverOverlayCard book={book} onOpen={navigate} />
            ) : (
              shelf && <SignOverlayCard shelf={shelf} />
            )}
          </div>
        ))}
      </div>
    </>
  );
}
