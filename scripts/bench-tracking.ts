/**
 * `npm run bench:tracking`: how quickly and smoothly the built app recognises a cover, against a
 * bare mind-ar Controller page on the same fake-camera clips, in the same run.
 *
 * Figures (median of the runs):
 * - recognition: from the cover entering the clip to the "found" event;
 * - fps searching / tracking: camera frames processed per second without and with a cover;
 * - loss: from the cover leaving the clip to the "lost" event.
 * Goals: recognition ≤ 1.1× the bare Controller; fps ≥ 0.95× of it.
 *
 * Options: --runs N (default 3), --no-build.
 */
import { execSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { cameraArgs } from '../tests/e2e/support/camera.ts';
import { CHROMIUM } from '../tests/e2e/support/chromium.ts';
import { ensureClips } from '../tests/e2e/support/global-setup.ts';
import type { ClipName } from '../tests/e2e/support/clips.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const ENTER_AT_MS = 8000;
const LEAVE_AT_MS = 10_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.glb': 'model/gltf-binary',
  '.webmanifest': 'application/manifest+json',
};

/** A static server with the SPA fallback the app needs. */
function serve(dir: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
      file = path.join(dir, 'index.html');
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(port, 'localhost', () => {
      resolve(server);
    }),
  );
}

interface Mark {
  readonly name: string;
  readonly startTime: number;
  readonly detail: {
    key?: string;
    fps?: number;
    tracking?: boolean;
    x?: number;
    y?: number;
  } | null;
}

async function record(clip: ClipName, url: string, durationMs: number): Promise<Mark[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: cameraArgs(clip) });
  try {
    const context = await browser.newContext({
      permissions: ['camera'],
      viewport: { width: 412, height: 915 },
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('lp:camera').length > 0, null, {
      timeout: 60_000,
    });
    await page.waitForTimeout(durationMs);
    return await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('lp:'))
        .map((m) => ({
          name: m.name,
          startTime: m.startTime,
          detail: (m as PerformanceMark).detail as Mark['detail'],
        })),
    );
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function at(marks: Mark[], name: string): number {
  return marks.find((m) => m.name === name)?.startTime ?? Number.NaN;
}

interface Figures {
  recognitionMs: number;
  searchingFps: number;
  trackingFps: number;
  lossMs: number;
}

async function measure(variant: string, url: string): Promise<Figures> {
  const recognition: number[] = [];
  const searching: number[] = [];
  const tracking: number[] = [];
  const loss: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const enter = await record('bench-enter', url, ENTER_AT_MS + 6000);
    const camera = at(enter, 'lp:camera');
    const running = at(enter, 'lp:running');
    const found = enter.find(
      (m) => m.name === 'lp:found' && m.startTime > camera + ENTER_AT_MS - 500,
    );
    recognition.push(found ? found.startTime - (camera + ENTER_AT_MS) : Number.NaN);
    for (const mark of enter.filter((m) => m.name === 'lp:stats')) {
      // Skip the first second after warm-up; count whole seconds on either side of the cover.
      if (mark.startTime < running + 1500) continue;
      if (!mark.detail?.tracking && mark.startTime < camera + ENTER_AT_MS)
        searching.push(mark.detail?.fps ?? 0);
      if (mark.detail?.tracking && found && mark.startTime > found.startTime + 1000)
        tracking.push(mark.detail.fps ?? 0);
    }
    const leave = await record('bench-leave', url, LEAVE_AT_MS + 4000);
    const start = at(leave, 'lp:camera');
    const lost = leave.find((m) => m.name === 'lp:lost' && m.startTime > start + LEAVE_AT_MS - 500);
    loss.push(lost ? lost.startTime - (start + LEAVE_AT_MS) : Number.NaN);
    process.stdout.write(`  ${variant} run ${run + 1}/${RUNS} done\n`);
  }
  return {
    recognitionMs: median(recognition),
    searchingFps: median(searching),
    trackingFps: median(tracking),
    lossMs: median(loss),
  };
}

/**
 * Jitter of a held cover: the RMS of the second difference of its projected centre, in video
 * pixels. Smooth motion cancels out; what is left is the shake a visitor sees.
 */
async function jitter(smoothing: 'mind-ar' | 'app'): Promise<number> {
  const values: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const marks = await record(
      'bench-enter',
      `http://localhost:4191/?smoothing=${smoothing}`,
      ENTER_AT_MS + 6000,
    );
    const found = at(marks, 'lp:found');
    const poses = marks.filter((m) => m.name === 'lp:pose' && m.startTime > found + 1000);
    let sum = 0;
    const points = poses.map((m) => ({ x: m.detail?.x ?? 0, y: m.detail?.y ?? 0 }));
    points.slice(1, -1).forEach((b, i) => {
      const a = points[i] ?? b;
      const c = points[i + 2] ?? b;
      const dx = a.x - 2 * b.x + c.x;
      const dy = a.y - 2 * b.y + c.y;
      sum += dx * dx + dy * dy;
    });
    values.push(Math.sqrt(sum / Math.max(1, poses.length - 2)));
  }
  return median(values);
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
    execSync('npx vite build --config bench/vite.config.ts', { cwd: root, stdio: 'inherit' });
  }
  await ensureClips(['bench-enter', 'bench-leave']);
  const app = await serve(path.join(root, 'dist'), 4190);
  const bare = await serve(path.join(root, 'dist-bench'), 4191);
  try {
    console.log(
      `Tracking benchmark: ${RUNS} runs each, 640×480 fake camera, The Malay Archipelago on the History shelf\n`,
    );
    const baseline = await measure(
      'bare Controller',
      'http://localhost:4191/?targets=/demo/targets/rak-sejarah.mind',
    );
    const ours = await measure('Lensa Pustaka', 'http://localhost:4190/scan?shelf=sejarah');
    const row = (label: string, a: number, b: number, unit: string, goal: string) => {
      console.log(
        `${label.padEnd(30)} ${a.toFixed(unit === 'ms' ? 0 : 1).padStart(8)} ${unit.padEnd(4)} ${b
          .toFixed(unit === 'ms' ? 0 : 1)
          .padStart(8)} ${unit.padEnd(4)} ${(a / b).toFixed(2).padStart(6)}x  ${goal}`,
      );
    };
    console.log(
      `\n${'figure'.padEnd(30)} ${'app'.padStart(13)} ${'bare'.padStart(13)} ${'ratio'.padStart(7)}`,
    );
    row('first recognition', ours.recognitionMs, baseline.recognitionMs, 'ms', 'goal ≤ 1.10x');
    row(
      'frames/s while searching',
      ours.searchingFps,
      baseline.searchingFps,
      'fps',
      'goal ≥ 0.95x',
    );
    row('frames/s while tracking', ours.trackingFps, baseline.trackingFps, 'fps', 'goal ≥ 0.95x');
    row(
      'loss after the cover leaves',
      ours.lossMs,
      baseline.lossMs,
      'ms',
      '(≈1 s hold is shown on top)',
    );

    const [tuned, defaults] = [await jitter('app'), await jitter('mind-ar')];
    console.log(
      `\npose jitter of a held cover (px RMS): app smoothing ${tuned.toFixed(2)}, mind-ar defaults ${defaults.toFixed(2)} (${(tuned / defaults).toFixed(2)}x)`,
    );
  } finally {
    app.close();
    bare.close();
  }
}

await main();
