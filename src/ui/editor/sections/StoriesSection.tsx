/**
 * Local-culture stories: text in Markdown with a sanitised preview, sources, related books and shelves.
 */
import { useState } from 'react';
import type { LangMap } from '../../../domain/langmap.ts';
import { addStory, removeStory, updateStory } from '../../../domain/source/draft-edits.ts';
import { type SourceStoryInput } from '../../../domain/source/draft.ts';
import { sourcesToText, textToSources } from '../../../editor/form-text.ts';
import { markdownToSafeHtml } from '../../markdown.ts';
import { pickText } from '../../../domain/langmap.ts';
import { useLang } from '../../context.tsx';
import { useEditorT } from '../i18n.ts';
import { LangMapField, MultiChoice, TextField } from '../fields.tsx';
import { type FormProps, type SectionDefinition } from './EntitySection.tsx';

function MarkdownPreview({ text }: { text: LangMap }) {
  const t = useEditorT();
  const lang = useLang();
  const body = text[lang] ?? Object.values(text)[0] ?? '';
  return (
    <div className="markdown-preview" aria-label={t('editor.preview')}>
      <p className="field-hint">{t('editor.preview')}</p>
      {/* Sanitised by DOMPurify, as on the visitor's story page. */}
      <div className="story-body" dangerouslySetInnerHTML={{ __html: markdownToSafeHtml(body) }} />
    </div>
  );
}

function StoryForm({ entity: story, draft, issues, update, bind }: FormProps<SourceStoryInput>) {
  const t = useEditorT();
  const lang = useLang();
  const [sourcesText, setSourcesText] = useState(() => sourcesToText(story.sources));
  return (
    <>
      <LangMapField label={t('editor.field.title')} {...bind('title')} />
      <LangMapField
        label={t('editor.field.summary')}
        value={story.summary}
        onChange={(summary) => {
          update({ summary });
        }}
      />
      <LangMapField
        label={t('editor.field.body')}
        value={story.body}
        multiline
        issues={issues}
        field="body"
        hint={t('editor.markdownHelp')}
        onChange={(body) => {
          update({ body });
        }}
      />
      <MarkdownPreview text={story.body} />
      <TextField
        label={t('editor.field.sources')}
        value={sourcesText}
        multiline
        issues={issues}
        field="sources"
        onChange={(text) => {
          setSourcesText(text);
          update({ sources: textToSources(text) });
        }}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={story.featured ?? false}
          onChange={(event) => {
            update({ featured: event.target.checked });
          }}
        />
        {t('editor.field.featured')}
      </label>
      <MultiChoice
        label={t('editor.field.books')}
        value={story.books ?? []}
        options={draft.source.books.map((b) => ({ value: b.id, label: pickText(b.title, lang) }))}
        onChange={(books) => {
          update({ books });
        }}
      />
      <MultiChoice
        label={t('editor.field.shelves')}
        value={story.shelves ?? []}
        options={draft.source.shelves.map((s) => ({ value: s.id, label: pickText(s.label, lang) }))}
        onChange={(shelves) => {
          update({ shelves });
        }}
      />
    </>
  );
}

export const storiesSection: SectionDefinition<SourceStoryInput> = {
  kind: 'story',
  heading: 'editor.section.stories',
  entities: (draft) => draft.source.stories ?? [],
  titleOf: (story) => story.title,
  add: addStory,
  update: updateStory,
  remove: (d, id) => ({ draft: removeStory(d, id) }),
  Form: StoryForm,
};
