/** Why a book's model is not shown; kept apart from the loader so the scan page need not load three.js. */
import type { AssetProblem } from '../../data/assets.ts';

export class ModelError extends Error {
  constructor(readonly problem: AssetProblem | 'invalid') {
    super(problem);
  }
}
