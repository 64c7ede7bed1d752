/**
 * The library's programme, as a visitor reads it: this week, later, past; filtered by who it is
 * for; and one event as a calendar file. Pure: no React, no I/O.
 */
import { agesFit, type AudienceGroup } from './audience.ts';
import type { LibraryEvent } from './catalog.ts';

export { AUDIENCE_GROUPS, type AudienceGroup } from './audience.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

export interface ProgrammeGroups {
  /** Going on now or starting within seven days, soonest first. */
  readonly thisWeek: readonly LibraryEvent[];
  /** Starting later, soonest first. */
  readonly later: readonly LibraryEvent[];
  /** Already over, most recent first. */
  readonly past: readonly LibraryEvent[];
}

export function programme(events: readonly LibraryEvent[], now: Date): ProgrammeGroups {
  const at = now.getTime();
  const byStart = [...events].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return {
    thisWeek: byStart.filter((e) => Date.parse(e.end) >= at && Date.parse(e.start) < at + WEEK_MS),
    later: byStart.filter((e) => Date.parse(e.start) >= at + WEEK_MS),
    past: byStart.filter((e) => Date.parse(e.end) < at).reverse(),
  };
}

/** Who an event is for, by age; an event without ages is for everyone. */
export function isFor(event: LibraryEvent, group: AudienceGroup): boolean {
  return agesFit(event.audience, group);
}

/** Events that start within `withinMs` of now and have not started yet. */
export function startingSoon(
  events: readonly LibraryEvent[],
  now: Date,
  withinMs: number,
): LibraryEvent[] {
  const at = now.getTime();
  return events.filter((e) => {
    const start = Date.parse(e.start);
    return start > at && start - at <= withinMs;
  });
}

/** Events in `events` that are not among the ids seen before (and have not ended). */
export function newEvents(
  events: readonly LibraryEvent[],
  seen: ReadonlySet<string>,
  now: Date,
): LibraryEvent[] {
  return events.filter((e) => !seen.has(e.id) && Date.parse(e.end) >= now.getTime());
}

// ---------------------------------------------------------------------------------------------
// iCalendar (RFC 5545). One VEVENT needs escaping, UTC times and line folding; a library for it
// (ics, ical-generator) would add more code than this and a validation layer we already have.

function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** 2026-12-05T09:00:00+08:00 → 20261205T010000Z */
function utcStamp(iso: string | number): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export interface CalendarTexts {
  readonly title: string;
  readonly description: string;
  readonly place: string;
  /** The library's name, added to the location. */
  readonly library: string;
  /** The event's page, so the calendar entry leads back. */
  readonly url?: string;
}

/** One event as an .ics file; `uidDomain` keeps the UID stable across downloads. */
export function eventCalendar(
  event: LibraryEvent,
  texts: CalendarTexts,
  uidDomain: string,
  now: Date,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lensa Pustaka//Programme//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.id)}@${escapeText(uidDomain)}`,
    `DTSTAMP:${utcStamp(now.getTime())}`,
    `DTSTART:${utcStamp(event.start)}`,
    `DTEND:${utcStamp(event.end)}`,
    `SUMMARY:${escapeText(texts.title)}`,
    `DESCRIPTION:${escapeText(texts.description)}`,
    `LOCATION:${escapeText(`${texts.place}, ${texts.library}`)}`,
    ...(texts.url ? [`URL:${texts.url.replace(/[\r\n]/g, '')}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** A file name for the event's calendar entry: its id, which is already safe. */
export function calendarFileName(event: LibraryEvent): string {
  return `${event.id}.ics`;
}
