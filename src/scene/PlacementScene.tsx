/**
 * The editor's placement preview: the cover as a textured plane (one unit wide, as the AR anchor),
 * the model on it where the feed will put it, and a gizmo to move, turn and scale it.
 */
import { OrbitControls, TransformControls } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { type ThreeEvent } from '@react-three/fiber';
import {
  DoubleSide,
  MathUtils,
  Plane,
  SRGBColorSpace,
  Texture,
  Vector3,
  type Group,
  type Object3D,
} from 'three';
import type { Placement } from '../domain/placement.ts';
import { normalisedCopy } from './gltf.ts';

/** What a drag does: move the model (drag it across the cover, or the gizmo), turn it, scale it, or turn the view. */
export type GizmoMode = 'translate' | 'rotate' | 'scale' | 'view';

/** `picture` must be decoded with `imageOrientation: 'flipY'`. */
function Cover({ picture, aspect }: { picture: ImageBitmap | null; aspect: number }) {
  const texture = useMemo(() => {
    if (!picture) return null;
    const made = new Texture(picture);
    made.colorSpace = SRGBColorSpace;
    made.flipY = false;
    made.needsUpdate = true;
    return made;
  }, [picture]);
  useEffect(() => () => texture?.dispose(), [texture]);
  return (
    <mesh rotation={[0, 0, 0]}>
      <planeGeometry args={[1, aspect]} />
      {texture ? (
        // The bitmap comes pre-flipped (imageOrientation: 'flipY'): WebGL ignores flipY for bitmaps.
        <meshBasicMaterial map={texture} side={DoubleSide} />
      ) : (
        <meshBasicMaterial color="#d9cbb3" side={DoubleSide} />
      )}
    </mesh>
  );
}

function PlacedModelEditor({
  object,
  placement,
  mode,
  snap,
  onChange,
}: {
  object: Object3D;
  placement: Placement;
  mode: GizmoMode;
  snap: boolean;
  onChange: (placement: Placement) => void;
}) {
  const group = useRef<Group>(null);
  const copy = useMemo(() => normalisedCopy(object), [object]);
  // The gizmo moves the group directly; React only writes the feed's values back into it.
  useEffect(() => {
    const node = group.current;
    if (!node) return;
    node.position.set(...placement.position);
    node.rotation.set(
      ...(placement.rotation.map((deg) => MathUtils.degToRad(deg)) as [number, number, number]),
      'XYZ',
    );
    node.scale.setScalar(placement.scale);
  }, [placement]);
  const round = (value: number, digits = 3) => Number(value.toFixed(digits));
  const report = () => {
    const node = group.current;
    if (!node) return;
    onChange({
      position: [round(node.position.x), round(node.position.y), round(node.position.z)],
      rotation: [
        round(MathUtils.radToDeg(node.rotation.x), 1),
        round(MathUtils.radToDeg(node.rotation.y), 1),
        round(MathUtils.radToDeg(node.rotation.z), 1),
      ],
      scale: round((node.scale.x + node.scale.y + node.scale.z) / 3),
    });
  };
  // Dragging the model itself slides it across the cover, at its height above it.
  const dragging = useRef<{ plane: Plane; offset: Vector3 } | null>(null);
  const slide = (event: ThreeEvent<PointerEvent>) => {
    const drag = dragging.current;
    const node = group.current;
    if (!drag || !node) return;
    event.stopPropagation();
    const hit = new Vector3();
    if (event.ray.intersectPlane(drag.plane, hit)) {
      node.position.x = hit.x + drag.offset.x;
      node.position.y = hit.y + drag.offset.y;
    }
  };
  return (
    <>
      <group
        ref={group}
        onPointerDown={(event) => {
          const node = group.current;
          if (mode !== 'translate' || !node) return;
          event.stopPropagation();
          (event.target as Element).setPointerCapture(event.pointerId);
          const plane = new Plane(new Vector3(0, 0, 1), -node.position.z);
          const hit = new Vector3();
          event.ray.intersectPlane(plane, hit);
          dragging.current = { plane, offset: node.position.clone().sub(hit) };
        }}
        onPointerMove={slide}
        onPointerUp={() => {
          if (!dragging.current) return;
          dragging.current = null;
          report();
        }}
      >
        <primitive object={copy} />
      </group>
      <TransformControls
        object={group as RefObject<Object3D>}
        mode={mode === 'view' ? 'translate' : mode}
        showX={mode !== 'view'}
        showY={mode !== 'view'}
        showZ={mode !== 'view'}
        enabled={mode !== 'view'}
        translationSnap={snap ? 0.05 : null}
        rotationSnap={snap ? MathUtils.degToRad(15) : null}
        scaleSnap={snap ? 0.1 : null}
        onMouseUp={report}
      />
    </>
  );
}

export function PlacementScene({
  picture,
  aspect,
  object,
  placement,
  mode,
  snap,
  onChange,
  outOfRange = false,
}: {
  picture: ImageBitmap | null;
  /** Cover height / width. */
  aspect: number;
  object: Object3D | null;
  placement: Placement;
  mode: GizmoMode;
  snap: boolean;
  onChange: (placement: Placement) => void;
  /** The placement is outside PLACEMENT_RANGES. */
  outOfRange?: boolean;
}) {
  return (
    <Canvas
      className="placement-canvas"
      data-out-of-range={outOfRange || undefined}
      camera={{ position: [0.6, 0.5, 1.8], fov: 45, near: 0.01, far: 100 }}
    >
      {/* Tinted when the placement is outside the sensible ranges, beside the fields' warnings. */}
      <color attach="background" args={[outOfRange ? '#f6d3cb' : '#f3ece0']} />
      <hemisphereLight args={['#fff8ee', '#4a3a2a', 1.6]} />
      <directionalLight position={[0.4, 1, 1]} intensity={1.8} />
      <Cover picture={picture} aspect={aspect} />
      {object && (
        <PlacedModelEditor
          object={object}
          placement={placement}
          mode={mode}
          snap={snap}
          onChange={onChange}
        />
      )}
      {/* Turning the view is its own mode, so a drag meant for the model never turns the view. */}
      <OrbitControls makeDefault enabled={mode === 'view'} />
    </Canvas>
  );
}
