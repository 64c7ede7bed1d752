import basicSsl from '@vitejs/plugin-basic-ssl';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './scripts/lib/security-headers.ts';
import { ensureRecognitionIndex } from './scripts/lib/demo-index.ts';

/** Only in builds: the dev server injects inline scripts (React refresh) that the policy forbids. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'lensa-pustaka:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Where the client build writes, learned when it starts (the precache step runs after it). */
let clientOutDir = 'dist';
const rememberOutDir: Plugin = {
  name: 'lensa-pustaka:out-dir',
  apply: 'build',
  configResolved(config) {
    clientOutDir = path.resolve(config.root, config.build.outDir);
  },
};

/** The demo's recognition index is generated from its committed target sets (scripts/lib/demo-index.ts). */
const demoRecognitionIndex: Plugin = {
  name: 'lensa-pustaka:demo-recognition-index',
  // Before Vite copies public/ (which it does when the build starts).
  configResolved(config) {
    const done = ensureRecognitionIndex(path.join(config.publicDir, 'catalog.json'));
    if (done === 'built') config.logger.info('built public/demo/targets/recognition.idx');
  },
};

const EMULATOR_STUB = '\0lensa-pustaka:no-xr-emulator';

/**
 * @pmndrs/xr imports its WebXR emulator (iwer and a synthetic room, about 1.7 MB gzipped) on demand.
 * The room view never turns it on (`emulate: false`), so it is left out of every build; the e2e
 * test installs the emulator in the page itself.
 */
const withoutXrEmulator: Plugin = {
  name: 'lensa-pustaka:without-xr-emulator',
  enforce: 'pre',
  resolveId(source, importer) {
    return source === './emulate.js' && importer?.includes('@pmndrs/xr') ? EMULATOR_STUB : null;
  },
  load(id) {
    return id === EMULATOR_STUB
      ? "export function emulate() { throw new Error('The WebXR emulator is not part of this app.'); }"
      : null;
  },
};

/**
 * The staff editor's files: its chunks, what only they import, and the workers they start (not in
 * Vite's manifest, so found by name in the chunks). Visitors never need them offline.
 */
export function editorOnlyFiles(outDir: string): Set<string> {
  const chunks = JSON.parse(
    readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const isEditorEntry = (key: string) =>
    key.startsWith('src/ui/editor/') || key === 'src/app/editor-services.tsx';
  const reach = (starts: string[], skip: (key: string) => boolean) => {
    const seen = new Set<string>();
    const stack = [...starts];
    for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
      const chunk = chunks[key];
      if (seen.has(key) || !chunk) continue;
      seen.add(key);
      for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) {
        if (!skip(next)) stack.push(next);
      }
    }
    return seen;
  };
  const filesOf = (keys: Set<string>) =>
    new Set([...keys].flatMap((key) => [chunks[key]?.file ?? '', ...(chunks[key]?.css ?? [])]));
  const keys = Object.keys(chunks);
  const visitorFiles = filesOf(
    reach(
      keys.filter((key) => chunks[key]?.isEntry),
      isEditorEntry,
    ),
  );
  const editorFiles = filesOf(reach(keys.filter(isEditorEntry), () => false));
  const chunkFiles = filesOf(new Set(keys));
  // Files a chunk names that are not chunks themselves: its workers.
  const referenced = (files: Iterable<string>) =>
    new Set(
      [...files]
        .filter((file) => file.endsWith('.js'))
        .flatMap((file) =>
          [...readFileSync(path.join(outDir, file), 'utf8').matchAll(/assets\/[\w.-]+\.js/g)]
            .map((match) => match[0])
            .filter((name) => !chunkFiles.has(name)),
        ),
    );
  const visitorNeeds = new Set([...visitorFiles, ...referenced(visitorFiles)]);
  return new Set(
    [...editorFiles, ...referenced(editorFiles)].filter((file) => !visitorNeeds.has(file)),
  );
}

/** The installable app. Names and descriptions in Bahasa Indonesia, with English translations. */
const manifest: Partial<ManifestOptions> & {
  translations: Record<string, Record<string, string>>;
} = {
  id: '/',
  name: 'Lensa Pustaka · Perpustakaan Kota Bitung',
  short_name: 'Lensa Pustaka',
  description:
    'Jelajahi koleksi Perpustakaan Kota Bitung dengan kamera ponsel: sampul buku dan papan rak menjadi hidup, juga tanpa internet.',
  lang: 'id',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: '#0b4f6c',
  background_color: '#f7f1e6',
  categories: ['education', 'books'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    {
      src: '/icons/icon-maskable-512.png',
      sizes: '512x512',
      type: 'image/png',
      purpose: 'maskable',
    },
  ],
  screenshots: [
    {
      src: '/screenshots/home-narrow.png',
      sizes: '412x915',
      type: 'image/png',
      form_factor: 'narrow',
      label: 'Beranda',
    },
    {
      src: '/screenshots/home-wide.png',
      sizes: '1280x800',
      type: 'image/png',
      form_factor: 'wide',
      label: 'Beranda',
    },
  ],
  // The Web App Manifest "translations" member (an incubation); browsers without it use the above.
  translations: {
    en: {
      name: 'Lensa Pustaka · Bitung City Library',
      short_name: 'Lensa Pustaka',
      description:
        "Explore Bitung City Library's collection with your phone's camera: book covers and shelf signs come alive, even offline.",
    },
  },
};

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    contentSecurityPolicy(),
    rememberOutDir,
    withoutXrEmulator,
    demoRecognitionIndex,
    VitePWA({
      // Our own service worker (src/sw/sw.ts): we check cached files against their SHA-256 and
      // serve offline packs first, which generateSW's configuration cannot express.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      // Registered by src/data/pwa.ts with workbox-window, which also drives the update prompt.
      injectRegister: false,
      manifest,
      // The icons are in globPatterns already.
      includeManifestIcons: false,
      injectManifest: {
        // The shell and every lazy chunk, the AR engine included; never the demo's files or source maps.
        globPatterns: ['**/*.{js,css,html,svg}', 'icons/*.png'],
        globIgnores: ['demo/**', '**/*.map', 'catalog.schema.json', 'screenshots/**'],
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
        // The staff editor stays online-only: it is large and visitors never open it.
        manifestTransforms: [
          (entries) => {
            const editorFiles = editorOnlyFiles(clientOutDir);
            return {
              manifest: entries.filter((entry) => !editorFiles.has(entry.url)),
              warnings: [],
            };
          },
        ],
      },
      devOptions: { enabled: false },
    }),
    // `npm run dev:phone`: a self-signed HTTPS server, since the camera needs a secure context.
    ...(mode === 'phone' ? [basicSsl()] : []),
  ],
  resolve: {
    dedupe: ['three'],
    // See the file: a CSP-safe stand-in for a package that compiles code with Function().
    alias: {
      'ndarray-ops': path.resolve(import.meta.dirname, 'src/editor/shims/ndarray-ops.ts'),
      // See the file: marcjs's parsers extend Node's Duplex; the browser only calls their `parse`.
      stream: path.resolve(import.meta.dirname, 'src/import/shims/stream.ts'),
    },
  },
  optimizeDeps: {
    // mind-ar's source imports its workers with `?worker&inline`, which the pre-bundler cannot load.
    exclude: ['mind-ar'],
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-webgl',
      '@msgpack/msgpack',
      'ml-matrix',
      'svd-js',
      'tinyqueue',
    ],
  },
  build: {
    target: 'es2022',
    // The chunk graph, read by `npm run bench` to tell the first load from lazy chunks.
    manifest: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: mode === 'phone' ? true : 'localhost' },
  preview: { host: 'localhost', headers: SECURITY_HEADERS },
}));
