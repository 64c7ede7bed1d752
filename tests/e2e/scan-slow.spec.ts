import { withCamera } from './support/camera.ts';
import { scanStatus } from './support/scan.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('cover-malay-archipelago'));

test('on a slow phone the scanner drops to a smaller picture and one cover, then recovers', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The threshold is set below what this machine manages unthrottled (about 10 to 18 frames a
  // second in software WebGL), so the test depends on throttling, not on how busy the machine is.
  await page.goto('/scan?shelf=sejarah&diagnostics&minfps=5');
  await expect(scanStatus(page)).toHaveText('Dikenali: Kepulauan Nusantara', { timeout: 60_000 });
  await expect(page.getByTestId('diag-camera')).toHaveText('640×480');

  // A low-cost phone: the CPU at a tenth of its speed.
  const client = await page.context().newCDPSession(page);
  await client.send('Emulation.setCPUThrottlingRate', { rate: 10 });
  await expect(page.getByText(/Mode hemat/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('diag-quality')).toHaveText('reduced');
  await expect(page.getByTestId('diag-camera')).toHaveText('320×240', { timeout: 30_000 });
  // Still recognising at the lower resolution.
  await expect(
    page
      .getByRole('region', { name: 'Pemindai' })
      .getByRole('heading', { name: 'Kepulauan Nusantara' }),
  ).toBeVisible({
    timeout: 30_000,
  });

  await client.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByTestId('diag-quality')).toHaveText('full', { timeout: 90_000 });
  await expect(page.getByText(/Mode hemat/)).toHaveCount(0);
  await expect(page.getByTestId('diag-camera')).toHaveText('640×480', { timeout: 30_000 });
});
