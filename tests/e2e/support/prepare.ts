/**
 * The e2e tests' fixtures (fake-camera clips, source folders) made ahead of the run: `npm test`
 * starts this while the static checks keep one core busy (scripts/test.mjs), and Playwright's
 * global setup then finds them made. Run alone, it does what the global setup does.
 */
import globalSetup from './global-setup.ts';

await globalSetup();
