import { BookGrid, StoryCard } from '../components/Cards.tsx';
import { FloorPlan } from '../components/FloorPlan.tsx';
import { LangText } from '../components/LangText.tsx';
import { OfflinePack } from '../components/OfflinePack.tsx';
import { shelfBookCount } from '../../domain/catalog.ts';
import { BookFileStatus, useShelfBooks } from '../components/SplitFeed.tsx';
import { AssetImage } from '../components/AssetImage.tsx';
import { pickText } from '../../domain/langmap.ts';
import { useCatalogState, useLang, useLoadedCatalog, useT } from '../context.tsx';
import { NotFound } from './NotFound.tsx';

export function ShelfPage({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const { catalog, index } = useLoadedCatalog();
  const shelf = index.shelves.get(id);
  const load = useShelfBooks(shelf);
  const loadShelfBooks = useCatalogState((state) => state.loadShelfBooks);
  if (!shelf) return <NotFound message={t('shelf.notFound')} />;
  const books = [...(index.booksByShelf.get(shelf.id) ?? [])].sort(
    (a, b) => Number(shelf.highlights.includes(b.id)) - Number(shelf.highlights.includes(a.id)),
  );
  const stories = catalog.stories.filter((story) => story.shelves.includes(shelf.id));

  return (
    <article className="shelf-page">
      <LangText text={shelf.label} as="h1" />
      <p className="muted">{t('shelf.ddcRange', { from: shelf.ddc.from, to: shelf.ddc.to })}</p>

      <section aria-labelledby="shelf-books">
        <h2 id="shelf-books">{t('shelf.books')}</h2>
        <p className="muted">{t('books.shelfCount', { count: shelfBookCount(index, shelf) })}</p>
        <BookFileStatus
          load={load}
          loadingText={t('books.loadingShelf')}
          onRetry={() => void loadShelfBooks(shelf.id)}
        />
        <BookGrid books={books} highlights={shelf.highlights} />
      </section>

      <section aria-labelledby="shelf-location">
        <h2 id="shelf-location">{t('shelf.location')}</h2>
        <FloorPlan shelf={shelf} />
        {shelf.sign && (
          <figure className="shelf-sign">
            <AssetImage
              src={shelf.sign.image.href}
              width={shelf.sign.image.width}
              height={shelf.sign.image.height}
              alt={t('shelf.signAlt', { shelf: pickText(shelf.label, lang) })}
              loading="lazy"
            />
            <figcaption>{t('shelf.signTitle')}</figcaption>
          </figure>
        )}
      </section>

      <OfflinePack target={{ kind: 'shelf', id: shelf.id }} />

      {stories.length > 0 && (
        <section aria-labelledby="shelf-stories">
          <h2 id="shelf-stories">{t('book.relatedStories')}</h2>
          <ul className="story-list">
            {stories.map((story) => (
              <StoryCard key={story.id} story={story} />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
