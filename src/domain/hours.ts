/** Whether the library is open now, reckoned in the library's own time zone. */
import type { Library } from './catalog.ts';
import { dateTimeFormat } from './intl.ts';

export type Day = Library['openingHours'][number]['days'][number];
export const DAYS: readonly Day[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

export type OpeningStatus =
  | { readonly open: true; readonly closes: string }
  | { readonly open: false; readonly next?: { readonly day: Day; readonly opens: string } };

const WEEKDAY: Record<string, Day> = {
  Mon: 'mo',
  Tue: 'tu',
  Wed: 'we',
  Thu: 'th',
  Fri: 'fr',
  Sat: 'sa',
  Sun: 'su',
};

function localClock(now: Date, timeZone: string): { day: Day; time: string } {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAY[get('weekday')] ?? 'mo', time: `${get('hour')}:${get('minute')}` };
}

export function openingStatus(
  hours: Library['openingHours'],
  now: Date,
  timeZone: string,
): OpeningStatus {
  const { day, time } = localClock(now, timeZone);
  const today = hours.filter((h) => h.days.includes(day));
  const current = today.find((h) => h.opens <= time && time < h.closes);
  if (current) return { open: true, closes: current.closes };

  const laterToday = today
    .filter((h) => h.opens > time)
    .sort((a, b) => a.opens.localeCompare(b.opens))[0];
  if (laterToday) return { open: false, next: { day, opens: laterToday.opens } };
  const start = DAYS.indexOf(day);
  for (let offset = 1; offset <= 7; offset++) {
    const next = DAYS[(start + offset) % 7] as Day;
    const first = hours
      .filter((h) => h.days.includes(next))
      .sort((a, b) => a.opens.localeCompare(b.opens))[0];
    if (first) return { open: false, next: { day: next, opens: first.opens } };
  }
  return { open: false };
}
