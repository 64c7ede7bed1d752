/**
 * `npm run catalog:build` reads a folder staff prepared: files that lead outside it, pictures that
 * cannot be decoded or would decode to an enormous image, and files larger than a phone should
 * download are each refused with the file's name and a way forward, before anything is compiled.
 */
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../scripts/lib/catalog-build.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lensa-inputs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
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
  books: [
    {
      id: 'buku',
      title: { id: 'Buku' },
      description: { id: 'Isi.' },
      authors: ['Penulis'],
      language: 'id',
      ddc: '100',
      callNumber: '100 PEN b',
      shelf: 'rak',
      copies: 1,
      available: 1,
      cover: 'sampul.jpg',
    },
  ],
};

/** A PNG whose header claims 30,000 × 30,000 pixels: a few bytes that would decode to 3.6 GB. */
function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt8(8, 16);
  ihdr.writeUInt8(6, 17);
  return Buffer.concat([header, ihdr, Buffer.alloc(64)]);
}

async function problemsWith(cover: () => Promise<void>) {
  await writeFile(
    path.join(dir, 'denah.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"></svg>',
  );
  await cover();
  const result = await buildCatalog({ sourceDir: dir, outDir: path.join(dir, 'out'), source });
  if (result.ok) throw new Error('expected the build to refuse the cover');
  return result.errors;
}

describe('catalog:build inputs', () => {
  it('refuses a cover that is a link to a file outside the source folder', async () => {
    const outside = path.join(tmpdir(), `lensa-outside-${process.pid}.jpg`);
    await writeFile(outside, 'a file elsewhere on the disk');
    const errors = await problemsWith(() => symlink(outside, path.join(dir, 'sampul.jpg')));
    await rm(outside, { force: true });
    expect(errors[0]?.path).toBe('file:sampul.jpg');
    expect(errors[0]?.message.en).toMatch(/a link outside the source folder/);
    expect(errors[0]?.message.id).toMatch(/tautan ke luar folder sumber/);
  });

  it('refuses a picture that cannot be decoded', async () => {
    const errors = await problemsWith(() =>
      writeFile(path.join(dir, 'sampul.jpg'), 'this is not a JPEG at all'),
    );
    expect(errors[0]?.message.en).toMatch(/picture "sampul\.jpg" cannot be opened/);
  });

  it('refuses a picture whose header claims an enormous size, without decoding it', async () => {
    const errors = await problemsWith(() =>
      writeFile(path.join(dir, 'sampul.jpg'), pngClaiming(30_000, 30_000)),
    );
    expect(errors[0]?.message.en).toMatch(/cannot be opened \(30000×30000 pixels\)/);
  });

  it('refuses a picture larger than a phone should download', async () => {
    const errors = await problemsWith(() =>
      writeFile(path.join(dir, 'sampul.jpg'), Buffer.alloc(6 * 1024 * 1024)),
    );
    expect(errors[0]?.message.en).toMatch(/is 6\.0 MB; the limit is 5\.0 MB/);
  });
});
