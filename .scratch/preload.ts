import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn('npx', ['vite', 'preview', '--port', '4179', '--strictPort'], { cwd: '/work/main', stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 200)));
  page.on('request', (r) => { if (r.url().includes('catalog.json')) console.log('request', r.url(), JSON.stringify(r.headers())); });
  await page.goto(process.argv[2] ?? 'http://localhost:4179/book/malay-archipelago');
  await page.waitForTimeout(6000); console.log('h1', await page.locator('h1').first().textContent());
} finally { await browser.close(); process.kill(-server.pid!); }
