/**
 * `catalog:build` compiles a set's covers on several threads and joins their files. The joined
 * file must be the one a single compiler makes: the demo library's committed sets were compiled
 * cover by cover, and a cover's entry in them is its compiled target, byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompilePool, compileTargetSet } from '../../src/tracking/node/offline-compile.ts';
import { splitTargetSet } from '../../src/tracking/mind-file.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TARGETS = path.join(ROOT, 'public/demo/targets');

/** A demo cover's entry in the committed set that holds it, found through the build's lock. */
async function committedEntry(cover: Buffer): Promise<Uint8Array> {
  const lock = JSON.parse(
    await readFile(path.join(TARGETS, 'targets.lock.json'), 'utf8'),
  ) as Record<string, { covers?: string[] }>;
  const sha = createHash('sha256').update(cover).digest('hex');
  for (const [set, entry] of Object.entries(lock)) {
    const at = entry.covers?.findIndex((key) => key.endsWith(`:${sha}`)) ?? -1;
    if (at < 0) continue;
    const entries = splitTargetSet(await readFile(path.join(TARGETS, `${set}.mind`)));
    const found = entries[at];
    if (found) return found;
  }
  throw new Error('the cover is in no committed set');
}

describe('compiling a set on several threads', () => {
  it('gives each cover the entry a single compiler gave it, in the covers’ order', async () => {
    const covers = await Promise.all(
      ['charlottes-web', 'bumi-manusia', 'almayers-folly'].map((name) =>
        readFile(path.join(ROOT, 'public/demo/covers', `${name}.jpg`)),
      ),
    );
    // Three covers on two threads: a run of two and a run of one, joined.
    const joined = splitTargetSet(await compileTargetSet(covers, 2));
    expect(joined).toHaveLength(3);
    for (const [i, cover] of covers.entries()) {
      expect(Buffer.from(joined[i] ?? []).equals(Buffer.from(await committedEntry(cover)))).toBe(
        true,
      );
    }
  });
});

describe('a compiling thread that stops', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lensa-compile-thread-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const thread = async (name: string, code: string) => {
    const file = path.join(dir, name);
    await writeFile(file, code);
    return pathToFileURL(file);
  };

  it('fails the build with its reason instead of leaving it waiting', async () => {
    // As a thread the system stops midway (out of memory): no answer, no error, only its end.
    const pool = new CompilePool(
      1,
      await thread(
        'stops.mjs',
        "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
      ),
    );
    await expect(pool.compile([new Uint8Array(4)])).rejects.toThrow(/stopped \(exit code 3\)/);
    // The next job gets a new thread, which stops as well: it fails too, it does not hang.
    await expect(pool.compile([new Uint8Array(4)])).rejects.toThrow(/exit code 3/);
  });

  it('says why a thread could not start', async () => {
    const pool = new CompilePool(
      2,
      await thread('broken.mjs', "throw new Error('mind-ar is missing');\n"),
    );
    await expect(pool.compile([new Uint8Array(4)])).rejects.toThrow('mind-ar is missing');
  });
});
