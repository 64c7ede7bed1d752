/**
 * The problems the app can run into, one union per thing, shared by every layer that reports or
 * explains them. Words for each live in src/i18n; here they are only names.
 */
import type { FeedIssue } from './feed/issues.ts';

/** Why the catalog feed did not load. */
export type FeedProblem =
  | { readonly kind: 'unreachable' }
  /** The server answered, but the feed stopped arriving or took too long. */
  | { readonly kind: 'slow' }
  | { readonly kind: 'http'; readonly status: number }
  /** Larger than a phone should download (FEED_LIMITS.feedBytes). */
  | { readonly kind: 'too-large'; readonly maxBytes: number }
  /** Not an http(s) address (a `data:`, `blob:` or `javascript:` link, or no URL at all). */
  | { readonly kind: 'not-a-feed-url' }
  | { readonly kind: 'invalid'; readonly errors: readonly FeedIssue[] };

export type CameraProblem =
  /** The visitor or the browser refused permission. */
  | 'denied'
  /** No camera on this device (or none that fits). */
  | 'no-camera'
  /** Another app or tab holds the camera. */
  | 'in-use'
  /** The page is not served over HTTPS, so the browser hides the camera. */
  | 'insecure'
  /** This browser has no camera API at all. */
  | 'unsupported';

/** Why a file of the feed (target set, model, audio) could not be used. */
export type AssetProblem = 'offline' | 'http' | 'corrupt' | 'too-large';

/** Why a 3D model file is refused: checked by the editor before publishing, and on the phone. */
export type ModelFileProblem =
  | 'empty'
  | 'too-large'
  | 'not-gltf'
  | 'truncated'
  | 'unreadable'
  | 'old-version'
  | 'external-uri'
  | 'unsupported-extension'
  | 'no-meshes'
  | 'too-many-triangles'
  | 'texture-too-large';

/** Why a model is not shown: it could not be fetched, or its file was refused. */
export type ModelProblem = AssetProblem | ModelFileProblem;

/** A refused file will not get better by trying again; a failed download may. */
export const isModelFileProblem = (problem: ModelProblem): problem is ModelFileProblem =>
  problem !== 'offline' && problem !== 'http' && problem !== 'corrupt';

/** How much the scanner asks of the phone: full, or a smaller picture and one cover at a time. */
export type QualityLevel = 'full' | 'reduced';
