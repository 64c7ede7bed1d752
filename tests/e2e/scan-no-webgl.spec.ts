import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium.ts';
import { expect, test } from './support/test.ts';

// A browser whose pages get no 3D graphics (WebGL switched off, as by a policy). Its workers still
// get WebGL on an OffscreenCanvas: the check must be the page's own. The camera would be granted.
test.use({
  launchOptions: {
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--disable-3d-apis',
    ],
  },
});

test('without WebGL the scanner says so, asks for no camera, and offers the collection', async ({
  page,
}) => {
  await page.goto('/scan');
  const problem = page.getByRole('alert');
  await expect(problem.getByRole('heading', { name: 'Grafik 3D tidak tersedia' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(problem).toContainText('tidak mendukung WebGL');
  // The camera was never opened for a view that cannot draw.
  expect(await page.evaluate(() => document.querySelector('video')?.srcObject ?? null)).toBeNull();
  await problem.getByRole('link', { name: 'Jelajahi tanpa kamera' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jelajahi tanpa kamera');
});

test('the same in English', async ({ page }) => {
  await page.goto('/scan?lang=en');
  await expect(
    page.getByRole('alert').getByRole('heading', { name: '3D graphics are not available' }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'Browse without the camera' })).toBeVisible();
});
