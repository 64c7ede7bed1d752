/** Turns verified GLB bytes into a three.js object. CPU work only: the bytes come from src/data. */
import {
  Box3,
  Group,
  InstancedMesh,
  Mesh,
  Texture,
  Vector3,
  type Material,
  type Object3D,
} from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';

const loader = new GLTFLoader();

/** A parsed model, as pages hold it: they pass it back to scene components and never look inside. */
export type SceneModel = Object3D;

export function parseGlb(buffer: ArrayBuffer): Promise<SceneModel> {
  return new Promise((resolve, reject) => {
    loader.parse(
      buffer,
      '',
      (gltf) => {
        resolve(gltf.scene);
      },
      (error) => {
        reject(new Error('The GLB file could not be read', { cause: error }));
      },
    );
  });
}

/**
 * A copy of the model, centred on the origin and scaled so its largest side is 1 (one cover
 * width), with its own materials so its opacity can fade without touching other copies.
 */
export function normalisedCopy(source: Object3D): Object3D {
  const copy = source.clone(true);
  copy.traverse((object) => {
    if (object instanceof Mesh) {
      const material = object.material as Material | Material[];
      object.material = Array.isArray(material) ? material.map((m) => m.clone()) : material.clone();
    }
  });
  const box = new Box3().setFromObject(copy);
  const size = box.getSize(new Vector3());
  const largest = Math.max(size.x, size.y, size.z) || 1;
  copy.position.copy(box.getCenter(new Vector3())).negate();
  const holder = new Group();
  holder.add(copy);
  holder.scale.setScalar(1 / largest);
  return holder;
}

/** Sets the opacity of every material under `root`. */
export function setOpacity(root: Object3D, opacity: number): void {
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    const materials = (
      Array.isArray(object.material) ? object.material : [object.material]
    ) as Material[];
    for (const material of materials) {
      material.transparent = opacity < 1;
      material.opacity = opacity;
      material.depthWrite = opacity >= 1;
    }
  });
}

/**
 * What a parsed model asks of the phone: meshes, triangles drawn (every instance of an instanced
 * mesh counts) and the largest texture side, for the caps in domain/model-file.ts.
 */
export function modelFigures(root: SceneModel): {
  meshes: number;
  triangles: number;
  largestTexture: number;
} {
  let meshes = 0;
  let triangles = 0;
  let largestTexture = 0;
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    meshes++;
    const geometry = object.geometry as Mesh['geometry'];
    // three's types say both exist; a geometry without an index or positions does occur.
    const index = geometry.index as { count: number } | null;
    const positions = geometry.getAttribute('position') as { count: number } | undefined;
    const vertices = index?.count ?? positions?.count ?? 0;
    const instances = object instanceof InstancedMesh ? object.count : 1;
    triangles += (vertices / 3) * instances;
    const materials = (
      Array.isArray(object.material) ? object.material : [object.material]
    ) as Material[];
    for (const material of materials) {
      for (const value of Object.values(material)) {
        if (!(value instanceof Texture)) continue;
        const image = value.image as { width?: number; height?: number } | null;
        largestTexture = Math.max(largestTexture, image?.width ?? 0, image?.height ?? 0);
      }
    }
  });
  return { meshes, triangles, largestTexture };
}
