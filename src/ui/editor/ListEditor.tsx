import { Plus } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LangMap } from '../../domain/langmap.ts';
import { LangText } from '../components/LangText.tsx';
import { useEditorT } from './i18n.ts';

export interface ListItem {
  readonly id: string;
  readonly title: LangMap;
  /** Number of problems in the item, shown next to it. */
  readonly problems: number;
}

/** Past this many items the list gets a search box. */
const SEARCH_FROM = 8;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * A list of one kind of thing with "add" and, when long, a search box; the form of the chosen one
 * beside it (under it on a phone, scrolled to when an item is chosen).
 */
export function ListEditor({
  heading,
  items,
  selected,
  onSelect,
  onAdd,
  children,
}: {
  heading: string;
  items: readonly ListItem[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  onAdd: (title: string) => void;
  children: ReactNode;
}) {
  const t = useEditorT();
  const [title, setTitle] = useState('');
  const [query, setQuery] = useState('');
  const form = useRef<HTMLElement>(null);
  const chosen = useRef(selected);
  useEffect(() => {
    // On a narrow screen the form sits below the list: bring it into view when an item is chosen.
    if (selected && selected !== chosen.current && window.matchMedia('(max-width: 48rem)').matches)
      form.current?.scrollIntoView({ block: 'start' });
    chosen.current = selected;
  }, [selected]);
  const words = fold(query).split(/\s+/).filter(Boolean);
  const shown =
    words.length === 0
      ? items
      : items.filter((item) => {
          const text = fold(Object.values(item.title).join(' '));
          return words.every((word) => text.includes(word));
        });
  return (
    <div className="list-editor">
      <section className="list-editor-list" aria-label={heading}>
        <form
          className="add-row"
          onSubmit={(event) => {
            event.preventDefault();
            if (title.trim() === '') return;
            onAdd(title.trim());
            setTitle('');
          }}
        >
          <label className="visually-hidden" htmlFor="new-item-title">
            {t('editor.newTitle')}
          </label>
          <input
            id="new-item-title"
            value={title}
            placeholder={t('editor.newTitle')}
            onChange={(event) => {
              setTitle(event.target.value);
            }}
          />
          <button type="submit" className="button">
            <Plus aria-hidden="true" />
            {t('editor.add')}
          </button>
        </form>
        {items.length > SEARCH_FROM && (
          <div className="field list-search">
            <label htmlFor="list-search">{t('editor.list.search', { heading })}</label>
            <input
              id="list-search"
              type="search"
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
              }}
            />
          </div>
        )}
        {items.length === 0 ? (
          <p className="muted">{t('editor.none')}</p>
        ) : (
          <ul>
            {shown.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="list-editor-item"
                  aria-current={item.id === selected ? 'true' : undefined}
                  onClick={() => {
                    onSelect(item.id);
                  }}
                >
                  <LangText text={item.title} />
                  {item.problems > 0 && (
                    <span className="problem-count">
                      {t('editor.problems', { count: item.problems })}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="list-editor-form" ref={form}>
        {selected ? children : <p className="muted">{t('editor.select')}</p>}
      </section>
    </div>
  );
}
