/** Form fields of the editor: labelled, with the field's problem under it in the staff's language. */
import { useId, useState, type ReactNode } from 'react';
import { formatDecimal, parseDecimal } from '../../editor/form-text.ts';
import type { FeedIssue } from '../../domain/feed/issues.ts';
import type { LangMap } from '../../domain/langmap.ts';
import { issuesAt } from '../../domain/source/draft-validation.ts';
import { useLang } from '../context.tsx';
import { useEditorT } from './i18n.ts';

export function FieldProblem({ issues, field }: { issues: readonly FeedIssue[]; field: string }) {
  const lang = useLang();
  const found = issuesAt(issues, field)[0];
  if (!found) return null;
  return <span className="field-problem">{found.message[lang]}</span>;
}

interface BaseProps {
  readonly label: string;
  readonly issues?: readonly FeedIssue[];
  /** The field's path in the validated value, for its problems. */
  readonly field?: string;
  readonly hint?: ReactNode;
}

export function TextField({
  label,
  value,
  onChange,
  issues = [],
  field,
  hint,
  type = 'text',
  multiline = false,
}: BaseProps & {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'number' | 'email' | 'datetime-local' | 'url';
  readonly multiline?: boolean;
}) {
  const id = useId();
  const invalid = field ? issuesAt(issues, field).length > 0 : false;
  return (
    <div className="field" data-field={field}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={value}
          rows={4}
          aria-invalid={invalid || undefined}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      ) : (
        <input
          id={id}
          type={type}
          value={value}
          aria-invalid={invalid || undefined}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
      {hint && <span className="field-hint">{hint}</span>}
      {field && <FieldProblem issues={issues} field={field} />}
    </div>
  );
}

/**
 * A number field that takes the decimal comma and the point ("0,2" and "0.2"). What staff type is
 * kept while they type; the value changes only when the text is a number, and text that is not a
 * number, or a number outside `min`–`max`, says so under the field.
 */
export function DecimalInput({
  id,
  value,
  onChange,
  min,
  max,
  label,
  describedBy,
}: {
  readonly id?: string;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
  readonly min?: number;
  readonly max?: number;
  /** An accessible name when there is no <label for>. */
  readonly label?: string;
  readonly describedBy?: string;
}) {
  const lang = useLang();
  const t = useEditorT();
  const shown = value === undefined || Number.isNaN(value) ? '' : formatDecimal(value, lang);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(value);
  // A change from elsewhere (dragging the model, undo) shows; typing "0," is left alone.
  if (seen !== value) {
    setSeen(value);
    if (parseDecimal(text) !== value) setText(shown);
  }
  const parsed = parseDecimal(text);
  const notNumber = text.trim() !== '' && parsed === undefined;
  const outside =
    parsed !== undefined &&
    ((min !== undefined && parsed < min) || (max !== undefined && parsed > max));
  const problemId = useId();
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-label={label}
        aria-invalid={notNumber || outside || undefined}
        aria-describedby={
          [describedBy, notNumber || outside ? problemId : undefined].filter(Boolean).join(' ') ||
          undefined
        }
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === '') onChange(undefined);
          else {
            const number = parseDecimal(next);
            if (number !== undefined) onChange(number);
          }
        }}
      />
      {notNumber && (
        <span id={problemId} className="field-problem">
          {t('editor.number.notNumber')}
        </span>
      )}
      {outside && (
        <span id={problemId} className="field-problem">
          {t('editor.number.outside', {
            min: formatDecimal(min ?? 0, lang),
            max: formatDecimal(max ?? 0, lang),
          })}
        </span>
      )}
    </>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  issues = [],
  field,
  hint,
  min,
  max,
}: BaseProps & {
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
  readonly min?: number;
  readonly max?: number;
}) {
  const id = useId();
  return (
    <div className="field" data-field={field}>
      <label htmlFor={id}>{label}</label>
      <DecimalInput
        id={id}
        value={value}
        onChange={onChange}
        {...(min === undefined ? {} : { min })}
        {...(max === undefined ? {} : { max })}
      />
      {hint && <span className="field-hint">{hint}</span>}
      {field && <FieldProblem issues={issues} field={field} />}
    </div>
  );
}

/** A text in Bahasa Indonesia and English, side by side. Empty languages are left out of the map. */
export function LangMapField({
  label,
  value,
  onChange,
  issues = [],
  field,
  multiline = false,
  hint,
}: BaseProps & {
  readonly value: LangMap | undefined;
  readonly onChange: (value: LangMap) => void;
  readonly multiline?: boolean;
}) {
  const t = useEditorT();
  const set = (lang: 'id' | 'en', text: string) => {
    // An emptied language is left out, not kept as "".
    const others = Object.entries(value ?? {}).filter(([key]) => key !== lang);
    onChange(Object.fromEntries(text === '' ? others : [...others, [lang, text]]));
  };
  return (
    <fieldset className="field lang-field" data-field={field}>
      <legend>{label}</legend>
      <div className="lang-field-pair">
        {(['id', 'en'] as const).map((lang) => (
          <TextField
            key={lang}
            label={t(lang === 'id' ? 'editor.langId' : 'editor.langEn')}
            value={value?.[lang] ?? ''}
            multiline={multiline}
            onChange={(text) => {
              set(lang, text);
            }}
          />
        ))}
      </div>
      {hint && <span className="field-hint">{hint}</span>}
      {field && <FieldProblem issues={issues} field={field} />}
    </fieldset>
  );
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  issues = [],
  field,
}: BaseProps & {
  readonly value: string;
  readonly options: readonly { value: string; label: string }[];
  readonly onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field" data-field={field}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {field && <FieldProblem issues={issues} field={field} />}
    </div>
  );
}

/** Several ids chosen from a list, as checkboxes. */
export function MultiChoice({
  label,
  value,
  options,
  onChange,
}: BaseProps & {
  readonly value: readonly string[];
  readonly options: readonly { value: string; label: string }[];
  readonly onChange: (value: string[]) => void;
}) {
  return (
    <fieldset className="field multi-choice">
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(option.value)}
            onChange={(event) => {
              onChange(
                event.target.checked
                  ? [...value, option.value]
                  : value.filter((v) => v !== option.value),
              );
            }}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
