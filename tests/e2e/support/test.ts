/**
 * The e2e `test`: every test fails if the page logs an error to the console or throws. A test that
 * breaks the network on purpose lists the browser's own messages it expects.
 */
import { test as base, expect, type Page } from '@playwright/test';

interface Options {
  /** Console errors this test causes on purpose (the browser's "Failed to load resource"). */
  readonly expectedConsoleErrors: readonly RegExp[];
}

interface Fixtures {
  readonly consoleErrors: string[];
}

export const test = base.extend<Options & Fixtures>({
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use, testInfo) => {
      const errors: string[] = [];
      // Everything the page said, kept with a failed test: its warnings often say why.
      const started = Date.now();
      const said: string[] = [];
      page.on('console', (message) => {
        said.push(`${Date.now() - started} ms ${message.type()}: ${message.text()}`);
        if (message.type() !== 'error') return;
        const text = `${message.text()} (${message.location().url})`;
        if (!expectedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      if (testInfo.status !== testInfo.expectedStatus && said.length > 0) {
        await testInfo.attach('console', { body: said.join('\n'), contentType: 'text/plain' });
      }
      expect(errors, 'the browser console must stay free of errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a page and waits until the catalog is on screen. */
export async function openApp(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.locator('main h1').first()).toBeVisible();
}

/**
 * Opens another library from a `?feed=` link, as a visitor would: the app asks first, and the
 * visitor says yes.
 */
export async function openLibrary(page: Page, feed: string): Promise<void> {
  await page.goto(`/?feed=${feed}`);
  await page
    .getByRole('dialog', { name: 'Buka katalog perpustakaan lain?' })
    .getByRole('button', { name: /^Buka «/ })
    .click({ timeout: 60_000 });
  await expect(page.getByRole('dialog')).toHaveCount(0);
}
