import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { feedJsonSchema } from '../../src/domain/feed/json-schema.ts';
import { ROOT, demoFeed } from '../helpers/demo-feed.ts';

const published = JSON.parse(readFileSync(path.join(ROOT, 'public/catalog.schema.json'), 'utf8'));

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return schemaFiles(full);
    return name.endsWith('.schema.json') ? [full] : [];
  });
}

describe('the published JSON Schema', () => {
  it('is the one generated from the runtime validator (run `npm run schema` after changing it)', () => {
    expect(published).toEqual(feedJsonSchema());
  });

  it('accepts the demo feed with an independent validator (ajv)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(published);
    const ok = validate(demoFeed());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('refuses what the runtime validator refuses, such as a javascript: URL', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(published);
    const feed = demoFeed();
    feed.publications[0].images[0].href = 'javascript:alert(1)';
    expect(validate(feed)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/publications/0/images/0/href');
  });
});

describe('OPDS 2.0', () => {
  it('the demo feed is a valid OPDS 2.0 feed, ar extension included', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const file of schemaFiles(path.join(ROOT, 'tests/fixtures/opds'))) {
      ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')));
    }
    const validate = ajv.getSchema('https://drafts.opds.io/schema/feed.schema.json');
    if (!validate) throw new Error('OPDS feed schema not loaded');
    const ok = validate(demoFeed());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);

    // The same validator refuses a publication that a reader could not acquire.
    const broken = demoFeed();
    broken.publications[0].links = [];
    expect(validate(broken)).toBe(false);
  });
});
