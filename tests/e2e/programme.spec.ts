/**
 * The programme without scanning: the events page (this week, later, past; filtered by age), an
 * event's page with its place on the plan and an .ics file that a real calendar parser reads, a
 * starred event's reminder as a local notification when a refreshed feed moves it into the next
 * hour, and "new since your last visit".
 */
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { waitForServiceWorker } from './support/offline.ts';
import { expect, openApp, test } from './support/test.ts';

type Feed = { ar: { events: Record<string, unknown>[] } } & Record<string, unknown>;
const demo = (): Feed =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/catalog.json'), 'utf8'));

const HOUR = 3_600_000;
const at = (fromNowMs: number) => new Date(Date.now() + fromNowMs).toISOString();

/** The demo's events moved around now: dongeng in `dongengIn`, the reading club later, kolintang past. */
function feedWithEvents(dongengIn: number, extra: Record<string, unknown>[] = []): string {
  const feed = demo();
  const byId = new Map(feed.ar.events.map((event) => [event['id'], event]));
  const moved = (id: string, start: number, hours: number) => ({
    ...byId.get(id),
    start: at(start),
    end: at(start + hours * HOUR),
  });
  feed.ar.events = [
    moved('dongeng-tangkasi', dongengIn, 1),
    moved('klub-baca-bumi-manusia', 20 * 24 * HOUR, 2),
    moved('mengenal-kolintang', -3 * 24 * HOUR, 2),
    ...extra,
  ];
  return JSON.stringify(feed);
}

async function serveCatalog(page: Page, body: () => string): Promise<void> {
  // On the context too: the service worker fetches the feed as well.
  await page.context().route(
    (url) => url.pathname === '/catalog.json',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: body() }),
  );
}

const DONGENG = 'Dongeng Sabtu: Si Tangkasi dari Tangkoko';
const KLUB = 'Klub Baca: Bumi Manusia';
const KOLINTANG = 'Mengenal Kolintang';

test('the events page groups the programme by week, filters by age, and an event gives an .ics file', async ({
  page,
}) => {
  await serveCatalog(page, () => feedWithEvents(2 * 24 * HOUR));
  await openApp(page);
  await page.getByRole('link', { name: 'Semua acara' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acara perpustakaan');
  const group = (name: string) =>
    page.getByRole('region', { name }).getByRole('heading', { level: 3 });
  await expect(group('Minggu ini')).toHaveText([DONGENG]);
  await expect(group('Berikutnya')).toHaveText([KLUB]);
  await expect(group('Sudah lewat')).toHaveText([KOLINTANG]);

  await page.getByRole('radio', { name: 'Anak (sampai 12 tahun)' }).check();
  await expect(group('Minggu ini')).toHaveText([DONGENG]);
  await expect(page.getByRole('region', { name: 'Berikutnya' })).toContainText(
    'Tidak ada acara untuk kelompok ini',
  );
  await page.getByRole('radio', { name: 'Dewasa (18 tahun ke atas)' }).check();
  await expect(group('Berikutnya')).toHaveText([KLUB]);
  await expect(page.getByRole('region', { name: 'Minggu ini' })).not.toContainText(DONGENG);

  // The navigation leads here too.
  await expect(
    page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Acara' }),
  ).toHaveAttribute('aria-current', 'page');

  await page.getByRole('radio', { name: 'Semua umur' }).check();
  await page.getByRole('link', { name: DONGENG }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DONGENG);
  await expect(
    page.getByRole('img', { name: 'Denah perpustakaan; tempat acara (Ruang Anak) ditandai.' }),
  ).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tambahkan ke kalender (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('dongeng-tangkasi.ics');
  const text = await readFile(await download.path(), 'utf8');
  const vevent = new ICAL.Event(
    new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') ?? undefined,
  );
  expect(vevent.summary).toBe(DONGENG);
  expect(vevent.location).toBe('Ruang Anak, Perpustakaan Kota Bitung');
  // The same moment as the feed's start (calendars keep whole seconds).
  const shownStart = await page.locator('.event-when time').getAttribute('datetime');
  expect(vevent.startDate.toJSDate().getTime()).toBe(
    Math.floor(Date.parse(shownStart ?? '') / 1000) * 1000,
  );
});

test.describe('with notifications allowed', () => {
  test.use({ permissions: ['notifications'] });

  test('a starred event is announced by a local notification when a refreshed feed moves it into the next hour', async ({
    page,
  }) => {
    let dongengIn = 3 * HOUR;
    await serveCatalog(page, () => feedWithEvents(dongengIn));
    await openApp(page, '/events/dongeng-tangkasi');
    await waitForServiceWorker(page);
    const remind = page.getByRole('button', { name: 'Ingatkan saya' });
    await remind.click();
    await expect(page.getByRole('button', { name: 'Pengingat aktif' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const notifications = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const shown = (await registration?.getNotifications()) ?? [];
        return shown.map((n) => ({
          title: n.title,
          body: n.body,
          url: (n.data as { url: string }).url,
        }));
      });
    // Three hours away: no reminder yet.
    await page.waitForTimeout(500);
    expect(await notifications()).toEqual([]);

    // The library moves the event forward; the visitor opens the app again.
    dongengIn = 30 * 60 * 1000;
    await page.goto('/events');
    // The refreshed feed is on screen (a failure here is the feed's, not the notification's).
    const dongengStart = page
      .getByRole('listitem')
      .filter({ hasText: DONGENG })
      .locator('time')
      .first();
    await expect
      .poll(
        async () =>
          Date.parse(
            (await dongengStart.getAttribute('datetime', { timeout: 1000 }).catch(() => null)) ??
              '',
          ) - Date.now(),
      )
      .toBeLessThan(HOUR);
    await expect.poll(notifications, { timeout: 20_000 }).toEqual([
      expect.objectContaining({
        title: `Segera dimulai: ${DONGENG}`,
        url: '/events/dongeng-tangkasi',
      }),
    ]);
    // The starred event says so in the programme.
    await expect(
      page.getByRole('listitem').filter({ hasText: DONGENG }).getByText('Diingatkan'),
    ).toBeVisible();
  });

  test('events a refreshed feed brings are new since the last visit, and announced when asked for', async ({
    page,
  }) => {
    let extra: Record<string, unknown>[] = [];
    await serveCatalog(page, () => feedWithEvents(2 * 24 * HOUR, extra));
    await openApp(page, '/events');
    await waitForServiceWorker(page);
    await page.getByRole('checkbox', { name: 'Beri tahu saya bila ada acara baru' }).check();
    await openApp(page);
    await expect(page.getByRole('region', { name: 'Baru sejak kunjungan terakhir' })).toHaveCount(
      0,
    );

    const title = { id: 'Kelas Literasi Digital', en: 'Digital Literacy Class' };
    extra = [
      {
        id: 'literasi-digital',
        title,
        start: at(5 * 24 * HOUR),
        end: at(5 * 24 * HOUR + 2 * HOUR),
        place: { id: 'Ruang Komputer', en: 'Computer Room' },
        description: { id: 'Mengenal internet yang aman.', en: 'Staying safe online.' },
        audience: { minAge: 13 },
      },
    ];
    await page.reload();
    const fresh = page.getByRole('region', { name: 'Baru sejak kunjungan terakhir' });
    await expect(fresh.getByRole('heading', { level: 3, name: title.id })).toBeVisible();
    await expect(fresh).not.toContainText(DONGENG);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return ((await registration?.getNotifications()) ?? []).map((n) => n.title);
        }),
      )
      .toContain('Acara baru di perpustakaan (1)');
  });
});
