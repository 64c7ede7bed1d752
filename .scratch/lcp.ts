import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn('npx', ['vite', 'preview', '--port', '4180', '--strictPort'], { cwd: '/work/main', stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu','--enable-unsafe-swiftshader','--use-fake-device-for-media-stream','--use-fake-ui-for-media-stream'] });
try {
  for (const p of ['/scan', '/book/malay-archipelago', '/']) {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    await page.addInitScript(() => {
      new PerformanceObserver((list) => { for (const e of list.getEntries() as any[]) (window as any).lcps = [...((window as any).lcps ?? []), [Math.round(e.startTime), e.size, e.element?.tagName + '.' + e.element?.className + ' ' + (e.element?.textContent ?? '').slice(0, 60), e.url?.slice(-40)]]; }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(`http://localhost:4180${p}`);
    await page.waitForTimeout(4000);
    console.log(p, JSON.stringify(await page.evaluate(() => (window as any).lcps)));
    await page.close();
  }
} finally { await browser.close(); process.kill(-server.pid!); }
