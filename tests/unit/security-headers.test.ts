/**
 * The security headers are defined once (scripts/lib/security-headers.ts); the deployment guide
 * must show exactly those, in its list and in its nginx example, so a library copies what the app
 * is tested with.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../scripts/lib/security-headers.ts';
import { ROOT } from '../helpers/demo-feed.ts';

const guide = readFileSync(path.join(ROOT, 'docs/deploy.md'), 'utf8');

describe('docs/deploy.md', () => {
  it.each(Object.entries(SECURITY_HEADERS))('lists %s as the app sends it', (name, value) => {
    expect(guide).toContain(`${name}: ${value}`);
    expect(guide).toContain(`add_header ${name} "${value}" always;`);
  });

  it('allows no inline scripts, no eval and no framing', () => {
    const policy = SECURITY_HEADERS['Content-Security-Policy'] ?? '';
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
