/**
 * Publishing stays incremental: after staff change one cover photograph, `catalog:build`
 * compiles that cover alone (the set's other entries are reused byte for byte) and puts it into
 * the recognition index on the earlier vocabulary instead of training a new one. Real cover
 * photographs, mind-ar's real compiler.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../scripts/lib/catalog-build.ts';
import { decodeIndex } from '../../src/domain/recognition/index-file.ts';
import { splitTargetSet } from '../../src/tracking/mind-file.ts';
import { createCanvas } from '@napi-rs/canvas';
import { drawCover } from '../../scripts/lib/art.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PHOTOS = [
  'bumi-manusia',
  'charlottes-web',
  'almayers-folly',
  'deru-campur-debu',
  'door-duisternis-tot-licht',
];
const IDS = ['a', 'b', 'c', 'd'];

const book = (id: string) => ({
  id,
  title: { id: `Buku ${id}` },
  description: { id: 'Isi.' },
  authors: ['Penulis'],
  language: 'id',
  ddc: '100',
  callNumber: `100 PEN ${id}`,
  shelf: 'rak',
  copies: 1,
  available: 1,
  cover: `${id}.jpg`,
});

const source = {
  title: { id: 'Uji' },
  library: {
    name: { id: 'Perpustakaan Uji' },
    address: { locality: 'Bitung', region: 'Sulawesi Utara', country: 'ID' },
    languages: ['id'],
    floorPlan: 'denah.svg',
  },
  shelves: [
    { id: 'rak', label: { id: 'Rak' }, ddc: { from: '000', to: '999' }, position: { x: 0, y: 0 } },
  ],
  books: IDS.map(book),
};

let dir = '';
let lastLookAlikes: string[] = [];
const out = () => path.join(dir, 'out');
const photo = (name: string) => path.join(ROOT, 'public/demo/covers', `${name}.jpg`);

async function build(books = source.books): Promise<string[]> {
  const lines: string[] = [];
  const result = await buildCatalog({
    sourceDir: dir,
    outDir: out(),
    source: { ...source, books },
    log: (line) => lines.push(line),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  lastLookAlikes = result.lookAlikes.map(({ a, b }) => `${a} ≈ ${b}`);
  return lines;
}

async function published(): Promise<{ set: Buffer; index: Buffer }> {
  const feed = JSON.parse(await readFile(path.join(out(), 'catalog.json'), 'utf8')) as {
    ar: { targetSets: { href: string }[]; recognitionIndex: { href: string } };
  };
  return {
    set: await readFile(path.join(out(), feed.ar.targetSets[0]?.href ?? '')),
    index: await readFile(path.join(out(), feed.ar.recognitionIndex.href)),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lensa-incremental-'));
  await writeFile(
    path.join(dir, 'denah.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"></svg>',
  );
  await Promise.all(
    IDS.map((id, i) => copyFile(photo(PHOTOS[i] ?? ''), path.join(dir, `${id}.jpg`))),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('catalog:build after one cover changed', () => {
  it('compiles that cover alone and indexes it on the earlier vocabulary', async () => {
    const first = await build();
    expect(first.join('\n')).toMatch(/4 targets \(4 compiled, 0 reused\)/);
    expect(first.join('\n')).toMatch(/vocabulary trained/);
    const { set: setBefore, index: indexBefore } = await published();
    const before = splitTargetSet(setBefore);

    // Nothing changed: nothing is compiled or indexed again.
    expect(await build()).toEqual([]);

    // Staff replace the second book's photograph.
    await copyFile(photo(PHOTOS[4] ?? ''), path.join(dir, 'b.jpg'));
    const second = (await build()).join('\n');
    expect(second).toMatch(/4 targets \(1 compiled, 3 reused\)/);
    expect(second).toMatch(/earlier vocabulary; 1 covers quantised/);

    const { set: setAfter, index: indexAfter } = await published();
    const after = splitTargetSet(setAfter);
    expect(after).toHaveLength(4);
    for (const i of [0, 2, 3]) expect(after[i]).toEqual(before[i]);
    expect(after[1]).not.toEqual(before[1]);

    const [was, now] = [indexBefore, indexAfter].map((bytes) =>
      decodeIndex(new Uint8Array(bytes).buffer),
    );
    expect(now?.targets).toEqual(was?.targets);
    expect(now?.vocabulary.centres).toEqual(was?.vocabulary.centres);
    expect(indexAfter).not.toEqual(indexBefore);

    // The lock is a cache: damaged, it costs a full build, never a failed one.
    const lockPath = path.join(out(), 'assets', 'targets', 'targets.lock.json');
    const lock = JSON.parse(await readFile(lockPath, 'utf8')) as Record<string, object>;
    await writeFile(
      lockPath,
      JSON.stringify({
        ...lock,
        'recognition.idx': { ...lock['recognition.idx'], lookAlikes: 'x' },
      }),
    );
    expect(await build()).toEqual([]);
    expect(lastLookAlikes).toEqual([]);
    await writeFile(lockPath, '{"rak": ');
    expect((await build()).join('\n')).toMatch(/4 targets \(4 compiled, 0 reused\)/);
  }, 240_000);
});

/** A drawn cover: `seed` picks its art; the title (with its volume number) is drawn on it. */
async function drawn(file: string, seed: number, title: string): Promise<void> {
  const canvas = createCanvas(320, 480);
  drawCover(canvas.getContext('2d'), 320, 480, { title, author: 'Tim Katalog', seed });
  await writeFile(path.join(dir, file), canvas.toBuffer('image/jpeg', 90));
}

describe('catalog:build and a series printed with one design', () => {
  it('names the volumes the camera cannot tell apart, until one gets a cover of its own', async () => {
    await drawn('e.jpg', 41, 'Kisah Laut Bitung 1');
    await drawn('f.jpg', 41, 'Kisah Laut Bitung 2');
    const books = [...IDS, 'e', 'f'].map(book);
    await build(books);
    expect(lastLookAlikes).toEqual(['book:e ≈ book:f']);
    // Another build with nothing changed still names them (from the lock).
    await build(books);
    expect(lastLookAlikes).toEqual(['book:e ≈ book:f']);
    // The second volume gets art of its own.
    await drawn('f.jpg', 97, 'Kisah Laut Bitung 2');
    await build(books);
    expect(lastLookAlikes).toEqual([]);
  }, 240_000);
});

describe('catalog:build stopped midway', () => {
  it('resumes with the sets it had compiled instead of compiling them again', async () => {
    const resumeDir = path.join(dir, 'resume');
    const resumeOut = path.join(resumeDir, 'out');
    await mkdir(resumeDir, { recursive: true });
    await copyFile(path.join(dir, 'denah.svg'), path.join(resumeDir, 'denah.svg'));
    const ids = ['p', 'q', 'r', 's'];
    await Promise.all(
      ids.map((id, i) => copyFile(photo(PHOTOS[i] ?? ''), path.join(resumeDir, `${id}.jpg`))),
    );
    // Two shelves, so two target sets, compiled one after the other.
    const twoShelves = {
      ...source,
      shelves: [
        { ...source.shelves[0], id: 'rak-a', ddc: { from: '000', to: '499' } },
        {
          ...source.shelves[0],
          id: 'rak-b',
          ddc: { from: '500', to: '999' },
          position: { x: 5, y: 0 },
        },
      ],
      books: ids.map((id, i) => ({
        ...book(id),
        shelf: i < 2 ? 'rak-a' : 'rak-b',
        ddc: i < 2 ? '100' : '600',
      })),
    };
    await writeFile(path.join(resumeDir, 'catalog.source.json'), JSON.stringify(twoShelves));

    // The build is stopped (as by a power cut) right after it reports its first set.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/catalog-build.ts', resumeDir, resumeOut],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const firstSet = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const compiled = /^compiled ([^:]+):/m.exec(seen);
        if (compiled?.[1]) {
          child.kill('SIGKILL');
          resolve(compiled[1]);
        }
      });
      child.on('exit', () => {
        reject(new Error(`the build ended before it was stopped:\n${seen}`));
      });
    });
    const stopped = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.on('exit', (_, signal) => {
        resolve(signal);
      });
    });
    expect(stopped).toBe('SIGKILL');

    const lines: string[] = [];
    const result = await buildCatalog({
      sourceDir: resumeDir,
      outDir: resumeOut,
      source: twoShelves,
      log: (line) => lines.push(line),
    });
    expect(result.ok).toBe(true);
    const compiledSets = lines.flatMap((line) => /^compiled ([^:]+):/.exec(line)?.[1] ?? []);
    // Only the set the stopped build had not reached is compiled; the first is taken as it was.
    expect(compiledSets).toHaveLength(1);
    expect(compiledSets).not.toContain(firstSet);
    const feed = JSON.parse(await readFile(path.join(resumeOut, 'catalog.json'), 'utf8')) as {
      ar: { targetSets: { id: string }[] };
    };
    expect(feed.ar.targetSets.map((set) => set.id).sort()).toEqual(
      [firstSet, compiledSets[0]].sort(),
    );
  }, 240_000);
});
