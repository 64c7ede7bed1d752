/// <reference lib="webworker" />
/**
 * Reads QR codes off the main thread: the page sends a camera frame's pixels, the worker answers
 * with the text of the code in it, or null. jsQR is plain JavaScript (no WASM file to cache
 * offline) and reads codes a phone held up to another phone's screen.
 */
import jsQR from 'jsqr';

export interface QrRequest {
  readonly id: number;
  readonly pixels: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export interface QrReply {
  readonly id: number;
  readonly text: string | null;
}

self.onmessage = (event: MessageEvent<QrRequest>) => {
  const { id, pixels, width, height } = event.data;
  let text: string | null;
  try {
    text = jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  } catch {
    text = null;
  }
  const reply: QrReply = { id, text };
  self.postMessage(reply);
};
