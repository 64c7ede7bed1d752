/**
 * A model to look at without the camera, and, on phones with WebXR, to place in the room. Its own
 * lazy chunk (three, react-three-fiber, @react-three/xr), loaded when the visitor asks for it.
 */
import { use, useCallback, useEffect, useState } from 'react';
import './model.css';
import type { ModelOverlay } from '../../domain/catalog.ts';
import { isModelFileProblem, type ModelProblem } from '../../domain/problems.ts';
import { ModelCanvas, useRoom, type RoomPhase } from '../../scene/ModelCanvas.tsx';
import { useT } from '../context.tsx';
import { forgetFailedModels, modelFor, onOnlineAgain } from '../models.ts';

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
  const [phase, setPhase] = useState<RoomPhase>('searching');
  const [roomMessage, setRoomMessage] = useState<'inRoomFailed' | 'ended' | null>(null);
  const onPhase = useCallback((next: RoomPhase) => {
    setPhase(next);
  }, []);

  if (!result.ok) return <ModelUnavailable problem={result.problem} onRetry={onRetry} />;

  const enterRoom = () => {
    setPhase('searching');
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
          overlay={
            <>
              <p role="status">{t(`room.${phase}`, { title })}</p>
              <button type="button" className="button" onClick={leaveRoom}>
                {t('room.exit')}
              </button>
            </>
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
