/**
 * ZIP bundles staff might import, made by accident or on purpose: each one ends in a checked bundle
 * or a problem that says what and where, never in a freeze, a crash or a silently partial draft.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLE_LIMITS, checkBundle } from '../../src/editor/bundle.ts';
import { ROOT, demoFeed } from '../helpers/demo-feed.ts';
import { glb, withJson } from '../helpers/glb.ts';

/** The demo library as a bundle: its feed and every file the feed names. */
function demoEntries(): Record<string, Uint8Array> {
  const feed = demoFeed();
  const entries: Record<string, Uint8Array> = {
    'catalog.json': strToU8(JSON.stringify(feed)),
  };
  const hrefs = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record['href'] === 'string' && typeof record['sha256'] === 'string')
        hrefs.add(record['href']);
      Object.values(record).forEach(visit);
    }
  };
  visit(feed);
  for (const href of hrefs)
    entries[href] = new Uint8Array(readFileSync(path.join(ROOT, 'public', href)));
  return entries;
}

const zip = (entries: Record<string, Uint8Array>) =>
  zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, bytes]) => [name, [bytes, { level: 0 }]]),
    ),
  );

/**
 * Sets the declared (original) size of the entries of a ZIP (or of the one called `only`), in
 * both of its headers, walking the headers as the format lays them out.
 */
function declareSize(bytes: Uint8Array, size: number, only?: string): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const nameAt = (offset: number, length: number) =>
    new TextDecoder().decode(copy.subarray(offset, offset + length));
  let i = 0;
  while (i + 30 <= copy.length && view.getUint32(i, true) === 0x04034b50) {
    const compressed = view.getUint32(i + 18, true);
    const nameLength = view.getUint16(i + 26, true);
    const extra = view.getUint16(i + 28, true);
    if (!only || nameAt(i + 30, nameLength) === only) view.setUint32(i + 22, size, true);
    i += 30 + nameLength + extra + compressed;
  }
  while (i + 46 <= copy.length && view.getUint32(i, true) === 0x02014b50) {
    const nameLength = view.getUint16(i + 28, true);
    const extra = view.getUint16(i + 30, true);
    const comment = view.getUint16(i + 32, true);
    if (!only || nameAt(i + 46, nameLength) === only) view.setUint32(i + 24, size, true);
    i += 46 + nameLength + extra + comment;
  }
  return copy;
}

async function problemsOf(bundle: Uint8Array) {
  const result = await checkBundle(bundle);
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.issues;
}

describe('ZIP bundles', () => {
  it('accept the demo library whole', async () => {
    const result = await checkBundle(zip(demoEntries()));
    expect(result.ok && 'bundle' in result).toBe(true);
    if (result.ok && 'bundle' in result) {
      expect(result.bundle.source.books).toHaveLength(demoFeed().publications.length);
      expect(result.bundle.sets.length).toBe(demoFeed().ar.targetSets.length);
    }
  });

  const cases: [
    name: string,
    make: () => Promise<Uint8Array> | Uint8Array,
    path: RegExp,
    en: RegExp,
  ][] = [
    ['a file that is not a ZIP', () => strToU8('PK but not really'), /^\$$/, /not a complete ZIP/],
    [
      'a ZIP cut off half way',
      () => zip(demoEntries()).slice(0, 40_000),
      /^\$$/,
      /not a complete ZIP/,
    ],
    [
      'a ZIP without catalog.json',
      () => zip({ 'readme.txt': strToU8('hello') }),
      /^catalog\.json$/,
      /has no catalog\.json/,
    ],
    [
      'catalog.json that is not JSON',
      () => zip({ 'catalog.json': strToU8('{"metadata": ') }),
      /^catalog\.json$/,
      /not valid JSON/,
    ],
    [
      'a bomb: a small ZIP that declares gigabytes',
      () =>
        declareSize(
          zip({ 'catalog.json': strToU8('{}'), 'a.bin': new Uint8Array(1000) }),
          0x7fff_ffff,
        ),
      /catalog\.json|a\.bin|\$/,
      /unpacked; the limit is 64 MB/,
    ],
    [
      'more files than any library has',
      () =>
        zip(
          Object.fromEntries(
            Array.from({ length: BUNDLE_LIMITS.entries + 5 }, (_, i) => [
              `f/${i}`,
              new Uint8Array(0),
            ]),
          ),
        ),
      /^\$$/,
      /more than 50000 files/,
    ],
    [
      'a name that climbs out of the folder',
      () => zip({ '../../etc/passwd': strToU8('x'), 'catalog.json': strToU8('{}') }),
      /passwd/,
      /leads outside the ZIP folder/,
    ],
    [
      'a cover missing from the ZIP',
      () => {
        const entries = demoEntries();
        delete entries['demo/covers/matilda.jpg'];
        return zip(entries);
      },
      /^demo\/covers\/matilda\.jpg$/,
      /the ZIP lacks it/,
    ],
    [
      'a cover swapped for another picture',
      () => {
        const entries = demoEntries();
        entries['demo/covers/matilda.jpg'] = entries['demo/covers/laskar-pelangi.jpg']!;
        return zip(entries);
      },
      /^demo\/covers\/matilda\.jpg$/,
      /does not match its SHA-256/,
    ],
    [
      'a file that lies about its size (cut short, or refused, when unpacked)',
      () => {
        const entries = demoEntries();
        const cover = 'demo/covers/matilda.jpg';
        const bundle = zipSync(
          Object.fromEntries(
            Object.entries(entries).map(([name, bytes]) => [
              name,
              [bytes, { level: name === cover ? 9 : 0 }],
            ]),
          ),
        );
        return declareSize(bundle, 10, cover);
      },
      /^demo\/covers\/matilda\.jpg$|^\$$/,
      /does not match its SHA-256|not a complete ZIP/,
    ],
    [
      'a source catalog that does not validate',
      () => {
        const entries = demoEntries();
        entries['catalog.source.json'] = strToU8(JSON.stringify({ title: {}, books: 'many' }));
        return zip(entries);
      },
      /^catalog\.source\.json \$/,
      /must|needs|required|at least/,
    ],
    [
      'a model that fetches a texture from another site',
      async () => {
        const entries = demoEntries();
        const feed = demoFeed();
        const model = feed.publications[0].ar.overlays.model.asset;
        const hostile = withJson(await glb(), (json) => {
          json.images = [{ uri: 'https://tracker.example/pixel.png' }];
        });
        const { createHash } = await import('node:crypto');
        const sha256 = createHash('sha256').update(hostile).digest('hex');
        // Every book that shows this model names the new file.
        for (const publication of feed.publications) {
          const asset = publication.ar.overlays.model?.asset;
          if (asset?.href === model.href)
            Object.assign(asset, { sha256, size: hostile.byteLength });
        }
        for (const story of feed.ar.stories) {
          if (story.model?.asset.href === model.href)
            Object.assign(story.model.asset, { sha256, size: hostile.byteLength });
        }
        entries[model.href] = hostile;
        entries['catalog.json'] = strToU8(JSON.stringify(feed));
        return zip(entries);
      },
      /^demo\/models\//,
      /needs other files/,
    ],
  ];

  it('number at least ten hostile cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('%s: refused, saying what and where', async (_name, make, path, en) => {
    const issues = await problemsOf(await make());
    expect(
      issues.some(
        (found) =>
          path.test(found.path) && en.test(found.message.en) && found.message.id.length > 0,
      ),
      JSON.stringify(issues.slice(0, 4)),
    ).toBe(true);
  });
});
