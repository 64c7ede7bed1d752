/**
 * The 3D layer of the scan view (its own lazy chunk, with three.js and react-three-fiber): an
 * anchor per recognised target, with the book's model and card, or the shelf's card.
 */
import { Component, Suspense, use, useCallback, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Book, Shelf } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { AnchoredCard, ArCanvas, PlacedModel, TargetAnchor } from '../../scene/ArScene.tsx';
import type { ScanStore } from '../../state/scan-store.ts';
import type { TrackingEngine } from '../../tracking/engine.ts';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';
import { modelFor, type ModelError } from './models.ts';

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

function BookModel({ book }: { book: Book & { model: NonNullable<Book['model']> } }) {
  const lang = useLang();
  const object = use(modelFor(book.model.asset));
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

function BookCard({ book }: { book: Book }) {
  const t = useT();
  const lang = useLang();
  const availability =
    book.available > 0
      ? t('book.available', { available: book.available, copies: book.copies })
      : t('book.noneAvailable', { copies: book.copies });
  // drei's Html renders in its own React root, so the card gets plain strings only.
  return (
    <AnchoredCard at={coverTop(book)}>
      <strong className="ar-card-title">{pickText(book.title, lang)}</strong>
      <span>{book.authors.join(', ')}</span>
      <span className={book.available > 0 ? 'ar-card-ok' : 'ar-card-out'}>{availability}</span>
      <span className="ar-card-call">{book.callNumber}</span>
    </AnchoredCard>
  );
}

function ShelfCard({ shelf }: { shelf: Shelf }) {
  const t = useT();
  const lang = useLang();
  return (
    <AnchoredCard at={0.62}>
      <strong className="ar-card-title">{pickText(shelf.label, lang)}</strong>
      <span>{t('shelf.ddcRange', { from: shelf.ddc.from, to: shelf.ddc.to })}</span>
    </AnchoredCard>
  );
}

export default function ArLayer({
  engine,
  store,
  onModelError,
}: {
  engine: TrackingEngine;
  store: ScanStore;
  onModelError: (key: string, error: ModelError | Error) => void;
}) {
  const { index } = useLoadedCatalog();
  const recognitions = useStore(store, (state) => state.recognitions);
  // Re-render when the engine restarts (another set, another camera size).
  useStore(store, (state) => `${state.phase}:${state.activeSet?.id ?? ''}:${state.quality}`);
  const subscribeFrames = useCallback((listener: () => void) => engine.onFrame(listener), [engine]);
  const poses = useCallback(() => engine.poses.values(), [engine]);
  const projection = engine.projectionMatrix;
  const input = engine.input;
  if (!projection || !input) return null;

  return (
    <ArCanvas projection={projection} input={input} subscribeFrames={subscribeFrames} poses={poses}>
      {recognitions.map((recognition) => {
        const pose = engine.poses.get(recognition.key);
        if (!pose) return null;
        if (recognition.kind === 'book') {
          const book = index.books.get(recognition.id);
          if (!book) return null;
          const model = book.model;
          return (
            <TargetAnchor key={recognition.key} pose={pose}>
              {model && (
                <ModelBoundary
                  onError={(error) => {
                    onModelError(
                      recognition.key,
                      error instanceof Error ? error : new Error(String(error)),
                    );
                  }}
                >
                  <Suspense fallback={null}>
                    <BookModel book={{ ...book, model }} />
                  </Suspense>
                </ModelBoundary>
              )}
              <BookCard book={book} />
            </TargetAnchor>
          );
        }
        const shelf = index.shelves.get(recognition.id);
        return shelf ? (
          <TargetAnchor key={recognition.key} pose={pose}>
            <ShelfCard shelf={shelf} />
          </TargetAnchor>
        ) : null;
      })}
    </ArCanvas>
  );
}
