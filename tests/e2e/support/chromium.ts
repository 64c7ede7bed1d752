/** Debian's Chromium with the flags that give it WebGL (SwiftShader) on a closed network. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium 150 gives every navigation a new document host ("RenderDocument"), and Playwright 1.65
 * does not carry its offline emulation over to it: after `context.setOffline(true)` a newly opened
 * page reports `navigator.onLine === true` and fetches into the void, unlike a phone in airplane
 * mode. Chromium takes only the last `--disable-features`, so Playwright's own list (1.65.1) is
 * repeated here with RenderDocument added.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'RenderDocument',
];

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];
