/** A feed as the data layer hands it to the catalog store: read and validated, or why not. */
import type { Catalog } from '../catalog.ts';
import type { FeedProblem } from '../problems.ts';

export type LoadedFeed =
  | {
      readonly ok: true;
      readonly catalog: Catalog;
      /** The feed as received, kept as the saved copy. */
      readonly text: string;
      readonly migratedFrom?: string;
    }
  | { readonly ok: false; readonly problem: FeedProblem };

/** A feed fetched from the network: also says where it really came from, after redirects. */
export type FetchedFeed =
  | (Extract<LoadedFeed, { ok: true }> & { readonly finalUrl: string })
  | Extract<LoadedFeed, { ok: false }>;

/** A feed that loaded and validated, as stored on the device, one per feed address. */
export interface SavedFeed {
  /** The address the visitor asked for (the key it is saved under). */
  readonly url: string;
  /** Where it came from after redirects: relative URLs in it resolve against this. */
  readonly finalUrl?: string;
  readonly text: string;
  /** When it was fetched (ISO). */
  readonly savedAt: string;
}
