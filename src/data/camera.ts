/**
 * The rear camera. Frames stay in this page: the stream goes to a <video> element and from there
 * to the tracker, nowhere else.
 */
import type { CameraProblem } from '../domain/problems.ts';

export class CameraError extends Error {
  constructor(
    readonly problem: CameraProblem,
    cause?: unknown,
  ) {
    super(problem, { cause });
  }
}

export interface CameraSize {
  readonly width: number;
  readonly height: number;
}

/** What suits mind-ar: 640×480 is its sweet spot; larger frames only cost time. */
export const FULL_SIZE: CameraSize = { width: 640, height: 480 };
/** For phones that cannot keep up: a quarter of the pixels. */
export const REDUCED_SIZE: CameraSize = { width: 320, height: 240 };

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'no-camera';
  }
}

export function cameraAvailability(): CameraProblem | null {
  if (!window.isSecureContext) return 'insecure';
  // Absent on insecure pages and old browsers, whatever the DOM types say.
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (typeof devices?.getUserMedia !== 'function') return 'unsupported';
  return null;
}

/** Opens the rear camera (or any camera, on a laptop) at about `size`. */
export async function openCamera(size: CameraSize = FULL_SIZE): Promise<MediaStream> {
  const unavailable = cameraAvailability();
  if (unavailable) throw new CameraError(unavailable);
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: {
        facingMode: { ideal: 'environment' },
        width: { ideal: size.width },
        height: { ideal: size.height },
        frameRate: { ideal: 30 },
      },
    });
  } catch (error) {
    throw new CameraError(problemOf(error), error);
  }
}

/** Asks the open camera for another size; resolves with the size it really gives. */
export async function resizeCamera(stream: MediaStream, size: CameraSize): Promise<void> {
  const [track] = stream.getVideoTracks();
  if (!track) return;
  try {
    await track.applyConstraints({ width: { ideal: size.width }, height: { ideal: size.height } });
  } catch {
    // Some cameras have one size only: keep it.
  }
}

export function closeCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Shows the stream in the video element and waits until its size is known. */
export async function attachStream(video: HTMLVideoElement, stream: MediaStream): Promise<void> {
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) {
    await new Promise<void>((resolve) => {
      video.addEventListener(
        'loadedmetadata',
        () => {
          resolve();
        },
        { once: true },
      );
    });
  }
  await video.play();
}

/** Waits until the video reports a new size after `resizeCamera`. */
export function videoSizeChanged(
  video: HTMLVideoElement,
  from: CameraSize,
  timeoutMs = 3000,
): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      const changed = video.videoWidth !== from.width || video.videoHeight !== from.height;
      if (changed || performance.now() - started > timeoutMs) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
}
