import { describe, expect, it, vi } from 'vitest';
import { watchForUpdates, type UpdateChannel } from '../../src/data/pwa.ts';

/** Stands in for workbox-window's Workbox: the test fires its events. */
class FakeWorkbox implements UpdateChannel {
  private listeners = new Map<string, (() => void)[]>();
  messageSkipWaiting = vi.fn();
  addEventListener(type: 'waiting' | 'controlling', listener: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: 'waiting' | 'controlling') {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

describe('the update prompt', () => {
  it('offers a waiting version and does nothing until the visitor accepts', () => {
    const workbox = new FakeWorkbox();
    const onReady = vi.fn();
    const reload = vi.fn();
    watchForUpdates(workbox, onReady, reload);
    workbox.fire('waiting');
    expect(onReady).toHaveBeenCalledOnce();
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('activates the new version and reloads once it controls the page', () => {
    const workbox = new FakeWorkbox();
    const reload = vi.fn();
    const flow = watchForUpdates(workbox, () => undefined, reload);
    workbox.fire('waiting');
    flow.apply();
    expect(workbox.messageSkipWaiting).toHaveBeenCalledOnce();
    expect(reload).not.toHaveBeenCalled();
    workbox.fire('controlling');
    workbox.fire('controlling');
    expect(reload).toHaveBeenCalledOnce();
  });

  it('never reloads by itself, even when another tab activates the update', () => {
    const workbox = new FakeWorkbox();
    const reload = vi.fn();
    watchForUpdates(workbox, () => undefined, reload);
    workbox.fire('waiting');
    workbox.fire('controlling');
    expect(reload).not.toHaveBeenCalled();
  });
});
