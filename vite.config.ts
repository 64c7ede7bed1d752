import basicSsl from '@vitejs/plugin-basic-ssl';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Content-Security-Policy, as a meta tag so that it travels to any static host (docs/deploy.md
 * shows the same policy as a header). No 'unsafe-eval': tfjs and mind-ar do not need it. mind-ar
 * inlines its workers as blob: URLs; three's loaders read embedded textures from blob: URLs.
 * Assets of another library's feed may live on any https host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self' https: blob: data:",
  "img-src 'self' https: blob: data:",
  "media-src 'self' https: blob: mediastream:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

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

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    contentSecurityPolicy(),
    // `npm run dev:phone`: a self-signed HTTPS server, since the camera needs a secure context.
    ...(mode === 'phone' ? [basicSsl()] : []),
  ],
  resolve: { dedupe: ['three'] },
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
  preview: { host: 'localhost' },
}));
