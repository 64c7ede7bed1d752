/** The feed's JSON Schema, generated from the zod schema so the two can never disagree. */
import { z } from 'zod';
import { Feed, SCHEMA_VERSION } from './schema.ts';

export const SCHEMA_ID = 'urn:x-lensa-pustaka:catalog-feed';

export function feedJsonSchema(): Record<string, unknown> {
  // `input`: what a feed may contain (defaults make fields optional, unknown keys are allowed).
  const schema = z.toJSONSchema(Feed, {
    target: 'draft-07',
    io: 'input',
    reused: 'ref',
    unrepresentable: 'throw',
  });
  return { ...schema, $id: SCHEMA_ID, 'x-schema-version': SCHEMA_VERSION };
}
