/**
 * Listening without scanning: a story with a recording plays it (the file checked against the
 * feed's SHA-256), a story without one is read by the device's voice sentence by sentence with the
 * sentence being read marked, and can be paused and resumed.
 *
 * Headless Chromium has no voices, so the speech test stands in the browser's speechSynthesis with
 * one that "speaks" each utterance for 400 ms, as the fake camera stands in for a camera.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './support/test.ts';

const demo = () =>
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../public/catalog.json'), 'utf8'),
  ) as { ar: { stories: Record<string, unknown>[] } };

/** One second of a 440 Hz tone: a real, playable WAV file. */
function toneWav(): Buffer {
  const rate = 8000;
  const samples = rate;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

async function serveStoryWithRecording(page: Page): Promise<void> {
  const wav = toneWav();
  const feed = demo();
  const story = feed.ar.stories.find((s) => s['id'] === 'kota-cakalang');
  if (!story) throw new Error('the demo has no kota-cakalang story');
  story['audio'] = {
    id: {
      href: '/rekaman/kota-cakalang.wav',
      type: 'audio/wav',
      size: wav.length,
      sha256: createHash('sha256').update(wav).digest('hex'),
    },
  };
  await page.context().route(
    (url) => url.pathname === '/catalog.json',
    (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(feed) }),
  );
  await page.context().route(
    (url) => url.pathname === '/rekaman/kota-cakalang.wav',
    (route) => route.fulfill({ status: 200, contentType: 'audio/wav', body: wav }),
  );
}

test('a story with a recording plays it, with the story text as its transcript', async ({
  page,
}) => {
  await serveStoryWithRecording(page);
  await openApp(page, '/story/kota-cakalang');
  await expect(page.getByRole('link', { name: 'Transkrip' })).toHaveAttribute(
    'href',
    '#story-text',
  );
  await page.getByRole('button', { name: 'Putar rekaman' }).click();
  const audio = page.locator('.recording audio');
  await expect(audio).toBeVisible();
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime), {
      timeout: 15_000,
    })
    .toBeGreaterThan(0.2);
});

test('a story without a recording is read aloud sentence by sentence, marked as it is read, with pause and resume', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // A stand-in voice: each utterance starts when the previous one ends and lasts 400 ms.
    const queue: SpeechSynthesisUtterance[] = [];
    let paused = false;
    let speaking: SpeechSynthesisUtterance | null = null;
    let timer = 0;
    const next = () => {
      if (paused || speaking) return;
      const utterance = queue.shift();
      if (!utterance) return;
      speaking = utterance;
      (window as unknown as { spoken: string[] }).spoken.push(utterance.text);
      utterance.onstart?.(new Event('start') as SpeechSynthesisEvent);
      timer = window.setTimeout(() => {
        speaking = null;
        utterance.onend?.(new Event('end') as SpeechSynthesisEvent);
        next();
      }, 400);
    };
    (window as unknown as { spoken: string[] }).spoken = [];
    const fake = {
      getVoices: () => [{ lang: 'id-ID', name: 'Uji', localService: true, default: true }],
      speak: (utterance: SpeechSynthesisUtterance) => {
        queue.push(utterance);
        next();
      },
      cancel: () => {
        queue.length = 0;
        speaking = null;
        window.clearTimeout(timer);
      },
      pause: () => {
        paused = true;
        window.clearTimeout(timer);
      },
      resume: () => {
        paused = false;
        const current = speaking;
        speaking = null;
        if (current) queue.unshift(current);
        next();
      },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
  });
  await openApp(page, '/story/kota-cakalang');
  await expect(page.getByRole('button', { name: 'Putar rekaman' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Dengarkan' }).click();
  const marked = page.getByTestId('reading-panel').locator('mark');
  await expect(marked).toHaveCount(1);
  const first = await marked.textContent();
  expect(first?.trim().length).toBeGreaterThan(5);
  // The story's own first words are read first, and the mark moves on as the voice goes on.
  const body = (await page.locator('#story-text').textContent()) ?? '';
  expect(body.replace(/\s+/g, ' ')).toContain(first?.trim().slice(0, 20));
  await expect(marked).not.toHaveText(first ?? '', { timeout: 5_000 });

  await page.getByRole('button', { name: 'Jeda' }).click();
  const spokenAtPause = await page.evaluate(
    () => (window as unknown as { spoken: string[] }).spoken.length,
  );
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length)).toBe(
    spokenAtPause,
  );
  await page.getByRole('button', { name: 'Lanjutkan' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length))
    .toBeGreaterThan(spokenAtPause);
  await page.getByRole('button', { name: 'Berhenti' }).click();
  await expect(page.getByTestId('reading-panel')).toHaveCount(0);
});
