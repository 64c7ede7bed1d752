import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn('npx', ['vite', 'preview', '--port', '4177', '--strictPort'], { cwd: '/work/main', stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu','--enable-unsafe-swiftshader','--use-fake-device-for-media-stream','--use-fake-ui-for-media-stream'] });
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.evaluate(() => 0).catch(() => 0);
  await page.goto(`http://localhost:4177${process.argv[2] ?? '/scan'}`);
  await page.waitForTimeout(Number(process.argv[3] ?? 8000));
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  let t = profile.startTime;
  const lo = Number(process.argv[4] ?? 0) * 1000, hi = Number(process.argv[5] ?? 1e9) * 1000;
  profile.samples.forEach((id: number, i: number) => {
    t += profile.timeDeltas[i];
    const rel = t - profile.startTime;
    if (rel < lo || rel > hi) return;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = (profile.nodes.find((n: any) => n.id === cur) as any).callFrame;
      const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
      if (seen.has(key)) continue; seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  console.log('--- inclusive in window');
  for (const [k, v] of [...incl.entries()].filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(Math.round(v), k);
  const self = new Map<string, number>();
  const dt = profile.timeDeltas as number[];
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  profile.samples.forEach((id: number, i: number) => {
    const n = byId.get(id); const cf = n.callFrame;
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log('total ms', Math.round(total));
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(Math.round(v), k);
  // long tasks
  const lt = await page.evaluate(() => performance.getEntriesByType('longtask').map((e) => [Math.round(e.startTime), Math.round(e.duration)]));
  console.log('longtasks (none observed unless buffered)', JSON.stringify(lt));
} finally { await browser.close(); process.kill(-server.pid!); }
