/** Helpers for the staff editor's e2e tests. */
import type { Page } from '@playwright/test';

/** A section button in the editor's navigation (Rak, Buku, Cerita…). */
export const section = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Bagian katalog' })
    .getByRole('button', { name, exact: true });

/** Adds a shelf, book, story… by its title in the section that is open. */
export async function addItem(page: Page, title: string): Promise<void> {
  await page.getByPlaceholder('Judul').fill(title);
  await page.getByRole('button', { name: 'Tambah' }).click();
}
