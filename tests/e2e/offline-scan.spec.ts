import { withCamera } from './support/camera.ts';
import { downloadShelfPack, waitForServiceWorker } from './support/offline.ts';
import { RECOGNITION_MS, scanStatus } from './support/scan.ts';
import { expect, openApp, test } from './support/test.ts';

test.use(withCamera('cover-malay-archipelago'));

test('a downloaded shelf pack is scanned offline', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await downloadShelfPack(page, 'sejarah', { models: true });
  await context.setOffline(true);
  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  await expect(page.getByText('Model 3D belum tersimpan')).toHaveCount(0);
});

test('a model that was never downloaded says so offline instead of failing silently', async ({
  page,
  context,
}) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await downloadShelfPack(page, 'sejarah', { models: false });
  await context.setOffline(true);
  await page.goto('/scan?shelf=sejarah');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', {
    timeout: RECOGNITION_MS,
  });
  await expect(
    page.getByText(
      'Model 3D belum tersimpan di perangkat ini. Sambungkan ke internet untuk melihatnya.',
    ),
  ).toBeVisible();
});

test('a shelf whose pack was not downloaded explains that it cannot be scanned offline', async ({
  page,
  context,
}) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto('/scan?shelf=sains');
  const problem = page.getByRole('alert');
  await expect(
    problem.getByRole('heading', { name: 'Data pengenalan belum tersimpan' }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(problem.getByRole('button', { name: 'Coba lagi' })).toBeVisible();
});
