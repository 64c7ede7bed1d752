/**
 * The built app at scale, for `npm run bench:scale`: the visitor opens the scan view (no shelf
 * chosen, so only the recognition index can name a cover) and holds up a cover, on Chromium's fake
 * camera. The same covers and conditions on the demo library (40 covers) and on a published
 * library of 1,000 (scripts/lib/scale-library.ts), and covers the library does not hold.
 *
 * Per library: time from the cover entering the picture to the app finding it (mind-ar tracking
 * the cover the index named and the check passed), right / wrong / not found, covers outside the
 * collection found, and when the index was ready and scanning started after the page opened.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM } from '../../tests/e2e/support/chromium.ts';
import { cameraArgsForFile } from '../../tests/e2e/support/camera.ts';
import { fileExists } from './catalog-build.ts';
import { renderClip, type ClipSpec, type Pose } from './clip.ts';
import { drawnCover } from './scale-covers.ts';
import { SCALE_APP_CACHE } from './scale-library.ts';
import { oneTargetOf } from '../../src/tracking/node/offline-compile.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLIPS = path.join(SCALE_APP_CACHE, 'clips');
/** The cover enters after this long, when the index has loaded and scanning has settled. */
const LEAD_S = 6;
const HOLD_S = 12;

export type Condition = 'frontal' | 'angle' | 'small' | 'hand' | 'blurred';
export const APP_CONDITIONS: readonly Condition[] = [
  'frontal',
  'angle',
  'small',
  'hand',
  'blurred',
];

const HELD: Pose = { x: 320, y: 245, height: 300, roll: -4, pitch: 12 };
const MOVED: Pose = { x: 335, y: 235, height: 280, roll: 5, yaw: 15 };
const POSES: Record<Condition, readonly [Pose, Pose]> = {
  frontal: [HELD, MOVED],
  angle: [
    { x: 320, y: 240, height: 300, yaw: 35, pitch: 10 },
    { x: 330, y: 240, height: 290, yaw: 30, pitch: 15 },
  ],
  small: [
    { x: 300, y: 250, height: 150, roll: -4 },
    { x: 310, y: 245, height: 145, roll: 3 },
  ],
  hand: [HELD, MOVED],
  blurred: [HELD, MOVED],
};

/** The cover as held in `condition`: partly under a hand, or out of focus, drawn into the picture. */
async function pictureFor(name: string, image: Canvas, condition: Condition): Promise<string> {
  const file = path.join(CLIPS, `${name}-${condition}.jpg`);
  if (await fileExists(file)) return file;
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  if (condition === 'blurred') ctx.filter = 'blur(3px)';
  ctx.drawImage(image, 0, 0);
  ctx.filter = 'none';
  if (condition === 'hand') {
    const [w, h] = [image.width, image.height];
    ctx.fillStyle = '#c58c6a';
    ctx.beginPath();
    ctx.ellipse(w * 0.8, h * 0.75, w * 0.35, h * 0.3, 0.5, 0, Math.PI * 2);
    ctx.fill();
  }
  await writeFile(file, canvas.toBuffer('image/jpeg', 90));
  return file;
}

async function clipFor(name: string, image: Canvas, condition: Condition): Promise<string> {
  const file = path.join(CLIPS, `${name}-${condition}.mjpeg`);
  if (await fileExists(file)) return file;
  const [from, to] = POSES[condition];
  const spec: ClipSpec = {
    segments: [
      { kind: 'empty', seconds: LEAD_S },
      {
        kind: 'picture',
        image: await pictureFor(name, image, condition),
        seconds: HOLD_S,
        from,
        to,
      },
    ],
  };
  await renderClip(spec, file);
  return file;
}

async function canvasOf(file: string): Promise<Canvas> {
  const image = await loadImage(file);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return canvas;
}

/** What the app's marks say: the found cover's key (`lp:found`), a pose start (`lp:running`). */
interface MarkDetail {
  key?: string;
  fromPose?: boolean;
}

interface Mark {
  readonly name: string;
  readonly startTime: number;
  readonly detail: MarkDetail | null;
}

/** How the Controller that showed the cover began: from the check's pose, or searching. */
function startOf(marks: readonly Mark[], found: Mark): string {
  const running = marks.filter((m) => m.name === 'lp:running' && m.startTime <= found.startTime);
  const last = running.at(-1);
  if (!last) return '';
  return `, ${(found.startTime - last.startTime).toFixed(0)} ms after its start${last.detail?.fromPose ? ' from the check’s pose' : ''}`;
}

/** Where a visit goes: the app on a library (null: the demo), or a bare page for one cover. */
export type Visited =
  | { readonly origin: string; readonly feed: string | null }
  | { readonly bare: (coverId: string) => string };

/** One visit: opens the library (when not the demo) and the scan view; records the marks. */
async function visit(clip: string, visited: Visited, coverId: string): Promise<Mark[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: cameraArgsForFile(clip),
  });
  try {
    const context = await browser.newContext({
      permissions: ['camera'],
      viewport: { width: 412, height: 915 },
      locale: 'id-ID',
    });
    const page: Page = await context.newPage();
    if ('bare' in visited) {
      await page.goto(visited.bare(coverId));
    } else {
      if (visited.feed) {
        await page.goto(`${visited.origin}/?feed=${visited.feed}`);
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /^Buka «/ })
          .click({ timeout: 90_000 });
      }
      await page.goto(`${visited.origin}/scan?diagnostics`);
    }
    await page.waitForFunction(() => performance.getEntriesByName('lp:camera').length > 0, null, {
      timeout: 90_000,
    });
    // Until the cover is found, or it has been in view for its whole segment.
    await page
      .waitForFunction(
        (leadMs) => {
          const camera = performance.getEntriesByName('lp:camera')[0]?.startTime ?? 0;
          return performance
            .getEntriesByName('lp:found')
            .some((mark) => mark.startTime > camera + leadMs - 500);
        },
        LEAD_S * 1000,
        { timeout: (LEAD_S + HOLD_S) * 1000 },
      )
      .catch(() => undefined);
    return await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('lp:'))
        .map((m) => ({
          name: m.name,
          startTime: m.startTime,
          detail: (m as PerformanceMark).detail as MarkDetail | null,
        })),
    );
  } finally {
    await browser.close();
  }
}

export interface AppFigures {
  readonly label: string;
  readonly times: number[];
  readonly right: number;
  readonly wrong: number;
  readonly notFound: number;
  readonly byCondition: Map<Condition, string>;
  readonly strangersFound: number;
  readonly strangers: number;
  readonly indexReadyMs: number[];
  readonly runningMs: number[];
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor(sorted.length * q)] as number);
};
const median = (values: readonly number[]) => quantile(values, 0.5);

/**
 * Runs the queries on one library, or on bare pages of one cover each. `covers` are demo covers
 * every library holds; `strangers` are drawn covers none holds.
 */
export async function benchLibrary(
  label: string,
  visited: Visited,
  covers: readonly string[],
  conditions: readonly Condition[],
  strangers: readonly number[],
  log: (line: string) => void,
): Promise<AppFigures> {
  await mkdir(CLIPS, { recursive: true });
  const figures: { -readonly [K in keyof AppFigures]: AppFigures[K] } = {
    label,
    times: [],
    right: 0,
    wrong: 0,
    notFound: 0,
    byCondition: new Map(),
    strangersFound: 0,
    strangers: strangers.length,
    indexReadyMs: [],
    runningMs: [],
  };
  const timing = (marks: readonly Mark[]) => {
    const index = marks.find((m) => m.name === 'lp:index');
    const running = marks.find((m) => m.name === 'lp:running');
    if (index) figures.indexReadyMs.push(index.startTime);
    if (running) figures.runningMs.push(running.startTime);
  };
  for (const condition of conditions) {
    let right = 0;
    for (const id of covers) {
      const image = await canvasOf(path.join(ROOT, 'public/demo/covers', `${id}.jpg`));
      const marks = await visit(await clipFor(id, image, condition), visited, id);
      timing(marks);
      const camera = marks.find((m) => m.name === 'lp:camera')?.startTime ?? 0;
      const enter = camera + LEAD_S * 1000;
      const found = marks.find((m) => m.name === 'lp:found' && m.startTime > enter - 500);
      if (!found) figures.notFound++;
      else if (found.detail?.key === ('bare' in visited ? 'target:0' : `book:${id}`)) {
        figures.right++;
        right++;
        figures.times.push(found.startTime - enter);
      } else figures.wrong++;
      log(
        `    ${label} ${condition} ${id}: ${found ? `${found.detail?.key ?? '?'} after ${(found.startTime - enter).toFixed(0)} ms${startOf(marks, found)}` : 'not found'}`,
      );
    }
    figures.byCondition.set(condition, `${String(right)}/${String(covers.length)}`);
  }
  for (const seed of strangers) {
    const image = (await drawnCover(seed).draw()) as Canvas;
    const marks = await visit(
      await clipFor(`stranger-${String(seed)}`, image, 'frontal'),
      visited,
      '',
    );
    timing(marks);
    const camera = marks.find((m) => m.name === 'lp:camera')?.startTime ?? 0;
    const found = marks.find(
      (m) => m.name === 'lp:found' && m.startTime > camera + LEAD_S * 1000 - 500,
    );
    if (found) figures.strangersFound++;
    log(
      `    ${label} outside cover ${String(seed)}: ${found ? `found as ${found.detail?.key ?? '?'}${startOf(marks, found)}` : 'not found'}`,
    );
  }
  return figures;
}

/** Two rounds' figures of one library as one: every visit counts in the medians. */
export function mergeFigures(a: AppFigures, b: AppFigures): AppFigures {
  const byCondition = new Map(a.byCondition);
  for (const [condition, tally] of b.byCondition) {
    const [right = 0, of = 0] = (byCondition.get(condition) ?? '0/0').split('/').map(Number);
    const [moreRight = 0, moreOf = 0] = tally.split('/').map(Number);
    byCondition.set(condition, `${String(right + moreRight)}/${String(of + moreOf)}`);
  }
  return {
    label: a.label,
    times: [...a.times, ...b.times],
    right: a.right + b.right,
    wrong: a.wrong + b.wrong,
    notFound: a.notFound + b.notFound,
    byCondition,
    strangersFound: a.strangersFound + b.strangersFound,
    strangers: a.strangers + b.strangers,
    indexReadyMs: [...a.indexReadyMs, ...b.indexReadyMs],
    runningMs: [...a.runningMs, ...b.runningMs],
  };
}

export function describeFigures(f: AppFigures, base?: AppFigures, bare?: AppFigures): string[] {
  const decided = f.right + f.wrong;
  const time = median(f.times);
  const against = (other: AppFigures | undefined, goal: string) =>
    other ? `; ${(time / median(other.times)).toFixed(2)}x ${other.label} (goal ≤ ${goal})` : '';
  const visits = f.right + f.wrong + f.notFound;
  return [
    `— ${f.label}`,
    // Only outside covers visited (`--app-covers ""`): there is nothing to time.
    ...(visits === 0
      ? ['  no cover of the collection visited']
      : [
          `  ${String(visits)} visits: ${String(f.right)} right, ${String(f.wrong)} wrong, ${String(f.notFound)} not found in ${String(HOLD_S)} s; top-1 precision ${decided ? ((f.right / decided) * 100).toFixed(1) : '-'}%`,
          `  right by condition: ${[...f.byCondition].map(([c, n]) => `${c} ${n}`).join(', ')}`,
          `  time to recognition (median of right ones): ${time.toFixed(0)} ms${against(base, '1.5x')}${against(bare, '1.2x')}`,
          `  quartiles: ${quantile(f.times, 0.25).toFixed(0)} / ${time.toFixed(0)} / ${quantile(f.times, 0.75).toFixed(0)} ms`,
        ]),
    ...(f.strangers > 0
      ? [
          `  covers outside the collection found: ${String(f.strangersFound)} of ${String(f.strangers)} (goal 0)`,
        ]
      : []),
    ...(f.runningMs.length > 0
      ? [
          `  after the page opened (median): ${f.indexReadyMs.length > 0 ? `index ready ${median(f.indexReadyMs).toFixed(0)} ms, ` : ''}scanning ${median(f.runningMs).toFixed(0)} ms`,
        ]
      : []),
  ];
}

/** One-target files of demo covers, cut from their sets, for the bare Controller page. */
export async function oneCoverFiles(covers: readonly string[]): Promise<string> {
  const dir = path.join(SCALE_APP_CACHE, 'one');
  await mkdir(dir, { recursive: true });
  const feed = JSON.parse(await readFile(path.join(ROOT, 'public/catalog.json'), 'utf8')) as {
    ar: { targetSets: { href: string; targets: { kind: string; id: string }[] }[] };
  };
  for (const id of covers) {
    const set = feed.ar.targetSets.find((s) =>
      s.targets.some((t) => t.kind === 'book' && t.id === id),
    );
    if (!set) throw new Error(`${id} is not a demo cover`);
    const bytes = await readFile(path.join(ROOT, 'public', set.href));
    const index = set.targets.findIndex((t) => t.kind === 'book' && t.id === id);
    await writeFile(path.join(dir, `${id}.mind`), oneTargetOf(bytes, index));
  }
  return dir;
}
