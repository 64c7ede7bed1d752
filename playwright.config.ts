import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './tests/e2e/support/chromium.ts';

const PORT = 4173;

/**
 * End-to-end tests run the production build (`vite build` + `vite preview`), the same files a
 * library would host, in Debian's Chromium with software WebGL and a fake camera.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // A hang ends a test; speed is the benchmarks' (README). Recognition waits are RECOGNITION_MS.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  // Two shared cores: AR specs run tfjs on SwiftShader and need a core each.
  workers: 1,
  // No retries: a test that passes only on a second try is a failing test (find the cause).
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  globalSetup: './tests/e2e/support/global-setup.ts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    viewport: { width: 412, height: 915 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env['CI'],
    timeout: 240_000,
    stdout: 'ignore',
  },
});
