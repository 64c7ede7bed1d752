/**
 * `npm run screenshots`: the home page on a phone and on a wide screen, for the web app manifest
 * (public/screenshots/) and the README (docs/). Builds, serves the build, and shoots it in
 * Bahasa Indonesia on a Monday morning in Bitung, when the library is open.
 */
import { execSync, spawn } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/support/chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const PORT = 4196;

execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  cwd: root,
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 2500));

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
  await browser.close();
  await copyFile(
    path.join(root, 'public/screenshots/home-narrow.png'),
    path.join(root, 'docs/screenshot-home.png'),
  );
} finally {
  server.kill();
}
