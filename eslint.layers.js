// @ts-check
/**
 * The layers of ARCHITECTURE.md and what each may import: the allow-lists that eslint.config.js
 * enforces and tests/unit/lint-rules.test.ts proves. A layer may always import its own files.
 * Listed first wins, so `src/tracking/node` is its own layer inside `src/tracking`.
 *
 * `packages: ['**']` allows any package but those in `forbidden`.
 *
 * @type {Record<string, { path: string, layers: string[], packages: string[], forbidden?: string[], node?: boolean }>}
 */
export const LAYERS = {
  domain: { path: 'src/domain', layers: [], packages: ['zod'] },
  i18n: { path: 'src/i18n', layers: ['domain'], packages: [] },
  data: { path: 'src/data', layers: ['domain'], packages: ['idb-keyval', 'workbox-window'] },
  // The Node-side compiler for scripts: mind-ar's offline compiler on @napi-rs/canvas.
  'tracking-node': {
    path: 'src/tracking/node',
    layers: ['domain', 'tracking'],
    packages: ['mind-ar', '@tensorflow/tfjs', '@napi-rs/canvas'],
    node: true,
  },
  // Catalogue readers for the browser and Node; Node's file streaming on its own.
  'import-node': {
    path: 'src/import/node',
    layers: ['domain', 'import'],
    packages: [],
    node: true,
  },
  import: {
    path: 'src/import',
    layers: ['domain'],
    packages: ['saxes', 'papaparse', 'marcjs', 'marc8'],
  },
  tracking: {
    path: 'src/tracking',
    layers: ['domain'],
    packages: ['mind-ar', '@tensorflow/tfjs', '@msgpack/msgpack', 'jsqr'],
  },
  state: { path: 'src/state', layers: ['domain'], packages: ['zustand', 'zundo'] },
  search: { path: 'src/search', layers: ['domain'], packages: ['minisearch'] },
  scene: {
    path: 'src/scene',
    layers: ['domain'],
    packages: ['react', 'three', '@react-three/fiber', '@react-three/drei', '@react-three/xr'],
  },
  editor: {
    path: 'src/editor',
    layers: ['domain', 'data', 'tracking', 'import'],
    packages: [
      'fflate',
      '@gltf-transform/core',
      '@gltf-transform/extensions',
      '@gltf-transform/functions',
    ],
  },
  ui: {
    path: 'src/ui',
    layers: ['domain', 'i18n', 'data', 'tracking', 'state', 'search', 'scene', 'editor'],
    packages: [
      'react',
      'react-dom',
      'wouter',
      'zustand',
      'zundo',
      'lucide-react',
      'markdown-it',
      'dompurify',
      'qrcode',
    ],
  },
  app: {
    path: 'src/app',
    layers: ['domain', 'i18n', 'data', 'state', 'ui'],
    packages: ['react', 'react-dom', 'wouter'],
  },
  sw: {
    path: 'src/sw',
    layers: ['domain', 'data'],
    packages: [
      'workbox-cacheable-response',
      'workbox-core',
      'workbox-expiration',
      'workbox-precaching',
      'workbox-routing',
      'workbox-strategies',
    ],
  },
  // Node tools: the domain, the Node-side compiler, the demo content and the tests' clip helpers.
  scripts: {
    path: 'scripts',
    layers: [
      'domain',
      'import',
      'import-node',
      'search',
      'tracking-node',
      'assets',
      'test-support',
    ],
    packages: ['**'],
    forbidden: ['mind-ar', '@tensorflow/*'],
    node: true,
  },
  assets: { path: 'assets', layers: ['domain'], packages: [] },
  'test-support': {
    path: 'tests/e2e/support',
    layers: ['domain', 'scene', 'scripts', 'tracking-node'],
    packages: ['**'],
    forbidden: ['mind-ar', '@tensorflow/*'],
    node: true,
  },
};

/** Browser storage and network globals: only these folders may touch them. */
export const STORAGE_GLOBALS = ['fetch', 'localStorage', 'sessionStorage', 'indexedDB', 'caches'];
export const STORAGE_OWNERS = ['src/data', 'src/sw'];
