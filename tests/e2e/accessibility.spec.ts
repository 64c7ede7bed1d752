/**
 * Every visitor page, with every axe rule (not only the serious ones), in Bahasa Indonesia and
 * English, at 100% and 200% text and in high contrast: zero violations. At 200% nothing may
 * stick out sideways either (text cut off at the screen's edge). The scan view after a
 * recognition is checked in scan-cover.spec.ts, the editor's sections in editor-start.spec.ts and
 * the tour runner's screens in tour-keyboard.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

const PAGES = [
  '/',
  '/browse?q=laut',
  '/book/malay-archipelago',
  '/shelf/anak',
  '/story/kota-cakalang',
  '/tours',
  '/tours/jejak-tangkasi',
  '/tours/jejak-tangkasi/guru',
  '/events',
  '/events/dongeng-tangkasi',
  '/about',
  '/privacy',
  '/storage',
  '/scan',
  '/editor',
] as const;

/**
 * Every pair of language, text size and contrast is covered (a pairwise design): each language at
 * both sizes and in both contrasts, each size in both contrasts. High contrast is checked at 100% too,
 * where axe's contrast rule is strictest (text at 200% counts as large text).
 */
const VARIANTS = [
  { lang: 'id', textSize: 'normal', contrast: 'normal' },
  { lang: 'en', textSize: 'normal', contrast: 'high' },
  { lang: 'id', textSize: 'largest', contrast: 'high' },
  { lang: 'en', textSize: 'largest', contrast: 'normal' },
] as const;

type Variant = (typeof VARIANTS)[number];

async function chooseDisplay(page: Page, variant: Variant): Promise<void> {
  await page.evaluate((prefs) => {
    localStorage.setItem('lensa-pustaka.prefs', JSON.stringify({ state: prefs, version: 2 }));
  }, variant);
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

for (const path of PAGES) {
  test(`${path}: axe finds nothing in id and en, at 200% text and in high contrast`, async ({
    page,
  }) => {
    await page.goto('/about');
    for (const variant of VARIANTS) {
      await chooseDisplay(page, variant);
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', variant.lang);
      await expect(page.locator('html')).toHaveAttribute('data-contrast', variant.contrast);
      // Loading states settle first (search results, the scan view's camera message).
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const label = `${path} ${variant.lang} ${variant.textSize} ${variant.contrast}`;
      expect(await violations(page), label).toEqual([]);
      if (variant.textSize === 'largest') {
        const sideways = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(sideways, `${label}: wider than the screen`).toBeLessThanOrEqual(0);
      }
    }
  });
}
