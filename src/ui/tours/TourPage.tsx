/**
 * A tour for a group (`/tours/<id>`): the start screen, then stop by stop, then the finish screen.
 * `?class=&group=&band=` (the teacher's join link) fill in the start screen. Progress is saved
 * after every step, so the tour resumes after the phone locks or the page reloads.
 */
import './tours.css';
import { useId, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { useStore } from 'zustand';
import type { Tour } from '../../domain/catalog.ts';
import { audienceOf, bandChoices, isYoungAudience, knownBand } from '../../domain/tours/bands.ts';
import { MAX_PLAYERS, NAME_MAX, parseRun, serializeRun } from '../../domain/tours/run.ts';
import { readTourRun, writeTourRun } from '../../data/tour-storage.ts';
import { createTourRunStore, type TourRunStore } from '../../state/tour-run-store.ts';
import { LangText } from '../components/LangText.tsx';
import { OfflinePack } from '../components/OfflinePack.tsx';
import { useCatalogState, useLoadedCatalog } from '../context.tsx';
import { paths } from '../paths.ts';
import { FinishView } from './FinishView.tsx';
import { useTourT } from './i18n.ts';
import { RunView } from './RunView.tsx';

function useFeedUrl(): string {
  const { catalog } = useLoadedCatalog();
  return useCatalogState((state) => state.shownUrl) ?? catalog.sourceUrl;
}

export default function TourPage({ id }: { id: string }) {
  const t = useTourT();
  const { index } = useLoadedCatalog();
  const tour = index.tours.get(id);
  if (!tour) {
    return (
      <section>
        <h1>{t('tour.notFound')}</h1>
        <Link href={paths.tours}>{t('tour.backToTours')}</Link>
      </section>
    );
  }
  return <TourRunner key={tour.id} tour={tour} />;
}

function TourRunner({ tour }: { tour: Tour }) {
  const feedUrl = useFeedUrl();
  const [store] = useState(() => {
    const saved = readTourRun(feedUrl, tour.id);
    return createTourRunStore(tour, saved ? parseRun(saved, tour) : null, (run) =>
      writeTourRun(feedUrl, tour.id, run ? serializeRun(run) : null),
    );
  });
  const [resumed] = useState(() => store.getState().run !== null);
  const run = useStore(store, (state) => state.run);
  const band = run?.band ?? null;
  const young = isYoungAudience(audienceOf(tour, band));
  return (
    <div className={`tour-runner${young ? ' is-young' : ''}`}>
      {!run ? (
        <StartView tour={tour} store={store} />
      ) : run.finishedAt === null ? (
        <RunView tour={tour} store={store} resumed={resumed} />
      ) : (
        <FinishView tour={tour} store={store} />
      )}
    </div>
  );
}

function StartView({ tour, store }: { tour: Tour; store: TourRunStore }) {
  const t = useTourT();
  const params = new URLSearchParams(useSearch());
  const start = useStore(store, (state) => state.start);
  const fieldId = useId();
  const [group, setGroup] = useState(params.get('group')?.slice(0, NAME_MAX) ?? '');
  const [className, setClassName] = useState(params.get('class')?.slice(0, NAME_MAX) ?? '');
  const [band, setBand] = useState<string | null>(knownBand(tour, params.get('band')));
  const [turns, setTurns] = useState(false);
  const [players, setPlayers] = useState<string[]>(Array.from({ length: MAX_PLAYERS }, () => ''));
  const [missing, setMissing] = useState(false);
  const choices = bandChoices(tour);

  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (!group.trim()) {
      setMissing(true);
      document.getElementById(`${fieldId}-group`)?.focus();
      return;
    }
    start({ group, className, band, players: turns ? players : [] });
  };

  return (
    <section aria-labelledby={`${fieldId}-title`}>
      <LangText text={tour.title} as="h1" id={`${fieldId}-title`} />
      <p className="tour-meta">
        {tour.audience.label && (
          <>
            {t('tours.audience')} <LangText text={tour.audience.label} /> ·{' '}
          </>
        )}
        {t('tours.minutes', { minutes: tour.minutes })} ·{' '}
        {t('tours.stops', { count: tour.stops.length })}
      </p>
      <LangText text={tour.description} as="p" className="lead" />
      <p>{t('tour.offline')}</p>
      <OfflinePack target={{ kind: 'tour', id: tour.id }} />

      <form className="tour-start" onSubmit={submit} noValidate>
        <h2>{t('tour.startTitle')}</h2>
        <div className="field">
          <label htmlFor={`${fieldId}-group`}>{t('tour.groupName')}</label>
          <input
            id={`${fieldId}-group`}
            value={group}
            maxLength={NAME_MAX}
            autoComplete="off"
            aria-invalid={missing && !group.trim()}
            aria-describedby={`${fieldId}-group-help`}
            onChange={(event) => {
              setGroup(event.target.value);
            }}
          />
          <p id={`${fieldId}-group-help`} className="field-help">
            {missing && !group.trim() ? (
              <span role="alert">{t('tour.groupMissing')}</span>
            ) : (
              t('tour.groupHelp')
            )}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${fieldId}-class`}>{t('tour.className')}</label>
          <input
            id={`${fieldId}-class`}
            value={className}
            maxLength={NAME_MAX}
            autoComplete="off"
            onChange={(event) => {
              setClassName(event.target.value);
            }}
          />
        </div>
        {choices.length > 1 && (
          <fieldset className="choice-list">
            <legend>{t('tour.band')}</legend>
            {choices.map((choice) => (
              <label key={choice.id ?? ''}>
                <input
                  type="radio"
                  name={`${fieldId}-band`}
                  checked={band === choice.id}
                  onChange={() => {
                    setBand(choice.id);
                  }}
                />{' '}
                {choice.audience.label ? (
                  <LangText text={choice.audience.label} />
                ) : (
                  <LangText text={tour.title} />
                )}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="choice-list">
          <legend>{t('tour.mode')}</legend>
          <label>
            <input
              type="radio"
              name={`${fieldId}-mode`}
              checked={!turns}
              onChange={() => {
                setTurns(false);
              }}
            />{' '}
            {t('tour.mode.together')}
          </label>
          <label>
            <input
              type="radio"
              name={`${fieldId}-mode`}
              checked={turns}
              onChange={() => {
                setTurns(true);
              }}
            />{' '}
            {t('tour.mode.turns')}
          </label>
          {turns &&
            players.map((name, i) => (
              <div className="field" key={i}>
                <label htmlFor={`${fieldId}-player-${i}`}>{t('tour.player', { n: i + 1 })}</label>
                <input
                  id={`${fieldId}-player-${i}`}
                  value={name}
                  maxLength={NAME_MAX}
                  autoComplete="off"
                  onChange={(event) => {
                    const value = event.target.value;
                    setPlayers((list) => list.map((p, j) => (j === i ? value : p)));
                  }}
                />
              </div>
            ))}
        </fieldset>
        <button type="submit" className="button">
          {t('tour.start')}
        </button>
      </form>
    </section>
  );
}
