import { useState } from 'react';
import { useStore } from 'zustand';
import type { ScanStore } from '../../state/scan-store.ts';

/**
 * True from the first recognition on. The 3D layer's code (three.js and react-three-fiber, about
 * 60 ms of a phone's main thread just to evaluate) loads then, not while the visitor is still
 * aiming; once loaded it stays, through set changes and losses.
 */
export function useRecognisedOnce(store: ScanStore): boolean {
  const recognised = useStore(store, (state) => state.recognitions.length > 0);
  const [once, setOnce] = useState(false);
  if (recognised && !once) setOnce(true);
  return once || recognised;
}
