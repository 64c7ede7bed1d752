/**
 * Teacher mode (`/tours/<id>/guru`), with no server: a join QR code that opens the tour on each
 * group's phone with the class filled in, the groups' result codes scanned (or typed) into a class
 * table kept on this device, exported as CSV and printed, and a printable tour sheet.
 */
import './tours.css';
import { Camera, Printer } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useSearch } from 'wouter';
import type { Tour } from '../../domain/catalog.ts';
import { FEED_PARAM } from '../../domain/feed-url.ts';
import { pickText } from '../../domain/langmap.ts';
import { knownBand, stopTexts } from '../../domain/tours/bands.ts';
import { addResult, type ClassEntry } from '../../domain/tours/class-table.ts';
import { decodeResult } from '../../domain/tours/result-code.ts';
import { NAME_MAX } from '../../domain/tours/run.ts';
import { readClassTable, writeClassTable } from '../../data/tour-storage.ts';
import { useCatalogState, useLang, useLoadedCatalog } from '../context.tsx';
import { ClassTable } from './ClassTable.tsx';
import { BandField, NameField, TourNotFound } from './fields.tsx';
import { useTourT } from './i18n.ts';
import { QrCode } from './QrCode.tsx';
import { ResultScanner } from './ResultScanner.tsx';
import { TourSheet } from './TourSheet.tsx';

export default function TeacherPage({ id }: { id: string }) {
  const { index } = useLoadedCatalog();
  const tour = index.tours.get(id);
  if (!tour) return <TourNotFound />;
  return <Teacher key={tour.id} tour={tour} />;
}

/** The address a group's phone opens: this tour, the class, the band, and the library if not the demo. */
function joinLink(
  tour: Tour,
  className: string,
  group: string,
  band: string | null,
  feed: string | null,
): string {
  const url = new URL(
    `${import.meta.env.BASE_URL}tours/${encodeURIComponent(tour.id)}`,
    location.origin,
  );
  if (className) url.searchParams.set('class', className);
  if (group) url.searchParams.set('group', group);
  if (band) url.searchParams.set('band', band);
  if (feed) url.searchParams.set(FEED_PARAM, feed);
  return url.href;
}

type Notice = { readonly kind: 'ok' | 'problem'; readonly text: string } | null;

function Teacher({ tour }: { tour: Tour }) {
  const t = useTourT();
  const lang = useLang();
  const { catalog } = useLoadedCatalog();
  const params = new URLSearchParams(useSearch());
  const shownUrl = useCatalogState((state) => state.shownUrl) ?? catalog.sourceUrl;
  const defaultUrl = useCatalogState((state) => state.defaultUrl);
  const fieldId = useId();
  const [className, setClassName] = useState(params.get('class')?.slice(0, NAME_MAX) ?? '');
  const [group, setGroup] = useState('');
  const [band, setBand] = useState<string | null>(knownBand(tour, params.get('band')));
  const [entries, setEntries] = useState<readonly ClassEntry[]>(() =>
    readClassTable(shownUrl, tour.id, className.trim()),
  );
  const [scanning, setScanning] = useState(false);
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [unsaved, setUnsaved] = useState(false);
  const cleanClass = className.replace(/\s+/g, ' ').trim();
  const link = useMemo(
    () =>
      joinLink(
        tour,
        cleanClass,
        group.replace(/\s+/g, ' ').trim(),
        band,
        shownUrl === defaultUrl ? null : shownUrl,
      ),
    [tour, cleanClass, group, band, shownUrl, defaultUrl],
  );

  const changeClass = (value: string) => {
    setClassName(value);
    setEntries(readClassTable(shownUrl, tour.id, value.replace(/\s+/g, ' ').trim()));
    setNotice(null);
  };

  const save = (next: readonly ClassEntry[]) => {
    setEntries(next);
    setUnsaved(!writeClassTable(shownUrl, tour.id, cleanClass, next));
  };

  const receive = (text: string) => {
    const decoded = decodeResult(text);
    if (!decoded.ok) {
      setNotice({
        kind: 'problem',
        text: t(decoded.problem === 'damaged' ? 'teacher.damaged' : 'teacher.notResult'),
      });
      return false;
    }
    const result = decoded.result;
    if (result.tourId !== tour.id) {
      setNotice({ kind: 'problem', text: t('teacher.otherTour', { tour: result.tourId }) });
      return false;
    }
    if (result.className.toLocaleLowerCase() !== cleanClass.toLocaleLowerCase()) {
      setNotice({
        kind: 'problem',
        text: t('teacher.otherClass', { className: result.className || '–' }),
      });
      return false;
    }
    const added = addResult(entries, result, Date.now());
    save(added.entries);
    setNotice({
      kind: 'ok',
      text: t(added.replaced ? 'teacher.replaced' : 'teacher.added', {
        group: result.group,
        correct: result.correct,
        questions: result.questions,
      }),
    });
    return true;
  };

  const submitTyped = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (receive(typed)) setTyped('');
  };

  const prompts = tour.stops.map((stop) => {
    const question = stopTexts(stop, band).question;
    return question ? pickText(question.prompt, lang) : '';
  });

  return (
    <section className="teacher" aria-labelledby={`${fieldId}-title`}>
      <div className="teacher-screen">
        <h1 id={`${fieldId}-title`}>{t('teacher.title', { tour: pickText(tour.title, lang) })}</h1>
        <p className="lead">{t('teacher.lead')}</p>
        <NameField
          id={`${fieldId}-class`}
          label={t('teacher.className')}
          value={className}
          onChange={changeClass}
          help={t('teacher.classHelp')}
        />
        <NameField
          id={`${fieldId}-group`}
          label={t('teacher.groupName')}
          value={group}
          onChange={setGroup}
        />
        <BandField
          tour={tour}
          name={`${fieldId}-band`}
          legend={t('teacher.band')}
          value={band}
          onChange={setBand}
        />

        <h2>{t('teacher.join')}</h2>
        <p>{t('teacher.joinHelp')}</p>
        <QrCode text={link} label={t('teacher.join')} />
        <p className="teacher-link">
          {t('teacher.joinLink')}: <a href={link}>{link}</a>
        </p>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            window.print();
          }}
        >
          <Printer aria-hidden="true" /> {t('teacher.print')}
        </button>

        <h2>{t('teacher.results')}</h2>
        <div className="button-row">
          <button
            type="button"
            className="button"
            aria-pressed={scanning}
            onClick={() => {
              setScanning((on) => !on);
            }}
          >
            <Camera aria-hidden="true" />{' '}
            {scanning ? t('teacher.stopScan') : t('teacher.scanResults')}
          </button>
        </div>
        {scanning && (
          <ResultScanner
            onCode={(text) => {
              receive(text);
            }}
          />
        )}
        <form className="tour-code" onSubmit={submitTyped} noValidate>
          <label htmlFor={`${fieldId}-code`}>{t('teacher.typeCode')}</label>
          <div className="inline-form">
            <input
              id={`${fieldId}-code`}
              value={typed}
              maxLength={600}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => {
                setTyped(event.target.value);
              }}
            />
            <button type="submit" className="button button-quiet">
              {t('teacher.addCode')}
            </button>
          </div>
        </form>
        <p role="status" className={notice?.kind === 'problem' ? 'field-problem' : 'note'}>
          {notice?.text ?? ''}
        </p>
        {unsaved && (
          <p role="alert" className="alert">
            {t('teacher.unsaved')}
          </p>
        )}
        <ClassTable
          tour={tour}
          className={cleanClass}
          entries={entries}
          prompts={prompts}
          onClear={() => {
            save([]);
          }}
        />
      </div>
      <TourSheet tour={tour} band={band} link={link} className={cleanClass} />
    </section>
  );
}
