/**
 * `npm run screenshots`: the home page on a phone and on a wide screen, for the web app manifest
 * (public/screenshots/) and the README (docs/); and the staff editor's first screen, its check list
 * and its opening hours for the staff guide (docs/img/editor-*.jpg). Builds, serves the build, and
 * shoots it in Bahasa Indonesia on a Monday morning in Bitung, when the library is open.
 */
import { execSync, spawn } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/support/chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const PORT = 4196;

execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  cwd: root,
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 2500));

/** The editor as the staff guide shows it: where to start, a problem in the check, the hours. */
async function editorShots(browser: Browser): Promise<void> {
  await mkdir(path.join(root, 'docs/img'), { recursive: true });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'id-ID',
  });
  const page = await context.newPage();
  const shoot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({
      path: path.join(root, 'docs/img', `${name}.jpg`),
      type: 'jpeg',
      quality: 70,
    });
    console.log(`docs/img/${name}.jpg`);
  };
  await page.goto(`http://localhost:${PORT}/editor?lang=id`);
  await page.getByRole('region', { name: 'Mulai dari mana?' }).waitFor();
  await shoot('editor-start');
  await page.getByRole('button', { name: 'Katalog yang terbit sekarang' }).click();
  await page
    .getByRole('region', { name: 'Mulai dari mana?' })
    .waitFor({ state: 'detached', timeout: 120_000 });
  await page.getByRole('button', { name: 'Perpustakaan', exact: true }).click();
  await page.locator('.hours-grid').scrollIntoViewIfNeeded();
  await shoot('editor-hours');
  const nav = page.getByRole('navigation', { name: 'Bagian katalog' });
  await nav.getByRole('button', { name: 'Buku', exact: true }).click();
  await page.getByRole('button', { name: /^Laskar Pelangi/ }).click();
  await page.getByLabel('Pengarang (pisahkan dengan koma)').fill('');
  await nav.getByRole('button', { name: 'Periksa & terbitkan', exact: true }).click();
  await page.getByRole('button', { name: 'Periksa draf' }).click();
  await page.locator('.publish-issues').waitFor({ timeout: 60_000 });
  await page.locator('.publish-issues').scrollIntoViewIfNeeded();
  await shoot('editor-check');
  await context.close();
}

try {
  await mkdir(path.join(root, 'public/screenshots'), { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  for (const [name, width, height] of [
    ['home-narrow', 412, 915],
    ['home-wide', 1280, 800],
  ] as const) {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: 'id-ID',
      timezoneId: 'Asia/Makassar',
    });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-30T02:00:00Z'));
    await page.goto(`http://localhost:${PORT}/?lang=id`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(500);
    const file = path.join(root, 'public/screenshots', `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`public/screenshots/${name}.png`);
    await context.close();
  }
  await editorShots(browser);
  await browser.close();
  await copyFile(
    path.join(root, 'public/screenshots/home-narrow.png'),
    path.join(root, 'docs/screenshot-home.png'),
  );
} finally {
  server.kill();
}
