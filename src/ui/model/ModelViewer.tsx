/**
 * A model to look at without the camera, and, on phones with WebXR, to place in the room. Its own
 * lazy chunk (three, react-three-fiber, @react-three/xr), loaded when the visitor asks for it.
 */
import { use, useCallback, useEffect, useRef, useState } from 'react';
import './model.css';
import type { ModelOverlay } from '../../domain/catalog.ts';
import { isModelFileProblem, type ModelProblem } from '../../domain/problems.ts';
import { ModelCanvas, useRoom, type RoomPhase } from '../../scene/ModelCanvas.tsx';
import { useT } from '../context.tsx';
import { forgetFailedModels, modelFor, onOnlineAgain } from '../models.ts';
import { clampRoomScale, pinchTwist, type ScreenPoint } from './gestures.ts';

const QUARTER_TURN = Math.PI / 4;
const DEFAULT_COVER_WIDTH_MM = 150;

/** Why the model is not shown, and a way on: it comes by itself once the device is back online. */
function ModelUnavailable({ problem, onRetry }: { problem: ModelProblem; onRetry: () => void }) {
  const t = useT();
  // A refused or damaged file stays so; a download that failed comes back with the network.
  const broken = problem === 'corrupt' || isModelFileProblem(problem);
  const retry = useCallback(() => {
    forgetFailedModels();
    onRetry();
  }, [onRetry]);
  // A moment after the device is back online (models.ts waits for requests to get through).
  useEffect(() => (broken ? undefined : onOnlineAgain(onRetry)), [broken, onRetry]);
  return (
    <div role="alert" className="pack-problem">
      <p>{broken ? t('model.broken') : t('scan.modelProblem.offline')}</p>
      {!isModelFileProblem(problem) && (
        <button type="button" className="button button-quiet" onClick={retry}>
          {t('model.tryAgain')}
        </button>
      )}
    </div>
  );
}

const SCALE_STEP = 1.25;

/**
 * The room view's overlay: what is happening, buttons to turn and scale the placed model (for one
 * hand, a switch or a keyboard), and two-finger gestures over the whole picture for the same. A
 * React root of its own (XRDomOverlay), so it gets its words and actions as props.
 */
function RoomControls({
  status,
  size,
  placed,
  labels,
  onTurn,
  onScale,
  onExit,
}: {
  status: string;
  size: string;
  placed: boolean;
  labels: Record<'turnLeft' | 'turnRight' | 'smaller' | 'bigger' | 'exit' | 'controls', string>;
  onTurn: (by: number) => void;
  onScale: (by: number) => void;
  onExit: () => void;
}) {
  const fingers = useRef(new Map<number, ScreenPoint>());
  const gesture = useRef<{ a: ScreenPoint; b: ScreenPoint } | null>(null);
  const layer = useRef<HTMLDivElement>(null);

  // Two fingers on the picture are a gesture, not a tap that moves the model.
  useEffect(() => {
    const element = layer.current;
    if (!element) return;
    const keepGesture = (event: Event) => {
      if (fingers.current.size > 1) event.preventDefault();
    };
    element.addEventListener('beforexrselect', keepGesture);
    return () => {
      element.removeEventListener('beforexrselect', keepGesture);
    };
  }, []);

  const pair = (): [ScreenPoint, ScreenPoint] | null => {
    const [a, b] = [...fingers.current.values()];
    return a && b ? [a, b] : null;
  };
  return (
    <div
      ref={layer}
      className="room-gestures"
      onPointerDown={(event) => {
        fingers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
        const both = pair();
        gesture.current = both ? { a: both[0], b: both[1] } : null;
      }}
      onPointerMove={(event) => {
        if (!fingers.current.has(event.pointerId)) return;
        fingers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
        const both = pair();
        const start = gesture.current;
        if (!both || !start || !placed) return;
        const change = pinchTwist(start.a, start.b, both[0], both[1]);
        gesture.current = { a: both[0], b: both[1] };
        onScale(change.scale);
        onTurn(change.turn);
      }}
      onPointerUp={(event) => {
        fingers.current.delete(event.pointerId);
        gesture.current = null;
      }}
      onPointerCancel={(event) => {
        fingers.current.delete(event.pointerId);
        gesture.current = null;
      }}
    >
      <div className="room-bar">
        <p role="status">
          {status}
          {placed && ` ${size}`}
        </p>
        <div className="room-buttons" role="group" aria-label={labels.controls}>
          <button
            type="button"
            disabled={!placed}
            onClick={() => {
              onTurn(QUARTER_TURN);
            }}
          >
            ⟲ {labels.turnLeft}
          </button>
          <button
            type="button"
            disabled={!placed}
            onClick={() => {
              onTurn(-QUARTER_TURN);
            }}
          >
            {labels.turnRight} ⟳
          </button>
          <button
            type="button"
            disabled={!placed}
            onClick={() => {
              onScale(1 / SCALE_STEP);
            }}
          >
            − {labels.smaller}
          </button>
          <button
            type="button"
            disabled={!placed}
            onClick={() => {
              onScale(SCALE_STEP);
            }}
          >
            + {labels.bigger}
          </button>
          <button type="button" className="button" onClick={onExit}>
            {labels.exit}
          </button>
        </div>
      </div>
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
  const room = useRoom();
  const [turn, setTurn] = useState(0);
  const [roomTurn, setRoomTurn] = useState(0);
  const [roomScale, setRoomScale] = useState(1);
  const [phase, setPhase] = useState<RoomPhase>('searching');
  const [roomMessage, setRoomMessage] = useState<'inRoomFailed' | 'ended' | null>(null);
  const onPhase = useCallback((next: RoomPhase) => {
    setPhase(next);
  }, []);

  if (!result.ok) return <ModelUnavailable problem={result.problem} onRetry={onRetry} />;

  const enterRoom = () => {
    setPhase('searching');
    setRoomTurn(0);
    setRoomScale(1);
    setRoomMessage(null);
    room.enter().then(
      (started) => {
        if (!started) setRoomMessage('inRoomFailed');
      },
      () => {
        setRoomMessage('inRoomFailed');
      },
    );
  };
  const leaveRoom = () => {
    void room.leave().then(() => {
      setRoomMessage('ended');
    });
  };
  // The model as large as it looks on the cover: its scale is in cover widths.
  const sizeMetres = ((coverWidthMm ?? DEFAULT_COVER_WIDTH_MM) / 1000) * model.scale;

  return (
    <div className="model-viewer">
      <div className="model-canvas" role="img" aria-label={title}>
        <ModelCanvas
          model={result.object}
          turn={turn}
          sizeMetres={sizeMetres}
          onPhase={onPhase}
          roomTurn={roomTurn}
          roomScale={roomScale}
          overlay={
            <RoomControls
              status={t(`room.${phase}`, { title })}
              size={t('room.size', { percent: Math.round(roomScale * 100) })}
              placed={phase === 'placed'}
              labels={{
                turnLeft: t('model.turnLeft'),
                turnRight: t('model.turnRight'),
                smaller: t('room.smaller'),
                bigger: t('room.bigger'),
                exit: t('room.exit'),
                controls: t('room.controls'),
              }}
              onTurn={(by) => {
                setRoomTurn((value) => value + by);
              }}
              onScale={(by) => {
                setRoomScale((value) => clampRoomScale(value * by));
              }}
              onExit={leaveRoom}
            />
          }
        />
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
        {room.supported && (
          <button type="button" className="button" onClick={enterRoom} disabled={room.active}>
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
