/**
 * Test-only: turns the page's browser into a WebXR AR device (Meta's iwer emulator with a synthetic
 * room), installed before the app loads. The app never ships the emulator; this is the "phone".
 */
import { SyntheticEnvironmentModule } from '@iwer/sem';
import officeSmall from '@iwer/sem/captures/office_small.json';
import { XRDevice, metaQuest3 } from 'iwer';

// A phone rather than a headset: one view, no controllers (a tap is the session's `select`).
const phone = {
  ...metaQuest3,
  name: 'Android phone (emulated)',
  controllerConfig: undefined,
  supportedSessionModes: ['inline', 'immersive-ar'],
  supportedFeatures: ['viewer', 'local', 'local-floor', 'hit-test', 'dom-overlay'],
  interactionMode: 'screen-space',
} as unknown as typeof metaQuest3;
const device = new XRDevice(phone, { stereoEnabled: false });
// Headless Chromium has a WebXR runtime of its own, with no AR: replace it.
device.installRuntime({ forceInstall: true });
// @iwer/sem 0.2 predates iwer 2.5's depth-sensing hook, which an AR session without depth never calls.
device.installSEM(SyntheticEnvironmentModule as unknown as Parameters<XRDevice['installSEM']>[0]);
device.sem?.loadEnvironment(officeSmall);
// A visitor holding the phone at eye height, looking down at the floor in front of them.
device.position.set(0, 1.5, 0);
device.quaternion.set(-Math.sin(Math.PI / 8), 0, 0, Math.cos(Math.PI / 8));

Object.assign(window, { lensaXrDevice: device });
