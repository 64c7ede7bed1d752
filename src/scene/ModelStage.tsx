/**
 * A book's or story's model on its own, to look at without a camera (turntable view), and the same
 * model placed in the room in a WebXR `immersive-ar` session: a ring marks the surface the phone
 * points at, a tap puts the model there. Draws from props and per-frame refs; no I/O.
 */
import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useXR, useXRHitTest } from '@react-three/xr';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Box3, Matrix4, Quaternion, Vector3, type Group, type Mesh, type Object3D } from 'three';
import { normalisedCopy } from './gltf.ts';

/** The model normalised to a largest side of 1, standing on y = 0 instead of centred on it. */
function standingCopy(object: Object3D): Object3D {
  const copy = normalisedCopy(object);
  const box = new Box3().setFromObject(copy);
  copy.position.y -= box.min.y;
  return copy;
}

/** The turntable: the model one unit tall-ish on the origin, turned by the page's buttons. */
export function TurntableModel({ object, turn }: { object: Object3D; turn: number }) {
  const copy = useMemo(() => normalisedCopy(object), [object]);
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    invalidate();
  }, [turn, invalidate]);
  return (
    <>
      <hemisphereLight args={['#fff8ee', '#4a3a2a', 1.6]} />
      <directionalLight position={[0.6, 1, 1]} intensity={1.8} />
      <group rotation={[0, turn, 0]}>
        <primitive object={copy} />
      </group>
      <OrbitControls makeDefault enablePan={false} minDistance={0.8} maxDistance={4} />
    </>
  );
}

export type RoomPhase = 'searching' | 'surface' | 'placed';

// A hit counts as a floor or table when its normal is within about 45° of straight up.
const UPWARD = 0.7;
const up = new Vector3();
const hitRotation = new Quaternion();
const scratch = new Vector3();

function facesUp(hitMatrix: Matrix4): boolean {
  // WebXR hit-test poses point their y axis along the surface normal.
  hitMatrix.decompose(scratch, hitRotation, up);
  up.set(0, 1, 0).applyQuaternion(hitRotation);
  return up.y > UPWARD;
}

/**
 * In an AR session: a ring where the phone's centre ray meets a floor or table, and on each tap
 * (the session's `select`) the model stands there, `sizeMetres` at its largest side, facing the
 * visitor. Hit results stay in refs; only a change of phase reaches the page.
 */
export function RoomPlacement({
  object,
  sizeMetres,
  turn,
  scale,
  onPhase,
}: {
  object: Object3D;
  sizeMetres: number;
  /** The visitor's own turn (radians) on top of facing them, and scale (factor). */
  turn: number;
  scale: number;
  onPhase: (phase: RoomPhase) => void;
}) {
  /** The angle that faced the visitor when the model was placed. */
  const facing = useRef(0);
  const copy = useMemo(() => standingCopy(object), [object]);
  const reticle = useRef<Mesh>(null);
  const placed = useRef<Group>(null);
  const hitRef = useRef({ found: false, matrix: new Matrix4(), point: new Vector3() });
  const phase = useRef<RoomPhase>('searching');
  const camera = useThree((state) => state.camera);
  const session = useXR((state) => state.session);

  const report = useRef(onPhase);
  useEffect(() => {
    report.current = onPhase;
  }, [onPhase]);
  const setPhase = useCallback((next: RoomPhase) => {
    if (phase.current === next) return;
    phase.current = next;
    report.current(next);
  }, []);

  // Turning and scaling are the visitor's taps and gestures, not per-frame poses: props are fine.
  const turnRef = useRef(turn);
  useEffect(() => {
    turnRef.current = turn;
    placed.current?.rotation.set(0, facing.current + turn, 0);
  }, [turn]);

  useXRHitTest((results, getWorldMatrix) => {
    const hit = hitRef.current;
    const first = results[0];
    hit.found = first !== undefined && getWorldMatrix(hit.matrix, first) && facesUp(hit.matrix);
    if (hit.found) hit.point.setFromMatrixPosition(hit.matrix);
  }, 'viewer');

  useFrame(() => {
    const ring = reticle.current;
    const hit = hitRef.current;
    if (!ring) return;
    ring.visible = hit.found;
    if (hit.found) ring.position.copy(hit.point);
    if (phase.current === 'searching' && hit.found) setPhase('surface');
  });

  useEffect(() => {
    if (!session) return;
    const place = () => {
      const hit = hitRef.current;
      const node = placed.current;
      if (!hit.found || !node) return;
      node.position.copy(hit.point);
      // Turn the model to face the visitor, upright whatever the phone's tilt.
      facing.current = Math.atan2(camera.position.x - hit.point.x, camera.position.z - hit.point.z);
      node.rotation.set(0, facing.current + turnRef.current, 0);
      node.visible = true;
      setPhase('placed');
    };
    session.addEventListener('select', place);
    return () => {
      session.removeEventListener('select', place);
    };
  }, [session, camera, setPhase]);

  return (
    <>
      <hemisphereLight args={['#fff8ee', '#4a3a2a', 1.6]} />
      <directionalLight position={[0.6, 2, 1]} intensity={1.8} />
      <mesh ref={reticle} rotation={[-Math.PI / 2, 0, 0]} visible={false}>
        <ringGeometry args={[0.06, 0.08, 32]} />
        <meshBasicMaterial color="#ffffff" />
      </mesh>
      <group ref={placed} visible={false} scale={sizeMetres * scale}>
        <primitive object={copy} />
      </group>
    </>
  );
}
