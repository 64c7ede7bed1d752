#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in order, stopping at the first failure.
 * On a fresh machine it first installs the system packages the tests need (Debian's Chromium and
 * ffmpeg for the fake-camera clips); `npx playwright install` cannot work here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';

const SYSTEM_PACKAGES = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/ffmpeg', pkg: 'ffmpeg' },
];

/** Work started in the background, ended if the run stops early. */
const background = new Set();
process.on('exit', () => {
  for (const child of background) {
    try {
      // Its whole process group: npx, tsx and what they started.
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already ended.
    }
  }
});

function run(title, command, args, options = {}) {
  console.log(`\n▶ ${title}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/**
 * Starts a command whose output goes to `log`; resolves to its exit code. The static checks keep
 * about one of this machine's two cores busy for a minute and a half, and rendering the e2e
 * tests' clips on a fresh machine takes about as long: they now run side by side.
 */
function start(title, command, args, log) {
  console.log(
    `\n▶ ${title} (in the background, output in ${log}): ${[command, ...args].join(' ')}`,
  );
  const out = openSync(log, 'w');
  const child = spawn(command, args, { stdio: ['ignore', out, out], detached: true });
  background.add(child);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      background.delete(child);
      resolve(code ?? 1);
    });
    child.on('error', () => {
      background.delete(child);
      resolve(1);
    });
  });
}

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter(({ bin }) => !existsSync(bin)).map(({ pkg }) => pkg);
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`Installing ${missing.join(', ')} from Debian…`);
  const apt = (args) =>
    asRoot
      ? spawnSync('apt-get', args, { stdio: 'inherit', env })
      : spawnSync('sudo', ['-n', 'apt-get', ...args], { stdio: 'inherit', env });
  if (
    apt(['update', '-qq']).status !== 0 ||
    apt(['install', '-y', '-qq', ...missing]).status !== 0
  ) {
    console.error(
      `Could not install ${missing.join(', ')}. Install them with: sudo apt-get install ${missing.join(' ')}`,
    );
    process.exit(1);
  }
}

function count(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

ensureSystemPackages();
mkdirSync('reports', { recursive: true });
const fixtures = start(
  'end-to-end fixtures',
  'npx',
  ['tsx', 'tests/e2e/support/prepare.ts'],
  'reports/e2e-fixtures.log',
);
run('format', 'npx', ['prettier', '--check', '.']);
run('types', 'npx', ['tsc', '--noEmit']);
run('types (service worker)', 'npx', ['tsc', '--noEmit', '-p', 'src/sw/tsconfig.json']);
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
// A failure here is not the run's: Playwright's global setup makes what is missing, and says why.
if ((await fixtures) !== 0)
  console.warn('\nThe e2e fixtures were not made ahead; the e2e run makes them.');
run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/unit.json',
]);
run('end-to-end tests', 'npx', ['playwright', 'test']);

const unit = count('reports/unit.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
}));
// A flaky test (passed only on a retry) counts as failed; retries are off, so there are none.
const e2e = count('reports/e2e.json', (r) => ({
  passed: r.stats.expected,
  failed: r.stats.unexpected + r.stats.flaky,
  skipped: r.stats.skipped,
}));
const total = (key) => unit[key] + e2e[key];
console.log(
  `\nunit ${unit.passed} passed, end-to-end ${e2e.passed} passed (${e2e.skipped} skipped)`,
);
console.log(`${total('passed')} passed, ${total('failed')} failed`);
