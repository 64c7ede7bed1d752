/**
 * The scan session's order of changes: a shelf the visitor picks while the camera is still
 * starting is where scanning ends up, not the set the start began with.
 */
import { describe, expect, it, vi } from 'vitest';
import { indexCatalog } from '../../src/domain/catalog.ts';
import { parseFeed } from '../../src/domain/feed/parse.ts';
import { createScanStore } from '../../src/state/scan-store.ts';
import { DEMO_FEED_URL, demoFeed } from '../helpers/demo-feed.ts';

const slowCamera = { ms: 0 };
vi.mock('../../src/data/camera.ts', () => ({
  CameraError: class CameraError extends Error {},
  FULL_SIZE: { width: 640, height: 480 },
  REDUCED_SIZE: { width: 320, height: 240 },
  openCamera: () =>
    new Promise((resolve) =>
      setTimeout(() => {
        resolve({});
      }, slowCamera.ms),
    ),
  attachStream: () => Promise.resolve(),
  closeCamera: () => undefined,
  resizeCamera: () => Promise.resolve(),
  videoSizeChanged: () => Promise.resolve(),
}));
vi.mock('../../src/data/assets.ts', () => ({
  AssetError: class AssetError extends Error {},
  loadAsset: () => Promise.resolve(new ArrayBuffer(8)),
}));
vi.mock('../../src/ui/webgl.ts', () => ({ webglAvailable: () => true }));

const { ScanSession } = await import('../../src/ui/scan/scan-session.ts');

function fakeEngine() {
  const started: string[] = [];
  return {
    started,
    engine: {
      start: (_video: unknown, set: { targets: readonly { id: string }[] }) => {
        started.push(set.targets.map((t) => t.id).join(','));
        return Promise.resolve(true);
      },
      on: () => () => undefined,
      stop: () => Promise.resolve(),
      dispose: () => Promise.resolve(),
    },
  };
}

describe('a scan session', () => {
  it('applies a shelf picked during start-up after the start, not before it', async () => {
    const parsed = parseFeed(demoFeed(), DEMO_FEED_URL);
    if (!parsed.ok) throw new Error('demo feed');
    const store = createScanStore();
    const fake = fakeEngine();
    const runtime = { createTrackingEngine: () => fake.engine, tensorMemory: () => null };
    const session = new ScanSession(
      store,
      parsed.catalog,
      indexCatalog(parsed.catalog),
      { srcObject: null } as unknown as HTMLVideoElement,
      {},
      () => Promise.resolve(runtime as never),
    );
    slowCamera.ms = 50;
    const starting = session.start(null);
    // The visitor picks a shelf while the camera is still opening.
    const switching = session.switchTo('sejarah');
    await Promise.all([starting, switching]);

    expect(store.getState().activeSet).toEqual({ id: 'rak-sejarah', shelfId: 'sejarah' });
    expect(fake.started).toHaveLength(2);
    expect(fake.started.at(-1)).toContain('malay-archipelago');
    expect(store.getState().phase).toBe('scanning');
  });
});
