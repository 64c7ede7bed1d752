import { useState } from 'react';
import { Link } from 'wouter';
import { UI_LANGS, pick, type Lang } from '../../domain/langmap.ts';
import { languageName } from '../../i18n/format.ts';
import { BookGrid } from '../components/Cards.tsx';
import { LangText } from '../components/LangText.tsx';
import { ModelSection } from '../components/ModelSection.tsx';
import { useLang, useLoadedCatalog, useT } from '../context.tsx';
import { markdownToSafeHtml } from '../markdown.ts';
import { ContentLink } from '../components/ContentLink.tsx';
import { ReadAloud } from '../components/ReadAloud.tsx';
import { paths } from '../paths.ts';
import { NotFound } from './NotFound.tsx';

function StoryBody({
  text,
  format,
  lang,
  feedUrl,
}: {
  text: string;
  format: 'text' | 'markdown';
  lang: string;
  /** The feed the story came from: its relative links resolve against it. */
  feedUrl: string;
}) {
  if (format === 'text') {
    return (
      <div className="story-body" id="story-text" lang={lang}>
        {text.split(/\n{2,}/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
    );
  }
  return (
    <div
      className="story-body"
      id="story-text"
      lang={lang}
      // Sanitised by DOMPurify in markdownToSafeHtml.
      dangerouslySetInnerHTML={{ __html: markdownToSafeHtml(text, feedUrl) }}
    />
  );
}

/** The words of a story as they are read aloud: markdown without its marks. */
function plainText(text: string, format: 'text' | 'markdown'): string {
  if (format === 'text') return text;
  const html = markdownToSafeHtml(text);
  return new DOMParser().parseFromString(html, 'text/html').body.textContent;
}

export default function StoryPage({ id }: { id: string }) {
  const t = useT();
  const appLang = useLang();
  const { catalog, index } = useLoadedCatalog();
  const [readingLang, setReadingLang] = useState<Lang | null>(null);
  const story = index.stories.get(id);
  if (!story) return <NotFound message={t('story.notFound')} />;

  const lang = readingLang ?? appLang;
  const body = pick(story.body, lang);
  const title = pick(story.title, lang);
  const otherLangs = UI_LANGS.filter((candidate) => candidate !== lang && story.body[candidate]);
  const books = story.books.flatMap((bookId) => index.books.get(bookId) ?? []);
  const shelves = story.shelves.flatMap((shelfId) => index.shelves.get(shelfId) ?? []);

  return (
    <article className="story-page">
      <h1 lang={title.lang}>{title.text}</h1>
      <div className="button-row">
        {otherLangs.map((other) => (
          <button
            key={other}
            type="button"
            className="button button-quiet"
            lang={other}
            onClick={() => {
              setReadingLang(other);
            }}
          >
            {t('story.readIn', { language: t(`lang.${other}`) })}
          </button>
        ))}
      </div>
      {body.lang !== lang && (
        <p className="muted">{t('story.onlyIn', { language: languageName(body.lang, appLang) })}</p>
      )}
      <ReadAloud
        key={body.lang}
        text={plainText(body.text, story.format)}
        lang={body.lang}
        audio={story.audio?.[body.lang]}
        transcriptId="story-text"
      />
      <StoryBody
        text={body.text}
        format={story.format}
        lang={body.lang}
        feedUrl={catalog.sourceUrl}
      />

      {story.model && <ModelSection model={story.model} fallbackTitle={story.title} />}

      <section aria-labelledby="story-sources" className="sources">
        <h2 id="story-sources">{t('story.sources')}</h2>
        <ul>
          {story.sources.map((source, i) => (
            <li key={i}>
              {source.url ? (
                <ContentLink href={source.url}>{source.title}</ContentLink>
              ) : (
                source.title
              )}
            </li>
          ))}
        </ul>
      </section>

      {books.length > 0 && (
        <section aria-labelledby="story-books">
          <h2 id="story-books">{t('story.relatedBooks')}</h2>
          <BookGrid books={books} />
        </section>
      )}
      {shelves.length > 0 && (
        <section aria-labelledby="story-shelves">
          <h2 id="story-shelves">{t('story.relatedShelves')}</h2>
          <ul className="chip-list">
            {shelves.map((shelf) => (
              <li key={shelf.id}>
                <Link href={paths.shelf(shelf.id)}>
                  <LangText text={shelf.label} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
