/**
 * Reading QR codes from the camera (the teacher's result scanner): the Barcode Detection API where
 * the browser has it, otherwise jsQR in a worker. Frames never leave the device.
 */
import type { QrReply, QrRequest } from './qr.worker.ts';

/** Frames are scaled down to this width before reading: enough for a code filling a fifth of it. */
const READ_WIDTH = 640;

interface DetectedBarcode {
  readonly rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
};

export interface QrReader {
  /** The text of a QR code in the video's current frame, or null. */
  read(video: HTMLVideoElement): Promise<string | null>;
  dispose(): void;
}

async function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const formats = await Detector.getSupportedFormats();
    return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

export async function createQrReader(): Promise<QrReader> {
  const native = await nativeDetector();
  if (native) {
    return {
      read: async (video) => {
        if (video.readyState < 2) return null;
        const [code] = await native.detect(video).catch(() => []);
        return code?.rawValue ?? null;
      },
      dispose: () => undefined,
    };
  }
  const worker = new Worker(new URL('./qr.worker.ts', import.meta.url), { type: 'module' });
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const waiting = new Map<number, (text: string | null) => void>();
  let nextId = 0;
  worker.onmessage = (event: MessageEvent<QrReply>) => {
    waiting.get(event.data.id)?.(event.data.text);
    waiting.delete(event.data.id);
  };
  return {
    read: (video) => {
      if (!context || video.readyState < 2 || video.videoWidth === 0) return Promise.resolve(null);
      const scale = Math.min(1, READ_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        const request: QrRequest = {
          id,
          pixels: image.data,
          width: image.width,
          height: image.height,
        };
        worker.postMessage(request, [image.data.buffer]);
      });
    },
    dispose: () => {
      worker.terminate();
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    },
  };
}
