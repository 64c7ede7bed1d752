/** The class's results: one row per group, the hardest question, CSV and print. */
import { Download, Printer, Trash2 } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import type { Tour } from '../../domain/catalog.ts';
import {
  classCsv,
  hardestQuestion,
  ranked,
  type ClassEntry,
} from '../../domain/tours/class-table.ts';
import { useTourT } from './i18n.ts';
import { duration } from './FinishView.tsx';

interface Props {
  readonly tour: Tour;
  readonly className: string;
  readonly entries: readonly ClassEntry[];
  /** Each stop's question as the class saw it ('' for a stop without one). */
  readonly prompts: readonly string[];
  readonly onClear: () => void;
}

export function ClassTable({ tour, className, entries, prompts, onClear }: Props) {
  const t = useTourT();
  const questionStops = prompts.flatMap((prompt, i) => (prompt ? [i] : []));
  const csv = useMemo(
    () =>
      classCsv(entries, {
        group: t('teacher.group'),
        score: t('teacher.score'),
        questions: t('teacher.questions'),
        time: t('teacher.time'),
        stops: t('teacher.stops'),
        question: (n) => t('teacher.questionColumn', { n }),
        right: t('teacher.right'),
        wrong: t('teacher.wrong'),
        none: '',
      }),
    [entries, t],
  );
  // A byte-order mark, so spreadsheet programs read the names as UTF-8.
  const csvUrl = useMemo(
    () => URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' })),
    [csv],
  );
  useEffect(
    () => () => {
      URL.revokeObjectURL(csvUrl);
    },
    [csvUrl],
  );

  if (entries.length === 0) return <p>{t('teacher.none')}</p>;
  const hardest = hardestQuestion(entries);
  const fileName = `hasil-${tour.id}${className ? `-${className.replace(/[^\p{L}\p{N}]+/gu, '-')}` : ''}.csv`;
  return (
    <div className="class-results">
      <table className="class-table">
        <caption>
          {t('teacher.results')}
          {className ? `: ${className}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('teacher.group')}</th>
            <th scope="col">{t('teacher.score')}</th>
            <th scope="col">{t('teacher.time')}</th>
            <th scope="col">{t('teacher.stops')}</th>
            {questionStops.map((stop, n) => (
              <th scope="col" key={stop} title={prompts[stop]}>
                {t('teacher.questionColumn', { n: n + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranked(entries).map((entry) => (
            <tr key={entry.group}>
              <th scope="row">{entry.group}</th>
              <td>
                {entry.correct}/{entry.questions}
              </td>
              <td>{duration(entry.seconds, t)}</td>
              <td>
                {entry.done}/{entry.total}
              </td>
              {questionStops.map((stop) => (
                <td key={stop}>
                  {entry.marks[stop] === '1'
                    ? t('teacher.right')
                    : entry.marks[stop] === '0'
                      ? t('teacher.wrong')
                      : '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {hardest && (
        <p className="class-hardest">
          {t('teacher.hardest', {
            n: hardest.stop + 1,
            prompt: prompts[hardest.stop] ?? '',
            wrong: hardest.wrong,
            answered: hardest.answered,
          })}
        </p>
      )}
      <div className="button-row no-print">
        <a className="button" href={csvUrl} download={fileName}>
          <Download aria-hidden="true" /> {t('teacher.csv')}
        </a>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            document.body.classList.add('print-results');
            window.print();
            document.body.classList.remove('print-results');
          }}
        >
          <Printer aria-hidden="true" /> {t('teacher.printTable')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            if (window.confirm(t('teacher.clearConfirm'))) onClear();
          }}
        >
          <Trash2 aria-hidden="true" /> {t('teacher.clear')}
        </button>
      </div>
    </div>
  );
}
