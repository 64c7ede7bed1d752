import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium.ts';
import { expect, test } from './support/test.ts';

// A camera exists, but the visitor says no: Chromium denies the permission prompt.
test.use({
  launchOptions: {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--deny-permission-prompts'],
  },
});

test('a denied camera is explained, with how to allow it and a way on without it', async ({
  page,
}) => {
  await page.goto('/scan');
  const problem = page.getByRole('alert');
  await expect(problem.getByRole('heading', { name: 'Izin kamera ditolak' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(problem).toContainText('ketuk ikon gembok');
  await expect(problem.getByRole('button', { name: 'Coba lagi' })).toBeVisible();
  await problem.getByRole('link', { name: 'Jelajahi tanpa kamera' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jelajahi tanpa kamera');
  await page.getByRole('searchbox', { name: 'Cari buku' }).fill('alfred wallace');
  await expect(page.getByRole('status')).toHaveText('1 buku cocok');
  await page.getByRole('link', { name: /Kepulauan Nusantara/ }).click();
  await expect(page.getByText('915.98 WAL m')).toBeVisible();
});

test('the same message in English', async ({ page }) => {
  await page.goto('/scan?lang=en');
  await expect(
    page.getByRole('alert').getByRole('heading', { name: 'Camera permission was denied' }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('link', { name: 'Browse without the camera' })).toBeVisible();
});
