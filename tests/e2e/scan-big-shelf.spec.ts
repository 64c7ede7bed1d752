/**
 * A shelf of 45 covers fills three target sets of 20, 20 and 5; mind-ar searches one set at a
 * time. The scan view searches them in turn while nothing is in view, so the 1st, the 21st and the
 * 45th cover are each recognised: no cover is silently out of reach.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { withCamera } from './support/camera.ts';
import { BIG_SHELF, BIG_SHELF_SOURCE_DIR, ROOT } from './support/clips.ts';
import { RECOGNITION_MS, scanStatus } from './support/scan.ts';
import { serveFolder } from './support/static-host.ts';
import { expect, openLibrary, test } from './support/test.ts';

const run = promisify(execFile);

test.use(withCamera('big-shelf'));

let outDir = '';
test.beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'lensa-big-shelf-'));
});
test.afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

test('on a shelf of 45 covers, the 1st, 21st and 45th are each recognised', async ({
  page,
  context,
}) => {
  test.setTimeout(720_000);
  const built = await run(
    'npx',
    ['tsx', 'scripts/catalog-build.ts', BIG_SHELF_SOURCE_DIR, outDir],
    {
      cwd: ROOT,
      timeout: 360_000,
    },
  );
  expect(built.stdout).toContain('catalog.json');

  await serveFolder(context, 'rak-besar', outDir);
  await openLibrary(page, '/rak-besar/catalog.json');
  await page.goto('/scan?shelf=rak-besar&diagnostics');
  for (const i of [0, 20, 44]) {
    const title = BIG_SHELF[i]?.[1] ?? '';
    // The clip loops: a cover missed on one pass comes back on the next.
    await expect(scanStatus(page)).toHaveText(`Dikenali: ${title}`, {
      timeout: 2 * RECOGNITION_MS,
    });
  }
});
