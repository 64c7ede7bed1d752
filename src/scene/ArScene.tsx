/**
 * The AR layer: a transparent react-three-fiber canvas over the camera picture. Each recognised
 * target gets an anchor whose matrix is copied from its pose slot in `useFrame`; React renders
 * only when the set of targets or their content changes.
 */
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import {
  createContext,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
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
import type { Placement } from '../domain/placement.ts';
import { frameBudget } from './frame-budget.ts';
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

const AnchorOpacity = createContext<RefObject<number> | null>(null);
/** Asks for a drawing within the canvas's frame budget (see `frame-budget.ts`). */
const RequestFrame = createContext<() => void>(() => undefined);
const INTRO_MS = 700;

/**
 * How far a pose must move before the scene is drawn again: rotation terms are unitless, the
 * translation is in target pixels (about two screen pixels each at arm's length).
 */
const ROTATION_EPSILON = 0.001;
const TRANSLATION_EPSILON = 0.2;

function moved(a: Float32Array, b: Float32Array): boolean {
  for (let i = 0; i < 16; i++) {
    const limit = i >= 12 ? TRANSLATION_EPSILON : ROTATION_EPSILON;
    if (Math.abs((a[i] as number) - (b[i] as number)) > limit) return true;
  }
  return false;
}

/**
 * Draws a frame when the tracker has processed one and a visible pose has really moved: a cover
 * held still costs no drawing, which leaves the phone's time to the tracker.
 */
function FrameDriver({
  subscribe,
  poses,
}: {
  subscribe: (listener: () => void) => () => void;
  poses: () => Iterable<PoseSource>;
}) {
  const requestFrame = useContext(RequestFrame);
  useLayoutEffect(() => {
    const drawn = new Map<PoseSource, { matrix: Float32Array; tracked: boolean }>();
    return subscribe(() => {
      let changed = false;
      for (const pose of poses()) {
        const last = drawn.get(pose);
        if (!last) {
          drawn.set(pose, { matrix: Float32Array.from(pose.matrix), tracked: pose.tracked });
          changed ||= pose.tracked;
        } else if (
          last.tracked !== pose.tracked ||
          (pose.tracked && moved(last.matrix, pose.matrix))
        ) {
          last.matrix.set(pose.matrix);
          last.tracked = pose.tracked;
          changed = true;
        }
      }
      if (changed) requestFrame();
    });
  }, [subscribe, poses, requestFrame]);
  return null;
}

/** Gives the canvas's children one frame budget; `minIntervalMs` 0 draws on every request. */
function FrameBudgetProvider({
  minIntervalMs,
  children,
}: {
  minIntervalMs: number;
  children: ReactNode;
}) {
  const invalidate = useThree((state) => state.invalidate);
  const budget = useMemo(
    () =>
      frameBudget(() => {
        invalidate();
      }, minIntervalMs),
    [invalidate, minIntervalMs],
  );
  useLayoutEffect(
    () => () => {
      budget.cancel();
    },
    [budget],
  );
  return <RequestFrame value={budget.request}>{children}</RequestFrame>;
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
  const requestFrame = useContext(RequestFrame);
  useFrame(() => {
    const node = group.current;
    if (!node) return;
    opacity.current = overlayOpacity(pose, performance.now(), reduce);
    // Fading after a loss needs frames that no camera frame will ask for.
    if (!pose.tracked && opacity.current > 0) requestFrame();
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
  placement: Placement;
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
  const introStart = useRef<number | null>(null);
  const requestFrame = useContext(RequestFrame);
  useFrame(() => {
    const value = opacity?.current ?? 1;
    if (Math.abs(value - lastOpacity.current) > 0.01) {
      setOpacity(copy, value);
      lastOpacity.current = value;
    }
    // Each time the cover is found the model turns in once, showing that it is 3D; then it rests,
    // so a still cover needs no redrawing. No turn for visitors who ask for less motion.
    const node = spin.current;
    if (!node) return;
    if (value <= 0.01) {
      introStart.current = null;
      return;
    }
    introStart.current ??= performance.now();
    const t = reduce ? 1 : Math.min(1, (performance.now() - introStart.current) / INTRO_MS);
    const eased = 1 - (1 - t) ** 3;
    node.rotation.y = (1 - eased) * -Math.PI * 0.75;
    node.scale.setScalar(0.6 + 0.4 * eased);
    if (t < 1) requestFrame();
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

const CARD_MARGIN = 8;
const clamp = (value: number, min: number, max: number) =>
  Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Moves a DOM element (a card the page renders) to a point of the target, `at` target widths
 * above its centre, each frame: upright and readable, shown while the anchor is. The element stays in
 * the page's own React tree, so it keeps its context, styles and accessibility.
 */
export function ScreenAnchor({ element, at }: { element: () => HTMLElement | null; at: number }) {
  const opacity = useContext(AnchorOpacity);
  const point = useRef<Group>(null);
  const position = useMemo(() => new Vector3(), []);
  const camera = useThree((state) => state.camera);
  const size = useThree((state) => state.size);
  useFrame(() => {
    const card = element();
    const node = point.current;
    if (!card || !node) return;
    const value = opacity?.current ?? 1;
    // The card shows or hides at once while the model fades: text drawn half transparent falls
    // below 4.5:1 contrast (axe caught a fading card's button in the scan view).
    card.style.visibility = value > 0.01 ? 'visible' : 'hidden';
    if (value <= 0.01) return;
    position.setFromMatrixPosition(node.matrixWorld).project(camera);
    // Keep the whole card on screen when its cover is near an edge.
    const halfWidth = card.offsetWidth / 2 + CARD_MARGIN;
    const halfHeight = card.offsetHeight / 2 + CARD_MARGIN;
    const x = clamp(((position.x + 1) / 2) * size.width, halfWidth, size.width - halfWidth);
    const y = clamp(((1 - position.y) / 2) * size.height, halfHeight, size.height - halfHeight);
    card.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) translate(-50%, -50%)`;
  });
  return <group ref={point} position={[0, at, 0]} />;
}

/**
 * Shows the canvas only while an anchor is on screen. A full-screen layer over the camera
 * picture is blended again for every camera frame even when it is empty; where the browser
 * composites in software, that blending and reading the canvas back cost the tracker's CPU time
 * (traced: docs/recognition.md). It works out the anchors' opacity as they do.
 */
function HideWhenEmpty({ poses }: { poses: () => Iterable<PoseSource> }) {
  const reduce = useMemo(() => reducedMotion(), []);
  useFrame(({ gl }) => {
    const now = performance.now();
    let shown = false;
    for (const pose of poses()) shown ||= overlayOpacity(pose, now, reduce) > 0.01;
    const visibility = shown ? 'visible' : 'hidden';
    if (gl.domElement.style.visibility !== visibility) gl.domElement.style.visibility = visibility;
  });
  return null;
}

/**
 * Whether the canvas's own WebGL draws on the CPU (SwiftShader, llvmpipe): Chrome falls back to
 * it on phones whose GPU it blocks. Every drawn pixel then costs CPU time that the tracker needs.
 */
function softwareRendering(gl: WebGLRenderingContext | WebGL2RenderingContext): boolean {
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    return /swiftshader|llvmpipe|software/i.test(renderer);
  } catch {
    return false;
  }
}

export function ArCanvas({
  projection,
  input,
  subscribeFrames,
  poses,
  children,
}: {
  projection: readonly number[];
  input: { width: number; height: number };
  /** Called with a listener to run after each processed camera frame. */
  subscribeFrames: (listener: () => void) => () => void;
  /** The current pose slots, read after each camera frame. */
  poses: () => Iterable<PoseSource>;
  children: ReactNode;
}) {
  // Read from the canvas's own context once it exists: a second context only to ask would cost as
  // much as the first (tens of milliseconds of the page's thread in software WebGL).
  const [software, setSoftware] = useState(false);
  return (
    <Canvas
      className="ar-canvas"
      frameloop="demand"
      gl={{ alpha: true, antialias: false, powerPreference: 'low-power' }}
      onCreated={({ gl }) => {
        if (softwareRendering(gl.getContext())) setSoftware(true);
      }}
      // Half resolution when drawing happens on the CPU: the overlay is soft anyway.
      dpr={software ? 0.5 : [1, 2]}
      camera={{ position: [0, 0, 0], near: 1, far: 100000 }}
      aria-hidden="true"
    >
      <ArCamera projection={projection} input={input} />
      {/* In software WebGL, drawing competes with the tracker for the CPU: at most 15 drawings a
          second, whatever asks for them (the camera, the model's turn-in, a fade). */}
      <FrameBudgetProvider minIntervalMs={software ? 1000 / 15 : 0}>
        <FrameDriver subscribe={subscribeFrames} poses={poses} />
        <HideWhenEmpty poses={poses} />
        <hemisphereLight args={['#fff8ee', '#4a3a2a', 1.6]} />
        <directionalLight position={[0.4, 1, 1]} intensity={1.8} />
        {children}
      </FrameBudgetProvider>
    </Canvas>
  );
}
