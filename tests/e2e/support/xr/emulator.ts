/** Bundles emulator-entry.ts into one script for `page.addInitScript`. */
import path from 'node:path';
import { build, type Rolldown } from 'vite';

export async function xrEmulatorScript(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { dedupe: ['three'] },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: path.join(import.meta.dirname, 'emulator-entry.ts'),
        formats: ['iife'],
        name: 'lensaXrEmulator',
      },
    },
  })) as Rolldown.RolldownOutput[];
  const chunk = output[0]?.output.find((file) => file.type === 'chunk');
  if (!chunk) throw new Error('The WebXR emulator script was not built');
  return chunk.code;
}
