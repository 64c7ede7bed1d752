import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn('npx', ['vite', 'preview', '--port', '4178', '--strictPort'], { cwd: '/work/main', stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu','--enable-unsafe-swiftshader','--use-fake-device-for-media-stream','--use-fake-ui-for-media-stream'] });
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  await page.goto(`http://localhost:4178${process.argv[2] ?? '/scan'}`);
  await page.waitForTimeout(Number(process.argv[3] ?? 6000));
  const buf = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buf.toString());
  // main thread = thread with most RunTask under renderer "CrRendererMain"
  const names = traceEvents.filter((e: any) => e.name === 'thread_name');
  const main = names.find((e: any) => e.args.name === 'CrRendererMain' && traceEvents.some((x: any) => x.pid === e.pid && x.name === 'ParseHTML'));
  const ev = traceEvents.filter((e: any) => e.pid === main.pid && e.tid === main.tid);
  const nav = ev.find((e: any) => e.name === 'ParseHTML')?.ts ?? 0;
  const tasks = ev.filter((e: any) => e.name === 'RunTask' && e.dur > 12000);
  for (const t of tasks) {
    const inner = ev.filter((e: any) => e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur && e.name !== 'RunTask');
    const sum = new Map<string, number>();
    for (const e of inner) {
      const key = e.name + ' ' + (e.args?.data?.url?.split('/').pop() ?? e.args?.data?.functionName ?? e.args?.data?.type ?? '');
      sum.set(key, Math.max(sum.get(key) ?? 0, e.dur));
    }
    const top = [...sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k}=${Math.round(v / 1000)}`).join(', ');
    const marks = ev.filter((e: any) => e.cat?.includes('user_timing') && e.ts <= t.ts).map((e: any) => e.name).slice(-1);
    console.log(Math.round((t.ts - nav) / 1000), 'ms +', Math.round(t.dur / 1000), 'ms |', top, '| after', marks.join());
  }
} finally { await browser.close(); process.kill(-server.pid!); }
