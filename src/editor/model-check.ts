/**
 * Checking a 3D model before staff can place it: it must be one self-contained glTF/GLB file that
 * the visitor's phone can load and draw. Every refusal says why, in Bahasa Indonesia and English.
 * Works in the browser (the editor) and in Node (tests, catalog build).
 */
import { type Document, type PlatformIO, type Transform, WebIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
// Not textureCompress: its pixel library compiles code with Function() at load, which the app's
// Content-Security-Policy (no 'unsafe-eval') forbids. The browser's canvas resizes instead.
import { dedup, prune, quantize, weld } from '@gltf-transform/functions';
import type { Bilingual } from '../domain/langmap.ts';
import { MODEL_LIMITS } from '../domain/feed/limits.ts';
import type { ModelFileProblem } from '../domain/problems.ts';

/** The same caps the visitor's phone applies (src/domain/feed/limits.ts). */
export { MODEL_LIMITS };

export interface ModelIssue {
  readonly problem: ModelFileProblem;
  readonly message: Bilingual;
}

export interface ModelStats {
  readonly bytes: number;
  readonly triangles: number;
  readonly textures: number;
  readonly largestTexture: number;
}

export type ModelCheck =
  | { readonly ok: true; readonly document: Document; readonly stats: ModelStats }
  | { readonly ok: false; readonly issues: readonly ModelIssue[] };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function refuse(problem: ModelFileProblem, id: string, en: string): ModelCheck {
  return { ok: false, issues: [{ problem, message: { id, en } }] };
}

/** Extensions three.js cannot read without decoders that the app does not ship. */
const NEEDS_DECODER = [
  'KHR_draco_mesh_compression',
  'EXT_meshopt_compression',
  'KHR_texture_basisu',
];

interface GltfJson {
  asset?: { version?: string };
  buffers?: { uri?: string }[];
  images?: { uri?: string }[];
  extensionsRequired?: string[];
}

/** Looks at the glTF JSON before any parser does: external files, decoders, version. */
function checkJson(json: GltfJson): ModelCheck | null {
  const version = json.asset?.version ?? '';
  if (!version.startsWith('2.')) {
    return refuse(
      'old-version',
      `model ini memakai glTF versi "${version || '?'}"; ekspor ulang sebagai glTF 2.0`,
      `this model uses glTF version "${version || '?'}"; export it again as glTF 2.0`,
    );
  }
  const external = [...(json.buffers ?? []), ...(json.images ?? [])]
    .map((item) => item.uri)
    .filter((uri): uri is string => typeof uri === 'string' && !uri.startsWith('data:'));
  if (external.length > 0) {
    return refuse(
      'external-uri',
      `model ini memerlukan berkas lain (${external.slice(0, 3).join(', ')}); ekspor sebagai satu berkas .glb`,
      `this model needs other files (${external.slice(0, 3).join(', ')}); export it as a single .glb file`,
    );
  }
  const decoder = (json.extensionsRequired ?? []).filter((name) => NEEDS_DECODER.includes(name));
  if (decoder.length > 0) {
    return refuse(
      'unsupported-extension',
      `model ini dikompresi dengan ${decoder.join(', ')}, yang tidak dapat dibuka aplikasi; ekspor tanpa kompresi itu`,
      `this model is compressed with ${decoder.join(', ')}, which the app cannot open; export it without that compression`,
    );
  }
  return null;
}

const GLB_MAGIC = 0x46546c67; // "glTF"
const JSON_CHUNK = 0x4e4f534a; // "JSON"

function readGlbJson(bytes: Uint8Array): { json?: GltfJson; problem?: ModelCheck } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = refuse(
    'truncated',
    'berkas .glb ini terpotong (tidak lengkap); unduh atau ekspor ulang',
    'this .glb file is cut short (incomplete); download or export it again',
  );
  if (bytes.byteLength < 20) return { problem: truncated };
  const declared = view.getUint32(8, true);
  if (declared > bytes.byteLength) return { problem: truncated };
  const chunkLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== JSON_CHUNK || 20 + chunkLength > bytes.byteLength)
    return { problem: truncated };
  try {
    return {
      json: JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + chunkLength))) as GltfJson,
    };
  } catch {
    return {
      problem: refuse(
        'unreadable',
        'bagian JSON di dalam .glb ini rusak',
        'the JSON part inside this .glb is damaged',
      ),
    };
  }
}

function countTriangles(document: Document): number {
  let triangles = 0;
  for (const node of document.getRoot().listNodes()) {
    for (const primitive of node.getMesh()?.listPrimitives() ?? []) {
      const vertices =
        primitive.getIndices()?.getCount() ?? primitive.getAttribute('POSITION')?.getCount() ?? 0;
      const mode = primitive.getMode();
      if (mode === 4) triangles += vertices / 3;
      else if (mode === 5 || mode === 6) triangles += Math.max(0, vertices - 2);
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
  if (bytes.byteLength === 0)
    return refuse('empty', 'berkas kosong (0 byte)', 'the file is empty (0 bytes)');
  if (bytes.byteLength > MODEL_LIMITS.maxBytes) {
    return refuse(
      'too-large',
      `berkas ${mb(bytes.byteLength)} MB; batasnya ${mb(MODEL_LIMITS.maxBytes)} MB. Coba tombol Optimalkan di alat 3D Anda atau kurangi tekstur`,
      `the file is ${mb(bytes.byteLength)} MB; the limit is ${mb(MODEL_LIMITS.maxBytes)} MB. Try your 3D tool's optimise option or smaller textures`,
    );
  }
  const isGlb =
    bytes.byteLength >= 4 &&
    new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === GLB_MAGIC;
  let json: GltfJson;
  if (isGlb) {
    const read = readGlbJson(bytes);
    if (read.problem) return read.problem;
    json = read.json ?? {};
  } else {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      if (typeof parsed !== 'object' || parsed === null || !('asset' in parsed))
        throw new Error('no asset');
      json = parsed as GltfJson;
    } catch {
      return refuse(
        'not-gltf',
        'ini bukan berkas glTF atau GLB; ekspor model dari alat 3D sebagai .glb',
        'this is not a glTF or GLB file; export the model from your 3D tool as .glb',
      );
    }
  }
  const jsonProblem = checkJson(json);
  if (jsonProblem) return jsonProblem;

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
    return refuse(
      'unreadable',
      `model tidak dapat dibaca: ${detail}`,
      `the model could not be read: ${detail}`,
    );
  }

  const meshes = document.getRoot().listMeshes().length;
  if (meshes === 0) {
    return refuse(
      'no-meshes',
      'model ini tidak berisi bentuk 3D apa pun',
      'this model contains no 3D shapes',
    );
  }
  const triangles = countTriangles(document);
  if (triangles > MODEL_LIMITS.maxTriangles) {
    return refuse(
      'too-many-triangles',
      `model ini punya ${triangles.toLocaleString('id-ID')} segitiga; batasnya ${MODEL_LIMITS.maxTriangles.toLocaleString('id-ID')}. Sederhanakan (decimate) di alat 3D Anda`,
      `this model has ${triangles.toLocaleString('en-GB')} triangles; the limit is ${MODEL_LIMITS.maxTriangles.toLocaleString('en-GB')}. Simplify (decimate) it in your 3D tool`,
    );
  }
  const sizes = document
    .getRoot()
    .listTextures()
    .map((texture) => texture.getSize() ?? [0, 0]);
  const largest = Math.max(0, ...sizes.flat());
  if (largest > MODEL_LIMITS.maxTextureSide) {
    return refuse(
      'texture-too-large',
      `sebuah tekstur berukuran ${largest} piksel; batasnya ${MODEL_LIMITS.maxTextureSide}. Perkecil teksturnya di alat 3D Anda`,
      `a texture is ${largest} pixels across; the limit is ${MODEL_LIMITS.maxTextureSide}. Make it smaller in your 3D tool`,
    );
  }
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
