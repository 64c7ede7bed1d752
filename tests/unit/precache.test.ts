/**
 * What the service worker precaches, read from a real production build: the app shell and the AR
 * engine are in it (so scanning works offline), and nothing dev-only or oversized is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/demo-feed.ts';

const MAX_PRECACHED_BYTES = 2 * 1024 * 1024;
let outDir = '';
let precached: string[] = [];
let viteManifest: Record<string, { file: string; isEntry?: boolean; src?: string }> = {};

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'lensa-build-'));
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 180_000,
    },
  );
  const sw = readFileSync(path.join(outDir, 'sw.js'), 'utf8');
  const list = /\[\{"revision":[^\]]*\}\]/.exec(sw)?.[0];
  if (!list) throw new Error('no precache manifest in sw.js');
  precached = (JSON.parse(list) as { url: string }[]).map((entry) => entry.url);
  viteManifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'));
}, 200_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const chunkOf = (src: string) => {
  const entry = viteManifest[src];
  if (!entry) throw new Error(`${src} is not a chunk of the build`);
  return entry.file;
};

describe('the precache list', () => {
  it('holds the app shell: the page, its entry script and styles', () => {
    const entry = Object.values(viteManifest).find((chunk) => chunk.isEntry);
    expect(precached).toContain('index.html');
    expect(precached).toContain(entry?.file);
    expect(precached.some((url) => url.endsWith('.css'))).toBe(true);
    expect(precached).toContain('icons/icon-192.png');
  });

  it('holds the scan view and the AR engine, so scanning works offline', () => {
    expect(precached).toContain(chunkOf('src/ui/scan/ScanPage.tsx'));
    expect(precached).toContain(chunkOf('src/tracking/runtime.ts'));
    expect(precached).toContain(chunkOf('src/ui/scan/ArLayer.tsx'));
    expect(precached).toContain(chunkOf('src/ui/model/ModelViewer.tsx'));
    // The tracker worker (mind-ar and tfjs), and the same engine for the page where a worker
    // cannot track.
    const trackers = readdirSync(path.join(outDir, 'assets')).filter(
      (name) => name.startsWith('tracker.worker') && name.endsWith('.js'),
    );
    expect(trackers).toHaveLength(1);
    expect(precached).toContain(`assets/${trackers[0] ?? ''}`);
    expect(precached).toContain(chunkOf('src/tracking/mind-ar.ts'));
  });

  it('leaves out the demo files, source maps and anything dev-only', () => {
    expect(precached.filter((url) => url.startsWith('demo/') || url.endsWith('.map'))).toEqual([]);
    // The feed and its files are fetched fresh, never precached with the app.
    expect(precached.filter((url) => /(^|\/)catalog[^/]*\.json$/.test(url))).toEqual([]);
    // The WebXR emulator (iwer, its dev UI and synthetic rooms) is never shipped, let alone
    // precached; @react-three/xr itself is, for the room view.
    const shipped = readdirSync(path.join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
    const withEmulator = shipped.filter((name) =>
      /IWER:|installDevUI|office_small|@iwer\/devui/.test(
        readFileSync(path.join(outDir, 'assets', name), 'utf8'),
      ),
    );
    expect(withEmulator).toEqual([]);
  });

  it('leaves out the staff editor: its pages, its 3D placement view and its compiler worker', () => {
    expect(precached).not.toContain(chunkOf('src/ui/editor/EditorPage.tsx'));
    expect(precached).not.toContain(chunkOf('src/ui/editor/TryItPage.tsx'));
    expect(precached).not.toContain(chunkOf('src/scene/PlacementScene.tsx'));
    const workers = readdirSync(path.join(outDir, 'assets')).filter(
      (name) => name.startsWith('compile.worker') && name.endsWith('.js'),
    );
    expect(workers).toHaveLength(1);
    expect(precached).not.toContain(`assets/${workers[0] ?? ''}`);
    // Visitors still get everything the scan view needs, even what it shares with the editor.
    expect(precached).toContain(chunkOf('src/ui/scan/ScanPage.tsx'));
  });

  it('loads styles with their chunk: the scan frame comes first, the editor adds its own when opened', () => {
    // A chunk's styles, and those of the chunks it imports statically (they load together).
    const cssOf = (src: string, seen = new Set<string>()): string[] => {
      const chunk = viteManifest[src] as { css?: string[]; imports?: string[] } | undefined;
      if (!chunk || seen.has(src)) return [];
      seen.add(src);
      return [...(chunk.css ?? []), ...(chunk.imports ?? []).flatMap((key) => cssOf(key, seen))];
    };
    const entry = Object.entries(viteManifest).find(([, chunk]) => chunk.isEntry)?.[0] ?? '';
    const firstLoad = cssOf(entry);
    const firstLoadCss = firstLoad
      .map((file) => readFileSync(path.join(outDir, file), 'utf8'))
      .join('\n');
    expect(firstLoadCss).toContain('.hero');
    // A QR code to /scan draws the scanner's frame (ScanShell) before the view's chunk arrives.
    expect(firstLoadCss).toContain('.scan-view');
    expect(firstLoadCss).not.toContain('.editor-form');
    const shared = new Set([...firstLoad, ...cssOf('src/ui/scan/ScanPage.tsx')]);
    const editorCss = cssOf('src/ui/editor/EditorPage.tsx').filter((file) => !shared.has(file));
    expect(editorCss.length).toBeGreaterThan(0);
    // Offline, the scan view keeps its looks; the editor's styles stay out like its code.
    for (const file of shared) expect(precached).toContain(file);
    for (const file of editorCss) expect(precached).not.toContain(file);
  });

  it('has no file over 2 MiB, and no file twice', () => {
    const oversized = precached.filter(
      (url) => statSync(path.join(outDir, url)).size > MAX_PRECACHED_BYTES,
    );
    expect(oversized).toEqual([]);
    expect(new Set(precached).size).toBe(precached.length);
  });
});
