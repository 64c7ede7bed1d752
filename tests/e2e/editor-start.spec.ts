/**
 * The editor for staff who are not programmers: a fresh editor asks where to start; a problem in
 * the check names the book and, clicked, opens its form on the field; undo survives a reload, even
 * of a whole draft replaced; and axe finds nothing to fix in any section, in either language.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { savedDraftContains, section } from './support/editor.ts';
import { expect, test } from './support/test.ts';

const START = { name: 'Mulai dari mana?' };

async function freshEditor(page: Page) {
  await page.goto('/editor');
  await expect(page.getByRole('region', START)).toBeVisible();
}

test('a fresh editor asks where to start, and a problem in the check opens its field', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await freshEditor(page);
  await page.getByRole('button', { name: 'Katalog yang terbit sekarang' }).click();
  await expect(page.getByRole('region', START)).toHaveCount(0, { timeout: 120_000 });

  await section(page, 'Buku').click();
  await page.getByRole('button', { name: /^Laskar Pelangi/ }).click();
  const authors = page.getByLabel('Pengarang (pisahkan dengan koma)');
  await expect(authors).toHaveValue('Andrea Hirata');
  await authors.fill('');

  await section(page, 'Periksa & terbitkan').click();
  await page.getByRole('button', { name: 'Periksa draf' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'perlu diperbaiki' });
  const item = problems.getByRole('button', { name: /^Buku «Laskar Pelangi», Pengarang: / });
  await expect(item).toBeVisible({ timeout: 60_000 });
  // Every item names what it is about in words, never a JSON path.
  await expect(problems).not.toContainText('$.');
  await item.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Laskar Pelangi' })).toBeVisible();
  await expect(authors).toBeFocused();
});

test('undo after a reload brings back a draft replaced by "Mulai draf kosong"', async ({
  page,
}) => {
  await freshEditor(page);
  await page.getByRole('button', { name: 'Draf kosong' }).click();
  await expect(page.getByRole('region', START)).toHaveCount(0);
  await section(page, 'Rak').click();
  await page.getByPlaceholder('Judul').fill('Rak Bahari');
  await page.getByRole('button', { name: 'Tambah' }).click();
  await expect(page.getByRole('button', { name: /^Rak Bahari/ })).toBeVisible();

  await section(page, 'Periksa & terbitkan').click();
  await page.getByRole('button', { name: 'Mulai draf kosong' }).click();
  await page.getByRole('button', { name: 'Ya, ganti draf' }).click();
  await section(page, 'Rak').click();
  await expect(page.getByRole('button', { name: /^Rak Bahari/ })).toHaveCount(0);

  // The history was saved beside the draft: after a reload, Undo takes the replacement back.
  await savedDraftContains(page, 'Rak Bahari', 'editor-history');
  await page.reload();
  await section(page, 'Rak').click();
  await page.getByRole('button', { name: 'Urungkan' }).click();
  await expect(page.getByRole('button', { name: /^Rak Bahari/ })).toBeVisible();
});

const SECTIONS = {
  id: ['Perpustakaan', 'Rak', 'Buku', 'Cerita', 'Tur', 'Acara', 'Periksa & terbitkan'],
  en: ['Library', 'Shelves', 'Books', 'Stories', 'Tours', 'Events', 'Check & publish'],
} as const;

for (const lang of ['id', 'en'] as const) {
  test(`axe finds nothing to fix in any editor section (${lang})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/editor?lang=${lang}`);
    const start = page.getByRole('region', {
      name: lang === 'id' ? 'Mulai dari mana?' : 'Where do you want to start?',
    });
    await expect(start).toBeVisible();
    const check = async (where: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map(
          (v) => `${where}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    };
    await check('start');
    await start
      .getByRole('button', {
        name: lang === 'id' ? 'Katalog yang terbit sekarang' : 'The catalog published now',
      })
      .click();
    await expect(start).toHaveCount(0, { timeout: 120_000 });
    const nav = page.getByRole('navigation', {
      name: lang === 'id' ? 'Bagian katalog' : 'Catalog sections',
    });
    for (const name of SECTIONS[lang]) {
      await nav.getByRole('button', { name, exact: true }).click();
      // With an item open, so its form is checked too.
      const first = page.locator('.list-editor-item').first();
      if (await first.count()) await first.click();
      await check(name);
    }
  });
}
