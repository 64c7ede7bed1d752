/**
 * Checking a 3D model before staff can place it: it must be one self-contained glTF/GLB file that
 * the visitor's phone can load and draw. Every refusal says why, in Bahasa Indonesia and English.
 * Works in the browser (the editor) and in Node (tests, catalog build).
 */
import { type Document, type PlatformIO, type Transform, WebIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS, type InstancedMesh } from '@gltf-transform/extensions';
// Not textureCompress: its pixel library compiles code with Function() at load, which the app's
// Content-Security-Policy (no 'unsafe-eval') forbids. The browser's canvas resizes instead.
import { dedup, prune, quantize, weld } from '@gltf-transform/functions';
import { MODEL_LIMITS } from '../domain/feed/limits.ts';
import {
  checkModelFigures,
  checkModelFile,
  modelIssue,
  type ModelIssue,
} from '../domain/model-file.ts';

/** The same caps the visitor's phone applies (src/domain/feed/limits.ts). */
export { MODEL_LIMITS };

export type { ModelIssue };

export interface ModelStats {
  readonly bytes: number;
  readonly triangles: number;
  readonly textures: number;
  readonly largestTexture: number;
}

export type ModelCheck =
  | { readonly ok: true; readonly document: Document; readonly stats: ModelStats }
  | { readonly ok: false; readonly issues: readonly ModelIssue[] };

const refused = (issue: ModelIssue): ModelCheck => ({ ok: false, issues: [issue] });

/** Triangles as the phone draws them: every node that uses a mesh, every instance of it. */
function countTriangles(document: Document): number {
  let triangles = 0;
  for (const node of document.getRoot().listNodes()) {
    const instancing = node.getExtension<InstancedMesh>('EXT_mesh_gpu_instancing');
    const instances = instancing?.listAttributes()[0]?.getCount() ?? 1;
    for (const primitive of node.getMesh()?.listPrimitives() ?? []) {
      const vertices =
        primitive.getIndices()?.getCount() ?? primitive.getAttribute('POSITION')?.getCount() ?? 0;
      const mode = primitive.getMode();
      if (mode === 4) triangles += (vertices / 3) * instances;
      else if (mode === 5 || mode === 6) triangles += Math.max(0, vertices - 2) * instances;
    }
  }
  return Math.round(triangles);
}

export function modelIO(): PlatformIO {
  return new WebIO().registerExtensions(ALL_EXTENSIONS);
}

/** Checks a model file; on success returns it parsed, with its figures. */
export async function checkModel(
  bytes: Uint8Array,
  io: PlatformIO = modelIO(),
): Promise<ModelCheck> {
  const file = checkModelFile(bytes);
  if (!file.ok) return refused(file.issue);
  const { isGlb, json } = file;

  let document: Document;
  try {
    document = isGlb
      ? await io.readBinary(bytes)
      : await io.readJSON({
          json: json as Parameters<PlatformIO['readJSON']>[0]['json'],
          resources: {},
        });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refused(
      modelIssue(
        'unreadable',
        `model tidak dapat dibaca: ${detail}`,
        `the model could not be read: ${detail}`,
      ),
    );
  }

  const triangles = countTriangles(document);
  const sizes = document
    .getRoot()
    .listTextures()
    .map((texture) => texture.getSize() ?? [0, 0]);
  const largest = Math.max(0, ...sizes.flat());
  const figures = checkModelFigures({
    meshes: document.getRoot().listMeshes().length,
    triangles,
    largestTexture: largest,
  });
  if (figures) return refused(figures);
  return {
    ok: true,
    document,
    stats: { bytes: bytes.byteLength, triangles, textures: sizes.length, largestTexture: largest },
  };
}

/** Scales textures down to `maxSide` with the browser's canvas; in Node (no canvas) they stay. */
function resizeTextures(maxSide: number): Transform {
  // Document.transform awaits each transform, though the Transform type says void.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  return async (document) => {
    if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return;
    for (const texture of document.getRoot().listTextures()) {
      const size = texture.getSize();
      const image = texture.getImage();
      if (!size || !image) continue;
      const scale = maxSide / Math.max(...size);
      if (scale >= 1) continue;
      const [width, height] = size.map((side) => Math.max(1, Math.round(side * scale))) as [
        number,
        number,
      ];
      const bitmap = await createImageBitmap(
        new Blob([image.slice()], { type: texture.getMimeType() }),
      );
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
      bitmap.close();
      const type = texture.getMimeType() === 'image/jpeg' ? 'image/jpeg' : 'image/png';
      const blob = await canvas.convertToBlob({ type, quality: 0.85 });
      texture.setImage(new Uint8Array(await blob.arrayBuffer())).setMimeType(type);
    }
  };
}

/**
 * Makes a model lighter for phones: merges duplicates, drops unused data, welds vertices,
 * scales textures to at most 1024 px (in the browser), quantises geometry.
 */
export async function optimiseModel(
  document: Document,
  io: PlatformIO = modelIO(),
): Promise<Uint8Array> {
  await document.transform(dedup(), prune(), weld(), resizeTextures(1024), quantize());
  return io.writeBinary(document);
}

export async function writeModel(
  document: Document,
  io: PlatformIO = modelIO(),
): Promise<Uint8Array> {
  return io.writeBinary(document);
}
