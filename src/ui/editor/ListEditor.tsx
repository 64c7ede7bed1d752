import { Plus } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { LangMap } from '../../domain/langmap.ts';
import { LangText } from '../components/LangText.tsx';
import { useEditorT } from './i18n.ts';

export interface ListItem {
  readonly id: string;
  readonly title: LangMap;
  /** Number of problems in the item, shown next to it. */
  readonly problems: number;
}

/** A list of one kind of thing with "add", and the form of the chosen one beside it. */
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
        {items.length === 0 ? (
          <p className="muted">{t('editor.none')}</p>
        ) : (
          <ul>
            {items.map((item) => (
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
      <section className="list-editor-form">
        {selected ? children : <p className="muted">{t('editor.select')}</p>}
      </section>
    </div>
  );
}
