/**
 * What can be known about a 3D model file before any 3D library reads it: is it a GLB or glTF,
 * complete, glTF 2.0, self-contained (no external files) and free of compression the app cannot
 * decode? Pure byte and JSON checks, shared by the staff editor (before publishing) and the
 * visitor's phone (before parsing a model a feed names). Each refusal says why, in both languages.
 */
import { MODEL_LIMITS } from './feed/limits.ts';
import type { Bilingual } from './langmap.ts';
import type { ModelFileProblem } from './problems.ts';

export interface ModelIssue {
  readonly problem: ModelFileProblem;
  readonly message: Bilingual;
}

/** The glTF JSON fields these checks read; anything else is left to the 3D library. */
export interface GltfJson {
  asset?: { version?: string };
  buffers?: { uri?: string }[];
  images?: { uri?: string }[];
  extensionsRequired?: string[];
}

export type ModelFileCheck =
  | { readonly ok: true; readonly isGlb: boolean; readonly json: GltfJson }
  | { readonly ok: false; readonly issue: ModelIssue };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function modelIssue(problem: ModelFileProblem, id: string, en: string): ModelIssue {
  return { problem, message: { id, en } };
}

const refuse = (problem: ModelFileProblem, id: string, en: string): ModelFileCheck => ({
  ok: false,
  issue: modelIssue(problem, id, en),
});

/** Extensions three.js cannot read without decoders that the app does not ship. */
const NEEDS_DECODER = [
  'KHR_draco_mesh_compression',
  'EXT_meshopt_compression',
  'KHR_texture_basisu',
];

const GLB_MAGIC = 0x46546c67; // "glTF"
const JSON_CHUNK = 0x4e4f534a; // "JSON"

function readGlbJson(bytes: Uint8Array): ModelFileCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = refuse(
    'truncated',
    'berkas .glb ini terpotong (tidak lengkap); unduh atau ekspor ulang',
    'this .glb file is cut short (incomplete); download or export it again',
  );
  if (bytes.byteLength < 20) return truncated;
  const declared = view.getUint32(8, true);
  if (declared > bytes.byteLength) return truncated;
  const chunkLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== JSON_CHUNK || 20 + chunkLength > bytes.byteLength)
    return truncated;
  try {
    const json: unknown = JSON.parse(
      new TextDecoder().decode(bytes.subarray(20, 20 + chunkLength)),
    );
    if (typeof json !== 'object' || json === null) throw new Error('not an object');
    return { ok: true, isGlb: true, json: json };
  } catch {
    return refuse(
      'unreadable',
      'bagian JSON di dalam .glb ini rusak',
      'the JSON part inside this .glb is damaged',
    );
  }
}

/** Looks at the glTF JSON before any parser does: external files, decoders, version. */
function checkJson(json: GltfJson): ModelIssue | null {
  const version = typeof json.asset?.version === 'string' ? json.asset.version : '';
  if (!version.startsWith('2.')) {
    return modelIssue(
      'old-version',
      `model ini memakai glTF versi "${version || '?'}"; ekspor ulang sebagai glTF 2.0`,
      `this model uses glTF version "${version || '?'}"; export it again as glTF 2.0`,
    );
  }
  const listed = (list: unknown) => (Array.isArray(list) ? (list as unknown[]) : []);
  const external = [...listed(json.buffers), ...listed(json.images)]
    .map((item) =>
      typeof item === 'object' && item !== null ? (item as { uri?: unknown }).uri : undefined,
    )
    .filter((uri): uri is string => typeof uri === 'string' && !uri.startsWith('data:'));
  if (external.length > 0) {
    return modelIssue(
      'external-uri',
      `model ini memerlukan berkas lain (${external.slice(0, 3).join(', ')}); ekspor sebagai satu berkas .glb`,
      `this model needs other files (${external.slice(0, 3).join(', ')}); export it as a single .glb file`,
    );
  }
  const decoder = listed(json.extensionsRequired).filter(
    (name): name is string => typeof name === 'string' && NEEDS_DECODER.includes(name),
  );
  if (decoder.length > 0) {
    return modelIssue(
      'unsupported-extension',
      `model ini dikompresi dengan ${decoder.join(', ')}, yang tidak dapat dibuka aplikasi; ekspor tanpa kompresi itu`,
      `this model is compressed with ${decoder.join(', ')}, which the app cannot open; export it without that compression`,
    );
  }
  return null;
}

/** Checks a model file's bytes: size, format, completeness and what its JSON asks for. */
export function checkModelFile(bytes: Uint8Array): ModelFileCheck {
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
  let read: ModelFileCheck;
  if (isGlb) read = readGlbJson(bytes);
  else {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      if (typeof parsed !== 'object' || parsed === null || !('asset' in parsed))
        throw new Error('no asset');
      read = { ok: true, isGlb: false, json: parsed as GltfJson };
    } catch {
      read = refuse(
        'not-gltf',
        'ini bukan berkas glTF atau GLB; ekspor model dari alat 3D sebagai .glb',
        'this is not a glTF or GLB file; export the model from your 3D tool as .glb',
      );
    }
  }
  if (!read.ok) return read;
  const problem = checkJson(read.json);
  return problem ? { ok: false, issue: problem } : read;
}

/** The caps on what a parsed model holds, counted by the 3D library of each side. */
export function checkModelFigures(figures: {
  readonly triangles: number;
  readonly largestTexture: number;
  readonly meshes: number;
}): ModelIssue | null {
  if (figures.meshes === 0) {
    return modelIssue(
      'no-meshes',
      'model ini tidak berisi bentuk 3D apa pun',
      'this model contains no 3D shapes',
    );
  }
  const triangles = Math.round(figures.triangles);
  if (triangles > MODEL_LIMITS.maxTriangles) {
    return modelIssue(
      'too-many-triangles',
      `model ini punya ${triangles.toLocaleString('id-ID')} segitiga; batasnya ${MODEL_LIMITS.maxTriangles.toLocaleString('id-ID')}. Sederhanakan (decimate) di alat 3D Anda`,
      `this model has ${triangles.toLocaleString('en-GB')} triangles; the limit is ${MODEL_LIMITS.maxTriangles.toLocaleString('en-GB')}. Simplify (decimate) it in your 3D tool`,
    );
  }
  if (figures.largestTexture > MODEL_LIMITS.maxTextureSide) {
    return modelIssue(
      'texture-too-large',
      `sebuah tekstur berukuran ${figures.largestTexture} piksel; batasnya ${MODEL_LIMITS.maxTextureSide}. Perkecil teksturnya di alat 3D Anda`,
      `a texture is ${figures.largestTexture} pixels across; the limit is ${MODEL_LIMITS.maxTextureSide}. Make it smaller in your 3D tool`,
    );
  }
  return null;
}
