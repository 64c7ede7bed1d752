import path from 'node:path';
import { defineConfig } from 'vite';

/** Builds the bare Controller page for `npm run bench:tracking` into dist-bench/. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'bare-controller'),
  publicDir: path.resolve(import.meta.dirname, '../public'),
  base: '/',
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist-bench'),
    emptyOutDir: true,
    target: 'es2022',
  },
  resolve: { dedupe: ['three'] },
  logLevel: 'warn',
});
