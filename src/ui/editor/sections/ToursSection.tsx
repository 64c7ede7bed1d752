/**
 * Guided tours: audience, duration and the stops, each with what to find, narration and a question.
 */
import { Trash2 } from 'lucide-react';
import { addTour, removeTour, updateTour } from '../../../domain/source/draft-edits.ts';
import { type TourInput } from '../../../domain/source/draft.ts';
import { useEditorT } from '../i18n.ts';
import { FieldProblem, LangMapField, NumberField } from '../fields.tsx';
import { numberOr, type FormProps, type SectionDefinition } from './EntitySection.tsx';
import { StopForm } from './StopForm.tsx';

type Band = NonNullable<TourInput['bands']>[number];

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
      <h3>{t('editor.field.bands')}</h3>
      <p className="field-hint">{t('editor.bandsHelp')}</p>
      <FieldProblem issues={issues} field="bands" />
      {(tour.bands ?? []).map((band, index) => {
        const setBand = (patch: Partial<Band['audience']>) => {
          update({
            bands: (tour.bands ?? []).map((b, i) =>
              i === index ? { ...b, audience: { ...b.audience, ...patch } } : b,
            ),
          });
        };
        return (
          <fieldset className="stop-form" key={band.id}>
            <legend>{band.id}</legend>
            <LangMapField
              label={t('editor.field.audienceLabel')}
              value={band.audience.label}
              onChange={(label) => {
                setBand({ label });
              }}
            />
            <div className="field-row">
              <NumberField
                label={t('editor.field.minAge')}
                value={band.audience.minAge}
                onChange={(minAge) => {
                  setBand({ minAge });
                }}
              />
              <NumberField
                label={t('editor.field.maxAge')}
                value={band.audience.maxAge}
                onChange={(maxAge) => {
                  setBand({ maxAge });
                }}
              />
            </div>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                update({
                  bands: (tour.bands ?? []).filter((_, i) => i !== index),
                  stops: tour.stops.map((stop) => {
                    const rest = Object.entries(stop.forBands ?? {}).filter(
                      ([id]) => id !== band.id,
                    );
                    return { ...stop, forBands: Object.fromEntries(rest) };
                  }),
                });
              }}
            >
              <Trash2 aria-hidden="true" />
              {t('editor.remove')}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          const taken = new Set((tour.bands ?? []).map((b) => b.id));
          let n = taken.size + 1;
          while (taken.has(`usia-${n}`)) n++;
          update({
            bands: [
              ...(tour.bands ?? []),
              { id: `usia-${n}`, audience: { label: { id: t('editor.newBand') } } },
            ],
          });
        }}
      >
        {t('editor.addBand')}
      </button>
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
