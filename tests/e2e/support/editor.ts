/** Helpers for the staff editor's e2e tests. */
import { expect, type Page } from '@playwright/test';

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

/**
 * Resolves once what the editor saved in IndexedDB under `key` contains `text`: the draft
 * (`editor`) or its undo history (`editor-history`).
 */
export async function savedDraftContains(
  page: Page,
  text: string,
  key: 'editor' | 'editor-history' = 'editor',
): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        (name) =>
          new Promise<string>((resolve) => {
            const open = indexedDB.open('lensa-pustaka-draft');
            open.onsuccess = () => {
              const get = open.result.transaction('draft').objectStore('draft').get(name);
              get.onsuccess = () => {
                resolve(String(get.result));
              };
            };
          }),
        key,
      ),
    )
    .toContain(text);
}
