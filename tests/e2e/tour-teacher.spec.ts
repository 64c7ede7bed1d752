/**
 * Teacher mode with no server: a group's phone (one browser) finishes the tour and shows its result
 * QR code; that code, filmed into a clip, is played by the teacher's camera (another browser),
 * which reads it into the class table; the table survives a reload and exports CSV.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { renderClip } from '../../scripts/lib/clip.ts';
import { CHROMIUM } from './support/chromium.ts';
import { cameraArgsForFile } from './support/camera.ts';
import { ROOT } from './support/clips.ts';
import { expect, test } from './support/test.ts';

const OUT = path.join(ROOT, 'tests/.fixtures-out/teacher');

/** The group's side: the tour without a camera, two answers right and one wrong. */
async function finishAsGroup(page: Page): Promise<void> {
  await page.goto('/tours/jejak-tangkasi?class=4B&group=Kelompok%20Pari');
  await expect(page.getByLabel('Kelas (boleh kosong)')).toHaveValue('4B');
  await expect(page.getByLabel('Nama kelompok')).toHaveValue('Kelompok Pari');
  await page.getByRole('button', { name: 'Mulai tur' }).click();
  const answers: Record<number, string> = {
    2: 'Kupu-kupu',
    4: 'Sekitar 1 kilogram',
    5: 'Ular laut',
  };
  for (let stop = 1; stop <= 5; stop++) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Perhentian ${stop} dari 5`);
    await page.getByRole('button', { name: 'Kami sudah menemukannya' }).click();
    const answer = answers[stop];
    if (answer) await page.getByRole('button', { name: answer }).click();
    await page
      .getByRole('button', { name: stop === 5 ? 'Selesai' : 'Lanjut ke perhentian berikutnya' })
      .click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tur selesai!');
}

test('a group’s result QR code, filmed, is read by the teacher’s camera into the class table and CSV', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await finishAsGroup(page);
  const qr = path.join(OUT, 'result-qr.png');
  // As the group holds it up: the code in the middle of the screen, clear of the bottom bar.
  const code = page.getByRole('img', { name: 'Kode hasil untuk guru' });
  await code.evaluate((element) => {
    element.scrollIntoView({ block: 'center' });
  });
  await code.screenshot({ path: qr });
  const clip = path.join(OUT, 'result-qr.mjpeg');
  await renderClip(
    {
      segments: [
        { kind: 'empty', seconds: 1 },
        {
          kind: 'picture',
          image: qr,
          seconds: 8,
          from: { x: 320, y: 240, height: 320, roll: -3, pitch: 8 },
          to: { x: 330, y: 235, height: 300, roll: 2, yaw: 8 },
        },
      ],
    },
    clip,
  );

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: cameraArgsForFile(clip),
  });
  const errors: string[] = [];
  try {
    const context = await browser.newContext({
      baseURL: baseURL!,
      locale: 'id-ID',
      timezoneId: 'Asia/Makassar',
      viewport: { width: 1024, height: 900 },
      permissions: ['camera'],
      acceptDownloads: true,
    });
    const teacher = await context.newPage();
    teacher.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    teacher.on('pageerror', (error) => errors.push(error.message));
    await teacher.goto('/tours/jejak-tangkasi/guru');
    await teacher.getByLabel('Nama kelas').fill('4B');
    // A join code for one group carries its name too.
    const groupField = teacher.getByLabel(
      'Nama kelompok (boleh kosong: kode QR untuk satu kelompok)',
    );
    await groupField.fill('Kelompok Pari');
    await expect(
      teacher.getByRole('link', {
        name: /\/tours\/jejak-tangkasi\?class=4B&group=Kelompok\+Pari$/,
      }),
    ).toBeVisible();
    await groupField.fill('');
    // The join code opens the tour with the class filled in.
    await expect(
      teacher.getByRole('link', { name: /\/tours\/jejak-tangkasi\?class=4B$/ }),
    ).toBeVisible();
    await expect(teacher.getByRole('img', { name: 'Kode QR untuk bergabung' })).toBeVisible();

    // A mistyped code does not count.
    await teacher
      .getByLabel('Atau ketik kode hasil')
      .fill('LPR1|jejak-tangkasi|4B|Kelompok%20Hiu|3/3|600|5/5|-1-11|0000000');
    await teacher.getByRole('button', { name: 'Tambahkan' }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'rusak' })).toHaveText(
      'Kode ini rusak atau salah ketik; minta kelompok menunjukkannya lagi.',
    );

    await teacher.getByRole('button', { name: 'Pindai kode hasil' }).click();
    await expect(
      teacher.getByRole('status').filter({ hasText: 'Hasil Kelompok Pari dicatat' }),
    ).toHaveText('Hasil Kelompok Pari dicatat: 2 dari 3 benar.', { timeout: 60_000 });
    await teacher.getByRole('button', { name: 'Berhenti memindai' }).click();

    const table = teacher.getByRole('table', { name: 'Hasil kelas: 4B' });
    const row = table.getByRole('row', { name: /Kelompok Pari/ });
    await expect(row.getByRole('cell').first()).toHaveText('2/3');
    await expect(row).toContainText('5/5');
    await expect(
      teacher.getByText(
        /^Pertanyaan tersulit: perhentian 4, "Kira-kira berapa berat tarsius dewasa\?" \(1 dari 1 kelompok salah\)\.$/,
      ),
    ).toBeVisible();

    // The table survives a reload.
    await teacher.reload();
    await teacher.getByLabel('Nama kelas').fill('4B');
    await expect(
      teacher
        .getByRole('table', { name: 'Hasil kelas: 4B' })
        .getByRole('row', { name: /Kelompok Pari/ }),
    ).toBeVisible();

    const download = teacher.waitForEvent('download');
    await teacher.getByRole('link', { name: 'Unduh CSV' }).click();
    const file = await (await download).path();
    const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe('Kelompok,Benar,Pertanyaan,Waktu,Perhentian,P1,P2,P3');
    expect(csv).toMatch(/\r\nKelompok Pari,2,3,\d+:\d\d,5\/5,benar,salah,benar\r\n/);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
