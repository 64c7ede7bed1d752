/**
 * Guided tours: audience, duration and the stops, each with what to find, narration and a question.
 */
import { Trash2 } from 'lucide-react';
import type { FeedIssue } from '../../../domain/feed/issues.ts';
import { addTour, removeTour, updateTour } from '../../../domain/source/draft-edits.ts';
import { type Draft, type TourInput } from '../../../domain/source/draft.ts';
import { parseTargetKey, targetKey } from '../../../domain/targets.ts';
import { choicesToText, textToChoices } from '../../../editor/form-text.ts';
import { pickText } from '../../../domain/langmap.ts';
import { useLang } from '../../context.tsx';
import { useEditorT } from '../i18n.ts';
import { FieldProblem, LangMapField, NumberField, SelectField, TextField } from '../fields.tsx';
import { useEdit, numberOr, type FormProps, type SectionDefinition } from './EntitySection.tsx';

type Stop = TourInput['stops'][number];

function StopForm({
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
  const setStop = (patch: Partial<Stop>) => {
    edit((d) =>
      updateTour(d, tour.id, {
        stops: tour.stops.map((s, i) => (i === index ? { ...s, ...patch } : s)),
      }),
    );
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
      <LangMapField
        label={t('editor.field.question')}
        value={stop.question?.prompt}
        onChange={(prompt) => {
          if (Object.keys(prompt).length === 0) {
            const { question: _question, ...rest } = stop;
            edit((d) =>
              updateTour(d, tour.id, { stops: tour.stops.map((s, i) => (i === index ? rest : s)) }),
            );
            return;
          }
          setStop({
            question: {
              prompt,
              choices: stop.question?.choices ?? [{ id: '' }, { id: '' }],
              answer: stop.question?.answer ?? 0,
              explanation: stop.question?.explanation ?? { id: '' },
            },
          });
        }}
      />
      {stop.question && (
        <>
          <TextField
            label={t('editor.field.choices')}
            value={choicesToText(stop.question)}
            multiline
            issues={issues}
            field={`${field}.question`}
            onChange={(text) => {
              if (stop.question)
                setStop({ question: { ...stop.question, ...textToChoices(text) } });
            }}
          />
          <LangMapField
            label={t('editor.field.explanation')}
            value={stop.question.explanation}
            onChange={(explanation) => {
              if (stop.question) setStop({ question: { ...stop.question, explanation } });
            }}
          />
        </>
      )}
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

function TourForm({ entity: tour, draft, issues, update, bind }: FormProps<TourInput>) {
  const t = useEditorT();
  return (
    <>
      <LangMapField label={t('editor.field.title')} {...bind('title')} />
      <LangMapField
        label={t('editor.field.description')}
        value={tour.description}
        multiline
        issues={issues}
        field="description"
        onChange={(description) => {
          update({ description });
        }}
      />
      <div className="field-row">
        <NumberField
          label={t('editor.field.minAge')}
          value={tour.audience.minAge}
          onChange={(minAge) => {
            update({ audience: { ...tour.audience, minAge } });
          }}
        />
        <NumberField
          label={t('editor.field.maxAge')}
          value={tour.audience.maxAge}
          onChange={(maxAge) => {
            update({ audience: { ...tour.audience, maxAge } });
          }}
        />
        <NumberField
          label={t('editor.field.minutes')}
          value={tour.minutes}
          issues={issues}
          field="minutes"
          onChange={(minutes) => {
            update({ minutes: numberOr(minutes, 0) });
          }}
        />
      </div>
      <LangMapField
        label={t('editor.field.audienceLabel')}
        value={tour.audience.label}
        onChange={(label) => {
          update({ audience: { ...tour.audience, label } });
        }}
      />
      <h3>{t('editor.field.stops')}</h3>
      <FieldProblem issues={issues} field="stops" />
      {tour.stops.map((stop, index) => (
        <StopForm
          key={`${stop.id}-${index}`}
          stop={stop}
          index={index}
          tour={tour}
          draft={draft}
          issues={issues}
        />
      ))}
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          const first = draft.source.shelves[0];
          const taken = new Set(tour.stops.map((s) => s.id));
          let n = tour.stops.length + 1;
          while (taken.has(`perhentian-${n}`)) n++;
          update({
            stops: [
              ...tour.stops,
              {
                id: `perhentian-${n}`,
                find: { kind: 'shelf', id: first?.id ?? '' },
                instruction: { id: '' },
                narration: { id: '' },
              },
            ],
          });
        }}
      >
        {t('editor.addStop')}
      </button>
    </>
  );
}

export const toursSection: SectionDefinition<TourInput> = {
  kind: 'tour',
  heading: 'editor.section.tours',
  entities: (draft) => draft.source.tours ?? [],
  titleOf: (tour) => tour.title,
  add: addTour,
  update: updateTour,
  remove: (d, id) => ({ draft: removeTour(d, id) }),
  Form: TourForm,
};
