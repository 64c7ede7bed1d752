/**
 * The model viewer's canvas and its WebXR store: a turntable without the camera and, once an
 * `immersive-ar` session runs, the room view (see ModelStage.tsx). Pages pass in the words of the
 * room's overlay; everything that touches three, react-three-fiber or @react-three/xr stays here.
 */
import { Canvas } from '@react-three/fiber';
import {
  XR,
  XRDomOverlay,
  createXRStore,
  useXRSessionModeSupported,
  type XRStore,
} from '@react-three/xr';
import { useCallback, useSyncExternalStore, type ReactNode } from 'react';
import type { SceneModel } from './gltf.ts';
import { RoomPlacement, TurntableModel, type RoomPhase } from './ModelStage.tsx';

// A phone in the hand: no controller or hand models (they would be fetched from a CDN), and never
// the emulator, which stays out of the build (see vite.config.ts).
let xrStore: XRStore | undefined;
function roomStore(): XRStore {
  xrStore ??= createXRStore({
    emulate: false,
    controller: false,
    hand: false,
    gaze: false,
    hitTest: true,
    domOverlay: true,
    anchors: false,
    planeDetection: false,
    meshDetection: false,
    layers: false,
    handTracking: false,
    offerSession: false,
  });
  return xrStore;
}

const CONNECT_POLL_MS = 100;
const CONNECT_WAIT_MS = 3000;

function ignore() {
  // A failed support check means no room view, nothing more.
}

export interface Room {
  /** The phone can start an `immersive-ar` session. */
  readonly supported: boolean;
  /** A session is running. */
  readonly active: boolean;
  /** Resolves false when the session did not start. */
  readonly enter: () => Promise<boolean>;
  readonly leave: () => Promise<void>;
}

/** The room view's session, for the page's buttons. */
export function useRoom(): Room {
  const store = roomStore();
  const session = useSyncExternalStore(store.subscribe, () => store.getState().session);
  const supported = useXRSessionModeSupported('immersive-ar', ignore) === true;
  const enter = useCallback(async () => {
    // The button shows once the phone says it can do AR, which can be a moment before the canvas
    // has connected the XR store to three.js; a tap in that moment waits for it (up to 3 s).
    for (let waited = 0; ; waited += CONNECT_POLL_MS) {
      try {
        return Boolean(await store.enterAR());
      } catch (error) {
        const notConnected = error instanceof Error && /not connected to three/.test(error.message);
        if (!notConnected || waited >= CONNECT_WAIT_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, CONNECT_POLL_MS));
      }
    }
  }, [store]);
  const leave = useCallback(async () => {
    await store.getState().session?.end();
  }, [store]);
  return { supported, active: Boolean(session), enter, leave };
}

export function ModelCanvas({
  model,
  turn,
  sizeMetres,
  roomTurn,
  roomScale,
  onPhase,
  overlay,
}: {
  model: SceneModel;
  /** Turntable angle in radians. */
  turn: number;
  /** The visitor's turn (radians) and scale (factor) of the model placed in the room. */
  roomTurn: number;
  roomScale: number;
  /** The model's largest side in the room. */
  sizeMetres: number;
  onPhase: (phase: RoomPhase) => void;
  /** Shown over the camera picture during a session; a React root of its own, so no context. */
  overlay: ReactNode;
}) {
  const store = roomStore();
  const active = useSyncExternalStore(store.subscribe, () => Boolean(store.getState().session));
  return (
    <Canvas
      frameloop={active ? 'always' : 'demand'}
      camera={{ position: [0.8, 0.45, 1.6], fov: 45, near: 0.01, far: 50 }}
    >
      <XR store={store}>
        {active ? (
          <RoomPlacement
            object={model}
            sizeMetres={sizeMetres}
            turn={roomTurn}
            scale={roomScale}
            onPhase={onPhase}
          />
        ) : (
          <TurntableModel object={model} turn={turn} />
        )}
        <XRDomOverlay className="room-overlay">{overlay}</XRDomOverlay>
      </XR>
    </Canvas>
  );
}

export type { RoomPhase };
