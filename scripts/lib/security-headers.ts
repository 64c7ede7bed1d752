/**
 * The Content-Security-Policy, as a meta tag so that it travels to any static host, and as a header
 * from the preview server and in docs/deploy.md (SECURITY_HEADERS). No 'unsafe-eval': tfjs and
 * mind-ar do not need it; no 'unsafe-inline' styles: React and three set styles through the CSSOM.
 * mind-ar inlines its workers as blob: URLs; three's loaders read embedded textures from blob: URLs.
 * Assets of another library's feed may live on any https host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self' https: blob: data:",
  "img-src 'self' https: blob: data:",
  "media-src 'self' https: blob: mediastream:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * What every response of the app should carry (docs/deploy.md; the preview server sends them):
 * the policy with `frame-ancestors`, which only works as a header; no referrer to other sites; no
 * content sniffing; of the browser's powerful features only the camera, WebXR's spatial tracking
 * and autoplay (the muted camera picture starts playing by itself).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': [
    'camera=(self)',
    'xr-spatial-tracking=(self)',
    'autoplay=(self)',
    'accelerometer=()',
    'bluetooth=()',
    'display-capture=()',
    'fullscreen=()',
    'geolocation=()',
    'gyroscope=()',
    'hid=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'publickey-credentials-get=()',
    'screen-wake-lock=()',
    'serial=()',
    'usb=()',
  ].join(', '),
};
