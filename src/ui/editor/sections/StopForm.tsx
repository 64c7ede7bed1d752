/**
 * One tour stop in the editor: what to find, the texts, the question, and the texts for each of the
 * tour's extra age bands (left empty, a band reads the stop's own texts).
 */
import { Trash2 } from 'lucide-react';
import type { FeedIssue } from '../../../domain/feed/issues.ts';
import { updateTour } from '../../../domain/source/draft-edits.ts';
import { type Draft, type TourInput } from '../../../domain/source/draft.ts';
import { parseTargetKey, targetKey } from '../../../domain/targets.ts';
import { choicesToText, textToChoices } from '../../../editor/form-text.ts';
import { pickText, type LangMap } from '../../../domain/langmap.ts';
import { useLang } from '../../context.tsx';
import { useEditorT } from '../i18n.ts';
import { LangMapField, SelectField, TextField } from '../fields.tsx';
import { useEdit } from './EntitySection.tsx';

type Stop = TourInput['stops'][number];
type Question = NonNullable<Stop['question']>;
type BandTexts = NonNullable<Stop['forBands']>[string];

/** A question's prompt, choices and explanation; an empty prompt removes the question. */
function QuestionFields({
  question,
  field,
  issues,
  onChange,
}: {
  question: Question | undefined;
  field: string;
  issues: readonly FeedIssue[];
  onChange: (question: Question | undefined) => void;
}) {
  const t = useEditorT();
  return (
    <>
      <LangMapField
        label={t('editor.field.question')}
        value={question?.prompt}
        onChange={(prompt) => {
          if (Object.keys(prompt).length === 0) {
            onChange(undefined);
            return;
          }
          onChange({
            prompt,
            choices: question?.choices ?? [{ id: '' }, { id: '' }],
            answer: question?.answer ?? 0,
            explanation: question?.explanation ?? { id: '' },
          });
        }}
      />
      {question && (
        <>
          <TextField
            label={t('editor.field.choices')}
            value={choicesToText(question)}
            multiline
            issues={issues}
            field={`${field}.question`}
            onChange={(text) => {
              onChange({ ...question, ...textToChoices(text) });
            }}
          />
          <LangMapField
            label={t('editor.field.explanation')}
            value={question.explanation}
            onChange={(explanation) => {
              onChange({ ...question, explanation });
            }}
          />
        </>
      )}
    </>
  );
}

const isEmpty = (map: LangMap | undefined) => !map || Object.keys(map).length === 0;

/** Drops a key whose value is undefined (the draft stays JSON without holes). */
function without<T extends object>(value: T, key: keyof T): T {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)) as T;
}

function BandTextsFields({
  label,
  texts,
  field,
  issues,
  onChange,
}: {
  label: string;
  texts: BandTexts;
  field: string;
  issues: readonly FeedIssue[];
  onChange: (texts: BandTexts) => void;
}) {
  const t = useEditorT();
  const set = (key: keyof BandTexts, value: BandTexts[keyof BandTexts]) => {
    const empty = value === undefined || (key !== 'question' && isEmpty(value as LangMap));
    onChange(empty ? without(texts, key) : { ...texts, [key]: value });
  };
  return (
    <details className="band-texts">
      <summary>{t('editor.bandTexts', { band: label })}</summary>
      <p className="field-hint">{t('editor.bandTextsHelp')}</p>
      <LangMapField
        label={t('editor.field.instruction')}
        value={texts.instruction}
        onChange={(instruction) => {
          set('instruction', instruction);
        }}
      />
      <LangMapField
        label={t('editor.field.narration')}
        value={texts.narration}
        multiline
        onChange={(narration) => {
          set('narration', narration);
        }}
      />
      <QuestionFields
        question={texts.question}
        field={field}
        issues={issues}
        onChange={(question) => {
          set('question', question);
        }}
      />
    </details>
  );
}

export function StopForm({
  stop,
  index,
  tour,
  draft,
  issues,
}: {
  stop: Stop;
  index: number;
  tour: TourInput;
  draft: Draft;
  issues: readonly FeedIssue[];
}) {
  const edit = useEdit();
  const t = useEditorT();
  const lang = useLang();
  const replaceStop = (next: Stop) => {
    edit((d) =>
      updateTour(d, tour.id, { stops: tour.stops.map((s, i) => (i === index ? next : s)) }),
    );
  };
  const setStop = (patch: Partial<Stop>) => {
    replaceStop({ ...stop, ...patch });
  };
  const field = `stops[${index}]`;
  const targets = [
    ...draft.source.shelves.map((s) => ({
      value: targetKey({ kind: 'shelf', id: s.id }),
      label: `▦ ${pickText(s.label, lang)}`,
    })),
    ...draft.source.books.map((b) => ({
      value: targetKey({ kind: 'book', id: b.id }),
      label: `▤ ${pickText(b.title, lang)}`,
    })),
  ];
  return (
    <fieldset className="stop-form">
      <legend>
        {index + 1}. {stop.id}
      </legend>
      <SelectField
        label={t('editor.field.find')}
        value={targetKey(stop.find)}
        options={targets}
        onChange={(value) => {
          const find = parseTargetKey(value);
          if (find) setStop({ find });
        }}
      />
      <LangMapField
        label={t('editor.field.instruction')}
        value={stop.instruction}
        issues={issues}
        field={`${field}.instruction`}
        onChange={(instruction) => {
          setStop({ instruction });
        }}
      />
      <LangMapField
        label={t('editor.field.narration')}
        value={stop.narration}
        multiline
        issues={issues}
        field={`${field}.narration`}
        onChange={(narration) => {
          setStop({ narration });
        }}
      />
      <QuestionFields
        question={stop.question}
        field={field}
        issues={issues}
        onChange={(question) => {
          replaceStop(question ? { ...stop, question } : without(stop, 'question'));
        }}
      />
      {(tour.bands ?? []).map((band) => (
        <BandTextsFields
          key={band.id}
          label={pickText(band.audience.label, lang) || band.id}
          texts={stop.forBands?.[band.id] ?? {}}
          field={`${field}.forBands.${band.id}`}
          issues={issues}
          onChange={(texts) => {
            const others = Object.entries(stop.forBands ?? {}).filter(([id]) => id !== band.id);
            const forBands = Object.fromEntries(
              Object.keys(texts).length > 0 ? [...others, [band.id, texts]] : others,
            );
            replaceStop(
              Object.keys(forBands).length > 0 ? { ...stop, forBands } : without(stop, 'forBands'),
            );
          }}
        />
      ))}
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          edit((d) => updateTour(d, tour.id, { stops: tour.stops.filter((_, i) => i !== index) }));
        }}
      >
        <Trash2 aria-hidden="true" />
        {t('editor.remove')}
      </button>
    </fieldset>
  );
}
