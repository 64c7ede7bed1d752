/**
 * The AR layer: a transparent react-three-fiber canvas over the camera picture. Each recognised
 * target gets an anchor whose matrix is copied from its pose slot in `useFrame`; React renders
 * only when the set of targets or their content changes.
 */
import { Html } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import {
  createContext,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  type ReactNode,
  type RefObject,
} from 'react';
import {
  Euler,
  Matrix4,
  MathUtils,
  Quaternion,
  Vector3,
  type Group,
  type Object3D,
  type PerspectiveCamera,
} from 'three';
import { normalisedCopy, setOpacity } from './gltf.ts';
import { cameraForView, overlayOpacity } from './projection.ts';

/** What the scene reads of a pose slot (see src/tracking/engine.ts). */
export interface PoseSource {
  readonly matrix: Float32Array;
  readonly width: number;
  readonly height: number;
  readonly tracked: boolean;
  readonly foundAt: number;
  readonly lastSeen: number;
}

export interface ModelPlacement {
  readonly position: readonly [number, number, number];
  readonly rotation: readonly [number, number, number];
  readonly scale: number;
}

const AnchorOpacity = createContext<RefObject<number> | null>(null);

/** Renders a frame whenever the tracker has processed one, and otherwise not at all. */
function FrameDriver({ subscribe }: { subscribe: (listener: () => void) => () => void }) {
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(
    () =>
      subscribe(() => {
        invalidate();
      }),
    [subscribe, invalidate],
  );
  return null;
}

function ArCamera({
  projection,
  input,
}: {
  projection: readonly number[];
  input: { width: number; height: number };
}) {
  const get = useThree((state) => state.get);
  const size = useThree((state) => state.size);
  useLayoutEffect(() => {
    // three.js objects are mutable by design; the camera is r3f's default perspective camera.
    const camera = get().camera as PerspectiveCamera;
    const params = cameraForView(projection, input, size);
    camera.fov = params.fov;
    camera.near = params.near;
    camera.far = params.far;
    camera.aspect = params.aspect;
    camera.position.set(0, 0, 0);
    camera.rotation.set(0, 0, 0);
    camera.updateProjectionMatrix();
  }, [get, projection, input, size]);
  return null;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Follows one target: its matrix, centred on the target and scaled to one target width. */
export function TargetAnchor({ pose, children }: { pose: PoseSource; children: ReactNode }) {
  const group = useRef<Group>(null);
  const opacity = useRef(0);
  const centre = useMemo(() => new Matrix4(), []);
  const reduce = useMemo(() => reducedMotion(), []);
  const invalidate = useThree((state) => state.invalidate);
  useFrame(() => {
    const node = group.current;
    if (!node) return;
    opacity.current = overlayOpacity(pose, performance.now(), reduce);
    // Fading after a loss needs frames that no camera frame will ask for.
    if (!pose.tracked && opacity.current > 0) invalidate();
    node.visible = opacity.current > 0.01;
    if (!node.visible) return;
    // mind-ar's origin is the target's bottom-left corner, in its pixels.
    centre
      .makeScale(pose.width, pose.width, pose.width)
      .setPosition(pose.width / 2, pose.height / 2, 0);
    node.matrix.fromArray(pose.matrix).multiply(centre);
    node.matrixWorldNeedsUpdate = true;
  });
  return (
    <group ref={group} matrixAutoUpdate={false} visible={false}>
      <AnchorOpacity value={opacity}>{children}</AnchorOpacity>
    </group>
  );
}

/** A model placed on the cover as the feed says: position in cover widths, rotation in degrees. */
export function PlacedModel({
  object,
  placement,
  label,
}: {
  object: Object3D;
  placement: ModelPlacement;
  label: string;
}) {
  const opacity = useContext(AnchorOpacity);
  const spin = useRef<Group>(null);
  const copy = useMemo(() => normalisedCopy(object), [object]);
  const reduce = useMemo(() => reducedMotion(), []);
  const rotation = useMemo(
    () =>
      new Quaternion().setFromEuler(
        new Euler(
          ...(placement.rotation.map((deg) => MathUtils.degToRad(deg)) as [number, number, number]),
          'XYZ',
        ),
      ),
    [placement.rotation],
  );
  const lastOpacity = useRef(-1);
  useFrame((_, delta) => {
    const value = opacity?.current ?? 1;
    if (Math.abs(value - lastOpacity.current) > 0.01) {
      setOpacity(copy, value);
      lastOpacity.current = value;
    }
    // A slow turn shows the model is 3D; still for visitors who ask for less motion.
    if (spin.current && !reduce) spin.current.rotation.y += delta * 0.5;
  });
  return (
    <group
      name={label}
      position={new Vector3(...placement.position)}
      quaternion={rotation}
      scale={placement.scale}
    >
      <group ref={spin}>
        <primitive object={copy} />
      </group>
    </group>
  );
}

/**
 * DOM content anchored to a point of the target (`at` cover widths above its centre), upright and
 * readable, fading with the anchor.
 */
export function AnchoredCard({ children, at }: { children: ReactNode; at: number }) {
  const opacity = useContext(AnchorOpacity);
  const card = useRef<HTMLDivElement>(null);
  useFrame(() => {
    const element = card.current;
    if (!element) return;
    const value = opacity?.current ?? 1;
    element.style.opacity = value.toFixed(2);
    element.style.visibility = value > 0.01 ? 'visible' : 'hidden';
  });
  return (
    <Html position={[0, at, 0]} center zIndexRange={[20, 10]}>
      <div ref={card} className="ar-card" style={{ opacity: 0 }}>
        {children}
      </div>
    </Html>
  );
}

export function ArCanvas({
  projection,
  input,
  subscribeFrames,
  children,
}: {
  projection: readonly number[];
  input: { width: number; height: number };
  /** Called with a listener to run after each processed camera frame. */
  subscribeFrames: (listener: () => void) => () => void;
  children: ReactNode;
}) {
  return (
    <Canvas
      className="ar-canvas"
      frameloop="demand"
      gl={{ alpha: true, antialias: true, powerPreference: 'low-power' }}
      dpr={[1, 2]}
      camera={{ position: [0, 0, 0], near: 1, far: 100000 }}
      aria-hidden="true"
    >
      <ArCamera projection={projection} input={input} />
      <FrameDriver subscribe={subscribeFrames} />
      <hemisphereLight args={['#fff8ee', '#4a3a2a', 1.6]} />
      <directionalLight position={[0.4, 1, 1]} intensity={1.8} />
      {children}
    </Canvas>
  );
}
