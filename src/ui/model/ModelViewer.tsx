/**
 * A model to look at without the camera, and, on phones with WebXR, to place in the room. Its own
 * lazy chunk (three, react-three-fiber, @react-three/xr), loaded when the visitor asks for it.
 */
import { Canvas } from '@react-three/fiber';
import {
  XR,
  XRDomOverlay,
  createXRStore,
  useXRSessionModeSupported,
  type XRStore,
} from '@react-three/xr';
import { use, useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ModelOverlay } from '../../domain/catalog.ts';
import { RoomPlacement, TurntableModel, type RoomPhase } from '../../scene/ModelStage.tsx';
import { useT } from '../context.tsx';
import { forgetFailedModels, modelFor, type ModelProblem } from '../models.ts';

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

const QUARTER_TURN = Math.PI / 4;
const DEFAULT_COVER_WIDTH_MM = 150;

function ignore() {
  // A failed support check means no room view, nothing more.
}

/** Why the model is not shown, and a way on: it comes by itself once the device is back online. */
function ModelUnavailable({ problem, onRetry }: { problem: ModelProblem; onRetry: () => void }) {
  const t = useT();
  const retry = useCallback(() => {
    forgetFailedModels();
    onRetry();
  }, [onRetry]);
  useEffect(() => {
    if (problem === 'invalid' || problem === 'corrupt') return;
    window.addEventListener('online', retry);
    return () => {
      window.removeEventListener('online', retry);
    };
  }, [problem, retry]);
  return (
    <div role="alert" className="pack-problem">
      <p>
        {problem === 'invalid' || problem === 'corrupt'
          ? t('model.broken')
          : t('scan.modelProblem.offline')}
      </p>
      {problem !== 'invalid' && (
        <button type="button" className="button button-quiet" onClick={retry}>
          {t('model.tryAgain')}
        </button>
      )}
    </div>
  );
}

export default function ModelViewer({
  model,
  title,
  coverWidthMm,
  onRetry,
}: {
  model: ModelOverlay;
  /** What the model shows, in the visitor's language. */
  title: string;
  coverWidthMm: number | undefined;
  onRetry: () => void;
}) {
  const t = useT();
  const result = use(modelFor(model.asset));
  const store = roomStore();
  const session = useStore(store, (state) => state.session);
  const roomSupported = useXRSessionModeSupported('immersive-ar', ignore) === true;
  const [turn, setTurn] = useState(0);
  const [phase, setPhase] = useState<RoomPhase>('searching');
  const [roomMessage, setRoomMessage] = useState<'inRoomFailed' | 'ended' | null>(null);
  const onPhase = useCallback((next: RoomPhase) => {
    setPhase(next);
  }, []);

  if (!result.ok) return <ModelUnavailable problem={result.problem} onRetry={onRetry} />;

  const enterRoom = () => {
    setPhase('searching');
    setRoomMessage(null);
    store.enterAR().then(
      (started) => {
        if (!started) setRoomMessage('inRoomFailed');
      },
      () => {
        setRoomMessage('inRoomFailed');
      },
    );
  };
  const leaveRoom = () => {
    void session?.end().then(() => {
      setRoomMessage('ended');
    });
  };
  // The model as large as it looks on the cover: its scale is in cover widths.
  const sizeMetres = ((coverWidthMm ?? DEFAULT_COVER_WIDTH_MM) / 1000) * model.scale;

  return (
    <div className="model-viewer">
      <div className="model-canvas" role="img" aria-label={title}>
        <Canvas
          frameloop={session ? 'always' : 'demand'}
          camera={{ position: [0.8, 0.45, 1.6], fov: 45, near: 0.01, far: 50 }}
        >
          <XR store={store}>
            {session ? (
              <RoomPlacement object={result.object} sizeMetres={sizeMetres} onPhase={onPhase} />
            ) : (
              <TurntableModel object={result.object} turn={turn} />
            )}
            {/* Rendered in a React root of its own: texts come in as props, not through context. */}
            <XRDomOverlay className="room-overlay">
              <p role="status">{t(`room.${phase}`, { title })}</p>
              <button type="button" className="button" onClick={leaveRoom}>
                {t('room.exit')}
              </button>
            </XRDomOverlay>
          </XR>
        </Canvas>
      </div>
      <p className="muted">{t('model.hint')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setTurn((value) => value + QUARTER_TURN);
          }}
        >
          ⟲ {t('model.turnLeft')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setTurn((value) => value - QUARTER_TURN);
          }}
        >
          {t('model.turnRight')} ⟳
        </button>
        {roomSupported && (
          <button type="button" className="button" onClick={enterRoom} disabled={Boolean(session)}>
            {t('model.inRoom')}
          </button>
        )}
      </div>
      {roomMessage && (
        <p role={roomMessage === 'inRoomFailed' ? 'alert' : 'status'} className="muted">
          {t(roomMessage === 'inRoomFailed' ? 'model.inRoomFailed' : 'room.ended')}
        </p>
      )}
    </div>
  );
}
