/**
 * Intl formatters, made once per locale and options. Making one costs as much as formatting many
 * values with it, and a page formats dozens of dates and numbers in its first render (the home
 * page's events made it a 30 ms task on this machine, four times that on a mid-range phone).
 */
type Formatter = Intl.DateTimeFormat | Intl.NumberFormat;

/** Locales and options come from code and the feed's one time zone; the cap is a safeguard. */
const MAX_KEPT = 64;
const kept = new Map<string, Formatter>();

function keep<T extends Formatter>(
  key: string,
  make: () => T,
  is: (value: Formatter) => value is T,
): T {
  const found = kept.get(key);
  if (found && is(found)) return found;
  if (kept.size >= MAX_KEPT) kept.clear();
  const made = make();
  kept.set(key, made);
  return made;
}

const isDateTimeFormat = (value: Formatter): value is Intl.DateTimeFormat =>
  value instanceof Intl.DateTimeFormat;
const isNumberFormat = (value: Formatter): value is Intl.NumberFormat =>
  value instanceof Intl.NumberFormat;

/** `new Intl.DateTimeFormat(locale, options)`, shared; throws as it does for a bad time zone. */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return keep(
    `date ${locale} ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
    isDateTimeFormat,
  );
}

/** `new Intl.NumberFormat(locale, options)`, shared. */
export function numberFormat(
  locale: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return keep(
    `number ${locale} ${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options),
    isNumberFormat,
  );
}
