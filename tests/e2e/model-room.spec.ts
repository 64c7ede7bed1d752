import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './support/test.ts';
import { xrEmulatorScript } from './support/xr/emulator.ts';

const BOOK = '/book/spectral-tarsier';

/** The share of the canvas's pixels that differ clearly from its pale background. */
async function drawnPixels(page: Page, canvas: Locator): Promise<number> {
  // In the middle of the screen, clear of the header and the bottom navigation.
  await canvas.evaluate((element) => {
    element.scrollIntoView({ block: 'center' });
  });
  const shot = await canvas.screenshot();
  return page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(
      await (await fetch(`data:image/png;base64,${base64}`)).blob(),
    );
    const scratch = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = scratch.getContext('2d');
    if (!context) return 0;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let count = 0;
    // The background is white to pale blue: a model is anything darker or more saturated.
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60 || r + g + b < 450) count += 1;
    }
    return count / (bitmap.width * bitmap.height);
  }, shot.toString('base64'));
}

test('a book page shows its 3D model without the camera, turned with buttons', async ({ page }) => {
  await openApp(page, BOOK);
  const section = page.getByRole('region', { name: 'Model 3D' });
  // Nothing is downloaded before the visitor asks; the button says how much it costs.
  await section.getByRole('button', { name: /^Tampilkan model 3D \(\d+ kB\)$/ }).click();
  const canvas = section.getByRole('img', { name: 'Tarsius (tangkasi)' });
  await expect(canvas).toBeVisible();
  await expect.poll(() => drawnPixels(page, canvas)).toBeGreaterThan(0.03);

  const before = await canvas.screenshot();
  await section.getByRole('button', { name: 'Putar ke kanan' }).click();
  await expect.poll(async () => (await canvas.screenshot()).equals(before)).toBe(false);

  // Headless Chromium has no AR: no room button that could only fail.
  await expect(section.getByRole('button', { name: 'Lihat di ruangan Anda' })).toHaveCount(0);
});

test('on a phone with WebXR the model is placed in the room and the view closes cleanly', async ({
  page,
}) => {
  await page.addInitScript({ content: await xrEmulatorScript() });
  await openApp(page, BOOK);
  const section = page.getByRole('region', { name: 'Model 3D' });
  await section.getByRole('button', { name: /^Tampilkan model 3D/ }).click();
  await section.getByRole('button', { name: 'Lihat di ruangan Anda' }).click();

  // The emulated phone looks down at the floor of a synthetic room.
  const status = page.getByRole('status').filter({ hasText: /lantai|Permukaan|diletakkan/ });
  await expect(status).toHaveText(
    'Permukaan ditemukan. Ketuk layar untuk meletakkan Tarsius (tangkasi).',
  );

  // A tap on a phone's screen ends in the session's `select` event.
  await page.evaluate(() => {
    const device = (window as unknown as { lensaXrDevice: EmulatedDevice }).lensaXrDevice;
    device.activeSession?.dispatchEvent(new Event('select'));
  });
  await expect(status).toHaveText(
    'Tarsius (tangkasi) sudah diletakkan. Ketuk lagi untuk memindahkannya. (ukuran 100%)',
  );
  // Bigger and smaller, and turning, from buttons (a keyboard or a switch works them too).
  const controls = page.getByRole('group', { name: 'Atur model' });
  await controls.getByRole('button', { name: '+ Perbesar' }).press('Enter');
  await controls.getByRole('button', { name: '+ Perbesar' }).press('Enter');
  await expect(status).toContainText('(ukuran 156%)');
  await controls.getByRole('button', { name: '− Perkecil' }).press('Enter');
  await expect(status).toContainText('(ukuran 125%)');
  await expect(controls.getByRole('button', { name: '⟲ Putar ke kiri' })).toBeEnabled();
  // Two fingers spread to twice their distance: twice the size.
  const layer = page.locator('.room-gestures');
  const finger = (type: string, pointerId: number, x: number) =>
    layer.dispatchEvent(type, { pointerId, clientX: x, clientY: 400, isPrimary: pointerId === 1 });
  await finger('pointerdown', 1, 150);
  await finger('pointerdown', 2, 250);
  await finger('pointermove', 1, 100);
  await finger('pointermove', 2, 300);
  await finger('pointerup', 1, 100);
  await finger('pointerup', 2, 300);
  await expect(status).toContainText('(ukuran 250%)');

  // The emulator paints its room over the page where a phone shows the DOM overlay, so the
  // button is pressed from the keyboard, as a switch or keyboard user would.
  await page.getByRole('button', { name: 'Selesai' }).press('Enter');
  await expect(page.getByText('Tampilan ruangan ditutup.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Lihat di ruangan Anda' })).toBeEnabled();
});

interface EmulatedDevice {
  activeSession?: EventTarget;
}
