import { spawn } from 'node:child_process';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
const paths = process.argv.slice(2);
const server = spawn('npx', ['vite', 'preview', '--port', '4176', '--strictPort'], { cwd: '/work/main', stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 4000));
const chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new','--no-sandbox','--disable-gpu','--enable-unsafe-swiftshader','--use-fake-device-for-media-stream','--use-fake-ui-for-media-stream','--no-first-run','--disable-background-networking'] });
try {
  for (const p of paths) {
    const run = await lighthouse(`http://localhost:4176${p}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const lhr = run!.lhr;
    const a = (id: string) => lhr.audits[id];
    console.log(p, 'perf', Math.round((lhr.categories.performance.score ?? 0) * 100), 'FCP', Math.round(a('first-contentful-paint').numericValue!), 'LCP', Math.round(a('largest-contentful-paint').numericValue!), 'TBT', Math.round(a('total-blocking-time').numericValue!), 'SI', Math.round(a('speed-index').numericValue!));
    const lt = (a('long-tasks').details as { items?: { url: string; duration: number; startTime: number }[] })?.items ?? [];
    for (const t of lt.slice(0, 10)) console.log('  long', Math.round(t.startTime), Math.round(t.duration), t.url);
    const bt = (a('bootup-time').details as { items?: { url: string; total: number; scripting: number }[] })?.items ?? [];
    for (const t of bt.slice(0, 6)) console.log('  boot', Math.round(t.total), Math.round(t.scripting), t.url);
    console.log('  keys', Object.keys(lhr.audits).filter((k) => /lcp|largest|critical|render-block/.test(k)).join(' ')); for (const k of ['largest-contentful-paint-element','lcp-lazy-loaded','prioritize-lcp-image','critical-request-chains','render-blocking-resources']) console.log('  ', k, lhr.audits[k]?.score, JSON.stringify(lhr.audits[k]?.details ?? null)?.slice(0, 1200));
    const chains = (a('network-requests').details as any)?.items ?? [];
    for (const r of chains.slice(0, 25)) console.log('  net', Math.round(r.networkRequestTime ?? r.startTime), Math.round(r.networkEndTime ?? r.endTime), r.transferSize, r.resourceType, r.url.replace('http://localhost:4176', ''));
    const mt = (a('mainthread-work-breakdown').details as any)?.items ?? [];
    console.log('  main', mt.map((x: any) => `${x.group}:${Math.round(x.duration)}`).join(' '));
  }
} finally { chrome.kill(); process.kill(-server.pid!); }
