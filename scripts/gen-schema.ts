/**
 * `npm run schema`: writes public/catalog.schema.json from the feed's zod schema, the one validator.
 * A unit test fails when the committed file is out of date.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { feedJsonSchema } from '../src/domain/feed/json-schema.ts';

const target = path.resolve(import.meta.dirname, '../public/catalog.schema.json');
await writeFile(target, `${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
