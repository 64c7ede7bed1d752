/**
 * A visitor who opens the scan view from a QR code on a slow connection sees the scanner at once:
 * where they are, what to point the camera at and how to leave, while the catalog is on its way.
 * When the catalog arrives the view takes over in the same places, so nothing jumps.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { withCamera } from './support/camera.ts';
import { expect, test } from './support/test.ts';

// A cover the library does not hold: the scanner starts and keeps its instruction on screen.
test.use(withCamera('unknown-cover'));

/** Holds the catalog back until the returned function is called. */
async function holdCatalog(page: Page): Promise<() => void> {
  let release: (() => void) | undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/catalog.json', async (route) => {
    await released;
    await route.continue();
  });
  return () => {
    release?.();
  };
}

test('the scanner and its instruction show before the catalog, and stay in place', async ({
  page,
}) => {
  const release = await holdCatalog(page);
  await page.goto('/scan');
  const hint = page.getByText('Arahkan kamera ke papan rak, atau pilih rak.');
  await expect(hint).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Memuat katalog…');
  await expect(page.getByRole('link', { name: 'Tutup pemindai' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mengenali papan rak');
  const before = await hint.boundingBox();
  // Usable with a screen reader from its first moment, like the view it stands in for.
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  release();
  await expect(page.getByRole('button', { name: 'Pilih rak' })).toBeVisible();
  await expect(page.getByText('Memuat katalog…')).toHaveCount(0);
  await expect(hint).toBeVisible();
  expect(await hint.boundingBox()).toEqual(before);
  // The close link still leads home.
  await page.getByRole('link', { name: 'Tutup pemindai' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Selamat datang di Perpustakaan Kota Bitung',
  );
});

test("a shelf's QR code says covers first, then names the shelf", async ({ page }) => {
  const release = await holdCatalog(page);
  await page.goto('/scan?shelf=sejarah&lang=en');
  await expect(page.getByText('Point the camera at a book cover.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scanner');
  release();
  await expect(
    page.getByText('Point the camera at a book cover on the History & Geography shelf.'),
  ).toBeVisible();
});
