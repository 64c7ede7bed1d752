/** Before the unit tests: the demo's recognition index, generated (not committed) as Vite does. */
import path from 'node:path';
import { ensureRecognitionIndex } from '../../scripts/lib/demo-index.ts';

export default function setup(): void {
  ensureRecognitionIndex(path.resolve('public/catalog.json'));
}
