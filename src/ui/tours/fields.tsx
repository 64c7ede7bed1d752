/** What the tour's start screen and teacher mode share: fields, and the page for a missing tour. */
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Tour } from '../../domain/catalog.ts';
import { bandChoices } from '../../domain/tours/bands.ts';
import { NAME_MAX } from '../../domain/tours/run.ts';
import { LangText } from '../components/LangText.tsx';
import { paths } from '../paths.ts';
import { useTourT } from './i18n.ts';

/** A tour address the open catalog does not have (an old QR code, another library's tour). */
export function TourNotFound() {
  const t = useTourT();
  return (
    <section>
      <h1>{t('tour.notFound')}</h1>
      <Link href={paths.tours}>{t('tour.backToTours')}</Link>
    </section>
  );
}

/** A short name (a group, a class, a child): one line, at most NAME_MAX characters. */
export function NameField({
  id,
  label,
  value,
  onChange,
  help,
  invalid = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: ReactNode;
  invalid?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        maxLength={NAME_MAX}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={help === undefined ? undefined : `${id}-help`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {help !== undefined && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}

/** Which age band's texts to use: the tour's own audience first, then its extra bands. */
export function BandField({
  tour,
  name,
  legend,
  value,
  onChange,
}: {
  tour: Tour;
  name: string;
  legend: string;
  value: string | null;
  onChange: (band: string | null) => void;
}) {
  if (tour.bands.length === 0) return null;
  return (
    <fieldset className="choice-list">
      <legend>{legend}</legend>
      {bandChoices(tour).map((choice) => (
        <label key={choice.id ?? ''}>
          <input
            type="radio"
            name={name}
            checked={value === choice.id}
            onChange={() => {
              onChange(choice.id);
            }}
          />{' '}
          <LangText text={choice.audience.label ?? tour.title} />
        </label>
      ))}
    </fieldset>
  );
}
