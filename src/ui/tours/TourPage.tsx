/**
 * A tour for a group (`/tours/<id>`): the start screen, then stop by stop, then the finish screen.
 * `?class=&group=&band=` (the teacher's join link) fill in the start screen. Progress is saved
 * after every step, so the tour resumes after the phone locks or the page reloads.
 */
import './tours.css';
import { useId, useState } from 'react';
import { useSearch } from 'wouter';
import { useStore } from 'zustand';
import type { Tour } from '../../domain/catalog.ts';
import { audienceOf, isYoungAudience, knownBand } from '../../domain/tours/bands.ts';
import { MAX_PLAYERS, NAME_MAX, parseRun, serializeRun } from '../../domain/tours/run.ts';
import { readTourRun, writeTourRun } from '../../data/tour-storage.ts';
import { createTourRunStore, type TourRunStore } from '../../state/tour-run-store.ts';
import { LangText } from '../components/LangText.tsx';
import { OfflinePack } from '../components/OfflinePack.tsx';
import { TourMeta } from '../pages/ToursPage.tsx';
import { BandField, NameField, TourNotFound } from './fields.tsx';
import { useCatalogState, useLoadedCatalog } from '../context.tsx';
import { FinishView } from './FinishView.tsx';
import { useTourT } from './i18n.ts';
import { RunView } from './RunView.tsx';

function useFeedUrl(): string {
  const { catalog } = useLoadedCatalog();
  return useCatalogState((state) => state.shownUrl) ?? catalog.sourceUrl;
}

export default function TourPage({ id }: { id: string }) {
  const { index } = useLoadedCatalog();
  const tour = index.tours.get(id);
  if (!tour) return <TourNotFound />;
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
      <TourMeta tour={tour} />
      <LangText text={tour.description} as="p" className="lead" />
      <p>{t('tour.offline')}</p>
      <OfflinePack target={{ kind: 'tour', id: tour.id }} />

      <form className="tour-start" onSubmit={submit} noValidate>
        <h2>{t('tour.startTitle')}</h2>
        <NameField
          id={`${fieldId}-group`}
          label={t('tour.groupName')}
          value={group}
          onChange={setGroup}
          invalid={missing && !group.trim()}
          help={
            missing && !group.trim() ? (
              <span role="alert">{t('tour.groupMissing')}</span>
            ) : (
              t('tour.groupHelp')
            )
          }
        />
        <NameField
          id={`${fieldId}-class`}
          label={t('tour.className')}
          value={className}
          onChange={setClassName}
        />
        <BandField
          tour={tour}
          name={`${fieldId}-band`}
          legend={t('tour.band')}
          value={band}
          onChange={setBand}
        />
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
              <NameField
                key={i}
                id={`${fieldId}-player-${i}`}
                label={t('tour.player', { n: i + 1 })}
                value={name}
                onChange={(value) => {
                  setPlayers((list) => list.map((p, j) => (j === i ? value : p)));
                }}
              />
            ))}
        </fieldset>
        <button type="submit" className="button">
          {t('tour.start')}
        </button>
      </form>
    </section>
  );
}
