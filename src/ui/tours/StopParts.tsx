/**
 * The two halves of a stop: looking for it (scan, or the no-camera way) and having found it
 * (confirmation, narration, question, on to the next stop).
 */
import { Camera, Check, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Tour } from '../../domain/catalog.ts';
import { pickText } from '../../domain/langmap.ts';
import { stopTexts } from '../../domain/tours/bands.ts';
import { CODE_MAX, codeMatches } from '../../domain/tours/codes.ts';
import { furthestStop, isStopDone, playerForNextAnswer } from '../../domain/tours/run.ts';
import type { TourRunStore } from '../../state/tour-run-store.ts';
import { LangText } from '../components/LangText.tsx';
import { NarrateButton } from '../components/NarrateButton.tsx';
import { useLang, useLoadedCatalog } from '../context.tsx';
import { useTourT } from './i18n.ts';
import { targetName } from './RunView.tsx';

export function StopSearch({
  tour,
  store,
  scannable,
  onScan,
}: {
  tour: Tour;
  store: TourRunStore;
  scannable: boolean;
  onScan: () => void;
}) {
  const t = useTourT();
  const { index } = useLoadedCatalog();
  const run = useStore(store, (state) => state.run);
  const actions = useStore(store, (state) => state);
  const id = useId();
  const [code, setCode] = useState('');
  const [wrong, setWrong] = useState(false);
  const stop = run ? tour.stops[run.current] : undefined;
  if (!run || !stop) return null;
  const kind = stop.find.kind;

  const check = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (codeMatches(code, stop.find, index)) {
      setWrong(false);
      actions.foundWithout('code');
    } else setWrong(true);
  };

  return (
    <div className="tour-search">
      {scannable ? (
        <button type="button" className="button tour-scan-button" onClick={onScan}>
          <Camera aria-hidden="true" /> {t('tour.scan')}
        </button>
      ) : (
        <p className="note">{t('tour.scanNotPossible')}</p>
      )}
      <section className="tour-fallback" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('tour.withoutCamera')}</h2>
        <form onSubmit={check} className="tour-code" noValidate>
          <label htmlFor={`${id}-code`}>
            {t(kind === 'book' ? 'tour.code.book' : 'tour.code.shelf')}
          </label>
          <div className="inline-form">
            <input
              id={`${id}-code`}
              value={code}
              maxLength={CODE_MAX}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-invalid={wrong}
              aria-describedby={`${id}-code-problem`}
              onChange={(event) => {
                setCode(event.target.value);
                setWrong(false);
              }}
            />
            <button type="submit" className="button button-quiet">
              {t('tour.code.check')}
            </button>
          </div>
          <p id={`${id}-code-problem`} role="alert" className="field-problem">
            {wrong
              ? t('tour.code.wrong', {
                  where: t(kind === 'book' ? 'tour.code.where.book' : 'tour.code.where.shelf'),
                })
              : ''}
          </p>
        </form>
        <p className="field-help">{t('tour.confirmHelp')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              actions.foundWithout('confirm');
            }}
          >
            {t('tour.confirm')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              actions.skip();
            }}
          >
            {t('tour.skip')}
          </button>
        </div>
      </section>
    </div>
  );
}

export function StopFound({ tour, store }: { tour: Tour; store: TourRunStore }) {
  const t = useTourT();
  const lang = useLang();
  const { index } = useLoadedCatalog();
  const run = useStore(store, (state) => state.run);
  const actions = useStore(store, (state) => state);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const id = useId();
  const stop = run ? tour.stops[run.current] : undefined;
  const progress = run?.stops[run.current];
  const freshlyFound = progress?.status === 'found' && progress.answer === undefined;
  const current = run?.current;
  useEffect(() => {
    if (freshlyFound) confirmation.current?.focus();
  }, [freshlyFound, current]);
  if (!run || !stop || !progress) return null;

  const texts = stopTexts(stop, run.band);
  const question =
    progress.status === 'found' && !progress.questionSkipped ? texts.question : undefined;
  const name = targetName(stop.find, index, lang, t);
  const foundText =
    progress.foundBy === 'code'
      ? t('tour.foundBy.code', { name })
      : progress.foundBy === 'confirm'
        ? t('tour.foundBy.confirm', { name })
        : t('tour.found', { name });
  const furthest = furthestStop(tour, run);
  const isLast = run.current === tour.stops.length - 1;
  const done = isStopDone(tour, run, run.current);
  const turn = playerForNextAnswer(run);
  const narration = pickText(texts.narration, lang);

  return (
    <div className="tour-found">
      <p ref={confirmation} tabIndex={-1} role="status" className="tour-confirmation">
        {progress.status === 'skipped' ? (
          t('tour.stopSkipped')
        ) : (
          <>
            <Check aria-hidden="true" /> {foundText}
          </>
        )}
      </p>
      {progress.status === 'found' && (
        <section className="tour-narration" aria-label={t('narrate.listen')}>
          <LangText text={texts.narration} as="p" />
          <NarrateButton text={narration} lang={lang} />
        </section>
      )}
      {question && (
        <section className="tour-question" aria-labelledby={`${id}-question`}>
          <h2 id={`${id}-question`}>{t('tour.question')}</h2>
          <LangText text={question.prompt} as="p" className="tour-prompt" />
          {progress.answer === undefined && turn !== undefined && (
            <p className="tour-turn">{t('tour.turn', { name: run.players[turn] ?? '' })}</p>
          )}
          <div role="group" aria-labelledby={`${id}-question`} className="tour-choices">
            {question.choices.map((choice, i) => {
              const chosen = progress.answer === i;
              const right = progress.answer !== undefined && i === question.answer;
              return (
                <button
                  key={i}
                  type="button"
                  className={`tour-choice${chosen ? ' is-chosen' : ''}${right ? ' is-right' : ''}`}
                  aria-pressed={chosen}
                  aria-disabled={progress.answer !== undefined}
                  onClick={() => {
                    if (progress.answer === undefined) actions.answer(i);
                  }}
                >
                  {right && <Check aria-hidden="true" />}
                  {chosen && !right && <X aria-hidden="true" />} <LangText text={choice} />
                </button>
              );
            })}
          </div>
          <div role="status" className="tour-feedback">
            {progress.answer !== undefined && (
              <>
                <p className="tour-verdict">
                  {progress.correct
                    ? t('tour.right')
                    : t('tour.wrong', {
                        answer: pickText(question.choices[question.answer] ?? {}, lang),
                      })}
                </p>
                <LangText text={question.explanation} as="p" />
                {progress.player !== undefined && (
                  <p className="muted">
                    {t('tour.answeredBy', { name: run.players[progress.player] ?? '' })}
                  </p>
                )}
              </>
            )}
          </div>
          {progress.answer === undefined && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                actions.skip();
              }}
            >
              {t('tour.skipQuestion')}
            </button>
          )}
        </section>
      )}
      {done && (
        <div className="button-row">
          {/* Revisiting an earlier stop: straight back to the first stop not done. */}
          {run.current < Math.min(furthest, tour.stops.length) - 1 ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                actions.goTo(furthest);
              }}
            >
              {t('tour.backToCurrent')}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => {
                actions.next();
              }}
            >
              {isLast ? t('tour.finishNow') : t('tour.next')}
            </button>
          )}
        </div>
      )}
      {!isLast && furthest < tour.stops.length && (
        <button
          type="button"
          className="link-button tour-end"
          onClick={() => {
            if (window.confirm(t('tour.finishEarlyConfirm'))) actions.finish();
          }}
        >
          {t('tour.finishEarly')}
        </button>
      )}
    </div>
  );
}
