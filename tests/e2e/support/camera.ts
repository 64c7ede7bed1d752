/**
 * Chromium's fake camera playing one of our clips. Launch options differ per clip, so each spec
 * that needs a camera calls `test.use(withCamera('clip-name'))` at its top level.
 */
import type { LaunchOptions } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';
import { TEST_CLIPS, clipPath, type ClipName } from './clips.ts';

export function cameraArgs(clip: ClipName): string[] {
  return cameraArgsForFile(clipPath(clip));
}

/** The same, for a clip rendered elsewhere (a benchmark's, a test's own). */
export function cameraArgsForFile(file: string): string[] {
  return [
    ...CHROMIUM_ARGS,
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
    '--autoplay-policy=no-user-gesture-required',
  ];
}

export function withCamera(clip: ClipName): {
  launchOptions: LaunchOptions;
  permissions: string[];
} {
  // A clip the global setup did not render would leave the fake camera without frames.
  if (!(TEST_CLIPS as readonly string[]).includes(clip))
    throw new Error(`${clip} is not in TEST_CLIPS`);
  return {
    launchOptions: { executablePath: CHROMIUM, args: cameraArgs(clip) },
    permissions: ['camera'],
  };
}
