import { withCamera } from './support/camera.ts';
import { expect, test } from './support/test.ts';

test.use(withCamera('cover-malay-archipelago'));

// The fixture pipeline itself: Chromium's fake camera plays our rendered clip, first the empty
// desk, then the cover. The AR tests build on this.
test('the fake camera plays the rendered clip', async ({ page }) => {
  await page.goto('/privacy');
  const sample = () =>
    page.evaluate(async () => {
      const w = window as unknown as { __video?: HTMLVideoElement };
      if (!w.__video) {
        const video = document.createElement('video');
        video.muted = true;
        video.srcObject = await navigator.mediaDevices.getUserMedia({
          video: { width: 640, height: 480 },
        });
        await video.play();
        w.__video = video;
      }
      const video = w.__video;
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(video, 0, 0);
      // Spread of colours in the centre: the desk is brown and flat, the cover is busy.
      const { data } = ctx.getImageData(220, 140, 200, 200);
      let min = 255;
      let max = 0;
      for (let i = 0; i < data.length; i += 4) {
        const value = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      return { width: video.videoWidth, height: video.videoHeight, contrast: max - min };
    });
  const first = await sample();
  expect(first).toMatchObject({ width: 640, height: 480 });
  expect(first.contrast).toBeLessThan(120);
  await expect
    .poll(async () => (await sample()).contrast, { timeout: 10_000 })
    .toBeGreaterThan(180);
});
