/** A feed as the data layer hands it to the catalog store: read and validated, or why not. */
import type { Catalog } from '../catalog.ts';
import type { FeedProblem } from '../problems.ts';

export type LoadedFeed =
  | {
      readonly ok: true;
      readonly catalog: Catalog;
      /** The feed as received, kept as the last good copy. */
      readonly text: string;
      readonly migratedFrom?: string;
    }
  | { readonly ok: false; readonly problem: FeedProblem };

/** The last feed that loaded and validated, as stored on the device. */
export interface SavedFeed {
  readonly url: string;
  readonly text: string;
  /** When it was fetched (ISO). */
  readonly savedAt: string;
}
