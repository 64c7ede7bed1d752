/**
 * Lighthouse (12.2.3, its default mobile profile: a mid-range phone, slow 4G and a 4x slower CPU,
 * simulated) against the built app served by `vite preview`, in Debian's Chromium: home, a book
 * page and the scan page (with Chromium's fake camera). Prints the category scores, the Core Web
 * Vitals it measures and the audits that matter for an installable app, and which goals were met.
 *
 * One run's figures vary by several points (LCP by about 100 ms, TBT by more) on this shared
 * machine, so each page runs five times, as Lighthouse's guide to variability advises, and the median run (Lighthouse's own `computeMedianRun`: nearest the median FCP and TTI) is reported, with the
 * spread of the performance score beside it.
 */
import { spawn } from 'node:child_process';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun as medianRunOf } from 'lighthouse/core/lib/median-run.js';

export const LIGHTHOUSE_GOALS = {
  performance: 90,
  accessibility: 100,
  lcpMs: 2500,
  cls: 0.1,
  tbtMs: 200,
} as const;

export const LIGHTHOUSE_PAGES = ['/', '/book/malay-archipelago', '/scan'] as const;

// Its declaration names Lighthouse's global `LH` types, which are not loaded here.
const computeMedianRun = medianRunOf as unknown as <Result>(runs: Result[]) => Result;

/** Runs a page, of which the median is reported. */
export const LIGHTHOUSE_RUNS = 5;

export interface LighthouseResult {
  readonly path: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly lcpMs: number;
  readonly cls: number;
  readonly tbtMs: number;
  readonly fcpMs: number;
  /** Audits an installed app depends on, passed or not. */
  readonly appAudits: Readonly<Record<string, boolean>>;
  readonly missed: readonly string[];
  /** The performance score of every run, the median one included. */
  readonly performanceRuns: readonly number[];
  /** Every run's LCP and TBT, so the spread around the median run shows. */
  readonly lcpRuns: readonly number[];
  readonly tbtRuns: readonly number[];
}

const PORT = 4175;
const APP_AUDITS = ['viewport', 'errors-in-console', 'charset', 'doctype', 'image-aspect-ratio'];

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    if (Date.now() > until) throw new Error(`vite preview did not answer at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function benchLighthouse(root: string): Promise<LighthouseResult[]> {
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://localhost:${String(PORT)}`;
  const chrome = await launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    await waitForServer(base, 60_000);
    const results: LighthouseResult[] = [];
    for (const path of LIGHTHOUSE_PAGES) {
      const runs = [];
      for (let attempt = 0; attempt < LIGHTHOUSE_RUNS; attempt++) {
        const run = await lighthouse(`${base}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        });
        if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
        runs.push(run.lhr);
      }
      const lhr = computeMedianRun(runs);
      const performanceRuns = runs.map((one) =>
        Math.round((one.categories.performance?.score ?? 0) * 100),
      );
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const scores = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
      };
      const lcpMs = value('largest-contentful-paint');
      const cls = value('cumulative-layout-shift');
      const tbtMs = value('total-blocking-time');
      const missed = [
        ...(scores.performance < LIGHTHOUSE_GOALS.performance ? ['performance'] : []),
        ...(scores.accessibility < LIGHTHOUSE_GOALS.accessibility ? ['accessibility'] : []),
        ...(!(lcpMs <= LIGHTHOUSE_GOALS.lcpMs) ? ['LCP'] : []),
        ...(!(cls <= LIGHTHOUSE_GOALS.cls) ? ['CLS'] : []),
        ...(!(tbtMs <= LIGHTHOUSE_GOALS.tbtMs) ? ['TBT'] : []),
      ];
      results.push({
        path,
        scores,
        lcpMs,
        cls,
        tbtMs,
        fcpMs: value('first-contentful-paint'),
        appAudits: Object.fromEntries(APP_AUDITS.map((id) => [id, lhr.audits[id]?.score === 1])),
        missed,
        performanceRuns,
        lcpRuns: runs.map((one) =>
          Math.round(one.audits['largest-contentful-paint']?.numericValue ?? NaN),
        ),
        tbtRuns: runs.map((one) =>
          Math.round(one.audits['total-blocking-time']?.numericValue ?? NaN),
        ),
      });
    }
    return results;
  } finally {
    chrome.kill();
    if (server.pid) process.kill(-server.pid);
  }
}
