/** Form fields of the editor: labelled, with the field's problem under it in the staff's language. */
import { useId, type ReactNode } from 'react';
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
    <div className="field">
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

export function NumberField(
  props: BaseProps & {
    readonly value: number | undefined;
    readonly onChange: (value: number | undefined) => void;
  },
) {
  return (
    <TextField
      {...props}
      type="number"
      value={props.value === undefined || Number.isNaN(props.value) ? '' : String(props.value)}
      onChange={(text) => {
        props.onChange(text.trim() === '' ? undefined : Number(text));
      }}
    />
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
    <fieldset className="field lang-field">
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
    <div className="field">
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
