/**
 * The baseline for `npm run bench:tracking`: mind-ar's Controller with its defaults and nothing
 * else (no React, no 3D), on the same camera clip and target set as the app. It leaves the same
 * User Timing marks as the app's tracking engine.
 */
import { Controller } from 'mind-ar/src/image-target/controller.js';
import { DEFAULT_SMOOTHING, centreInVideo } from '../../src/tracking/engine.ts';

const params = new URLSearchParams(location.search);
const targets = params.get('targets') ?? '/demo/targets/rak-sejarah.mind';
/** `?smoothing=app` uses the app's tuned One Euro filter instead of mind-ar's defaults. */
const smoothing =
  params.get('smoothing') === 'app'
    ? DEFAULT_SMOOTHING
    : params.has('minCF')
      ? { filterMinCF: Number(params.get('minCF')), filterBeta: Number(params.get('beta')) }
      : {};

async function main(): Promise<void> {
  const video = document.getElementById('video') as HTMLVideoElement;
  video.srcObject = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 640 }, height: { ideal: 480 } },
  });
  await new Promise((resolve) => {
    video.addEventListener('loadedmetadata', resolve, { once: true });
  });
  await video.play();
  performance.mark('lp:camera');
  video.width = video.videoWidth;
  video.height = video.videoHeight;

  let frames = 0;
  let tracked = false;
  const visible = new Set<number>();
  let dimensions: [number, number][] = [];
  const controller = new Controller({
    inputWidth: video.videoWidth,
    inputHeight: video.videoHeight,
    ...smoothing,
    onUpdate: (update) => {
      if (update.type === 'processDone') {
        frames++;
        return;
      }
      const key = `target:${update.targetIndex}`;
      if (update.worldMatrix) {
        tracked = true;
        const [x, y] = centreInVideo(
          update.worldMatrix,
          controller.getProjectionMatrix(),
          dimensions[update.targetIndex] ?? [1, 1],
          [video.videoWidth, video.videoHeight],
        );
        performance.mark('lp:pose', { detail: { x, y } });
        if (!visible.has(update.targetIndex)) {
          visible.add(update.targetIndex);
          performance.mark('lp:found', { detail: { key } });
        }
      } else if (visible.delete(update.targetIndex)) {
        performance.mark('lp:lost', { detail: { key } });
      }
    },
  });
  const response = await fetch(targets);
  ({ dimensions } = controller.addImageTargetsFromBuffer(await response.arrayBuffer()));
  controller.dummyRun(video);
  controller.processVideo(video);
  performance.mark('lp:running');
  setInterval(() => {
    performance.mark('lp:stats', {
      detail: { fps: frames, tracking: tracked || visible.size > 0 },
    });
    frames = 0;
    tracked = false;
  }, 1000);
}

void main();
