/**
 * The demo children's tour, done without a camera and without a mouse: call numbers and sign codes
 * typed, a plain confirmation, questions answered with the keyboard, and axe on every screen of the
 * runner in both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { demoFeed } from '../helpers/demo-feed.ts';
import { waitForServiceWorker } from './support/offline.ts';
import { expect, test } from './support/test.ts';

const callNumber = (id: string): string =>
  demoFeed().publications.find((p: { ar: { id: string } }) => p.ar.id === id).ar.callNumber;

/** Every axe rule, not only the serious ones: a runner for children must be clean. */
async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    screen,
  ).toEqual([]);
}

/** Keyboard only: focus, then Enter (buttons, links, submitting a form). */
async function press(locator: Locator, key = 'Enter'): Promise<void> {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

async function type(locator: Locator, text: string): Promise<void> {
  await locator.focus();
  await locator.page().keyboard.press('ControlOrMeta+A');
  await locator.page().keyboard.type(text);
}

const progress = (page: Page, name: string) => page.getByRole('progressbar', { name });

test('the children’s tour is completed without a camera, keyboard only, axe-clean in both languages', async ({
  page,
}) => {
  await page.goto('/tours');
  await press(page.getByRole('link', { name: 'Jejak Si Tangkasi' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jejak Si Tangkasi');
  await expect(page.locator('.tour-meta')).toContainText(
    'Anak 7–12 tahun · 30 menit · 5 perhentian',
  );
  await expectNoAxeViolations(page, 'start (id)');

  // The name is required, and said so in words.
  await press(page.getByRole('button', { name: 'Mulai tur' }));
  await expect(page.getByRole('alert')).toHaveText('Tulis nama kelompok dulu.');
  await type(page.getByLabel('Nama kelompok'), 'Kelompok Tarsius');
  await type(page.getByLabel('Kelas (boleh kosong)'), '4B');
  // The youngest band: short sentences.
  await press(page.getByRole('radio', { name: 'Anak 7–9 tahun' }), 'Space');
  await press(page.getByRole('button', { name: 'Mulai tur' }));

  // Stop 1: the children's corner sign, found by the number printed on it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perhentian 1 dari 5');
  await expect(
    page.getByText('Cari papan Koleksi Anak. Arahkan kamera ke papan itu.'),
  ).toBeVisible();
  await expect(progress(page, 'Kemajuan tur')).toHaveAttribute('aria-valuenow', '0');
  await expectNoAxeViolations(page, 'stop (id)');
  const code = page.getByLabel('Ketik angka kelas pada papan rak (misalnya 500–599)');
  await type(code, '123');
  await code.press('Enter');
  await expect(
    page.getByText('Kode itu belum cocok. Periksa lagi tulisan di papan rak.'),
  ).toBeVisible();
  await type(code, '000 – 999');
  await code.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Kode cocok' })).toHaveText(
    'Kode cocok: rak Koleksi Anak',
  );
  await expect(
    page.getByText('Halo! Aku Tangkasi. Aku tarsius dari Tangkoko. Ayo cari buku!'),
  ).toBeVisible();
  await expect(progress(page, 'Kemajuan tur')).toHaveAttribute('aria-valuenow', '1');
  await expectNoAxeViolations(page, 'found (id)');
  await press(page.getByRole('button', { name: 'Lanjut ke perhentian berikutnya' }));

  // Stop 2: the caterpillar book, by the call number on its spine; the answer is right.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perhentian 2 dari 5');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const spine = page.getByLabel('Ketik nomor panggil pada punggung buku');
  await type(spine, callNumber('very-hungry-caterpillar').toLowerCase());
  await spine.press('Enter');
  await press(page.getByRole('button', { name: 'Kupu-kupu' }));
  await expect(page.getByText('Benar!', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'answered (id)');
  await press(page.getByRole('button', { name: 'Lanjut ke perhentian berikutnya' }));

  // In English from here on.
  await press(page.getByRole('button', { name: 'Ganti bahasa ke English' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stop 3 of 5');
  await expect(page.getByText('Now find the Natural Sciences sign.')).toBeVisible();
  await expectNoAxeViolations(page, 'stop (en)');
  // Stop 3: a plain confirmation, for a group that cannot scan or type.
  await press(page.getByRole('button', { name: 'We found it' }));
  await expect(page.getByText('Marked as found: the Natural Sciences shelf')).toBeVisible();
  await press(page.getByRole('button', { name: 'On to the next stop' }));

  // Stop 4: the band's own question (small or big); a wrong answer shows the right one.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stop 4 of 5');
  const spine4 = page.getByLabel('Type the call number on the book’s spine');
  await type(spine4, callNumber('spectral-tarsier'));
  await spine4.press('Enter');
  await expect(page.getByText('Is a tarsier big or small?')).toBeVisible();
  await press(page.getByRole('button', { name: 'Very big' }));
  await expect(page.getByText('Not quite. The answer is: Small.')).toBeVisible();
  await expectNoAxeViolations(page, 'answered (en)');

  // Back to an earlier stop and forward again.
  await press(page.getByRole('button', { name: /^Stop 1/ }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stop 1 of 5');
  await expect(page.getByText('Marked as found: the Natural Sciences shelf')).toHaveCount(0);
  await press(page.getByRole('button', { name: 'Back to the current stop' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stop 5 of 5');

  // Stop 5: the last book, then the finish.
  const spine5 = page.getByLabel('Type the call number on the book’s spine');
  await type(spine5, callNumber('twenty-thousand-leagues'));
  await spine5.press('Enter');
  await press(page.getByRole('button', { name: 'A sea snake' }));
  await expect(progress(page, 'Tour progress')).toHaveAttribute('aria-valuenow', '5');
  await press(page.getByRole('button', { name: 'Finish' }));

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tour complete!');
  await expect(page.getByText('2 of 3 answers right')).toBeVisible();
  await expect(page.getByText('5 of 5 stops found')).toBeVisible();
  await expect(
    page.getByRole('img', {
      name: /^Follow the Tangkasi badge for Kelompok Tarsius: 2\/3 right, /,
    }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: 'Result code for the teacher' })).toBeVisible();
  await expect(
    page.getByText(
      /^Show this QR code to the teacher\. It can also be typed: LPR1\|jejak-tangkasi\|4B\|Kelompok%20Tarsius\|2\/3\|/,
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'finish (en)');
  // The badge is a real picture to save.
  const download = page.waitForEvent('download');
  await press(page.getByRole('link', { name: 'Save the badge' }));
  expect((await download).suggestedFilename()).toBe('lencana-jejak-tangkasi.png');

  await press(page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tur selesai!');
  await expectNoAxeViolations(page, 'finish (id)');
});

test('after one visit, a tour and its teacher mode open without a network', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto('/tours/jejak-tangkasi/guru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mode guru: Jejak Si Tangkasi');
  await page.getByLabel('Nama kelas').fill('5A');
  await expect(page.getByRole('img', { name: 'Kode QR untuk bergabung' })).toBeVisible();
  await page.goto('/tours/jejak-tangkasi?class=5A');
  await page.getByLabel('Nama kelompok').fill('Kelompok Maleo');
  await page.getByRole('button', { name: 'Mulai tur' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perhentian 1 dari 5');
  await context.setOffline(false);
});
