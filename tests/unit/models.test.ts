// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as assets from '../../src/data/assets.ts';
import { AssetError, loadAsset } from '../../src/data/assets.ts';
import { modelFor, ONLINE_SETTLE_MS } from '../../src/ui/models.ts';
import { demoModel, glb, instanced, withJson } from '../helpers/glb.ts';

vi.mock('../../src/data/assets.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof assets>()),
  loadAsset: vi.fn(),
}));

const download = vi.mocked(loadAsset);
let n = 0;
const newAsset = () => ({
  href: `https://example.org/model-${++n}.glb`,
  type: 'model/gltf-binary',
  sha256: 'a'.repeat(64),
});

describe('3D models for the scan view and the model viewer', () => {
  beforeEach(() => {
    download.mockReset();
  });

  it('says why a model is missing offline and does not ask again on every render', async () => {
    download.mockRejectedValue(new AssetError('offline', 'x'));
    const asset = newAsset();
    const first = modelFor(asset);
    expect(await first).toEqual({ ok: false, problem: 'offline' });
    // A re-render asks again: the same answer, no second download.
    expect(modelFor(asset)).toBe(first);
    expect(download).toHaveBeenCalledTimes(1);
  });

  it('downloads again a moment after the device is back online, not at the event itself', async () => {
    vi.useFakeTimers();
    try {
      download.mockRejectedValueOnce(new AssetError('offline', 'x'));
      download.mockResolvedValueOnce(new ArrayBuffer(0));
      const asset = newAsset();
      await modelFor(asset);
      window.dispatchEvent(new Event('online'));
      // Right at the event requests may still fail: the failure is still the answer.
      await modelFor(asset);
      expect(download).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(ONLINE_SETTLE_MS);
      const again = await modelFor(asset);
      expect(download).toHaveBeenCalledTimes(2);
      // Zero bytes are not a model: refused as an empty file, and that answer stays.
      expect(again).toEqual({ ok: false, problem: 'empty' });
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(ONLINE_SETTLE_MS);
      expect(await modelFor(asset)).toBe(again);
      expect(download).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses, on the phone too, a model that needs other files or asks too much of it', async () => {
    const buffer = (bytes: Uint8Array) => bytes.slice().buffer;
    download.mockResolvedValueOnce(
      buffer(
        withJson(await glb(), (json) => {
          json.images = [{ uri: 'https://tracker.example/pixel.png' }];
        }),
      ),
    );
    expect(await modelFor(newAsset())).toEqual({ ok: false, problem: 'external-uri' });

    // Small on the wire, 200,000 triangles on screen once its 200 instances are drawn.
    download.mockResolvedValueOnce(buffer(await instanced(1000, 200)));
    expect(await modelFor(newAsset())).toEqual({ ok: false, problem: 'too-many-triangles' });

    download.mockResolvedValueOnce(buffer(demoModel()));
    expect(await modelFor(newAsset())).toMatchObject({ ok: true });
  });
});
