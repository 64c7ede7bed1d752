/** Small GLB models built in tests, and the demo's own, for the model checks. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import { EXTMeshGPUInstancing } from '@gltf-transform/extensions';
import { ROOT } from './demo-feed.ts';

const io = new NodeIO().registerExtensions([EXTMeshGPUInstancing]);
export const demoModel = () =>
  new Uint8Array(readFileSync(path.join(ROOT, 'public/demo/models/boat.glb')));

/** A one-triangle model, optionally with extra parts, written as GLB. */
export async function glb(build?: (doc: Document) => void): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const position = doc
    .createAccessor()
    .setType('VEC3')
    .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]))
    .setBuffer(buffer);
  const mesh = doc
    .createMesh()
    .addPrimitive(doc.createPrimitive().setAttribute('POSITION', position));
  doc.createScene().addChild(doc.createNode().setMesh(mesh));
  build?.(doc);
  return io.writeBinary(doc);
}

/** Rewrites the JSON chunk of a GLB. */
export function withJson(bytes: Uint8Array, edit: (json: Record<string, any>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + length)));
  edit(json);
  let text = JSON.stringify(json);
  while (text.length % 4) text += ' ';
  const jsonBytes = new TextEncoder().encode(text);
  const rest = bytes.subarray(20 + length);
  const out = new Uint8Array(20 + jsonBytes.length + rest.length);
  out.set(bytes.subarray(0, 20));
  out.set(jsonBytes, 20);
  out.set(rest, 20 + jsonBytes.length);
  const outView = new DataView(out.buffer);
  outView.setUint32(8, out.length, true);
  outView.setUint32(12, jsonBytes.length, true);
  return out;
}

/** `triangles` triangles drawn `instances` times with EXT_mesh_gpu_instancing: a small file. */
export function instanced(triangles: number, instances: number): Promise<Uint8Array> {
  return glb((doc) => {
    const buffer = doc.getRoot().listBuffers()[0]!;
    const primitive = doc.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    primitive.setIndices(
      doc
        .createAccessor()
        .setType('SCALAR')
        .setArray(new Uint32Array(triangles * 3).map((_, i) => i % 3))
        .setBuffer(buffer),
    );
    const translations = doc
      .createAccessor()
      .setType('VEC3')
      .setArray(new Float32Array(instances * 3).map((_, i) => i))
      .setBuffer(buffer);
    const extension = doc.createExtension(EXTMeshGPUInstancing).setRequired(true);
    doc
      .getRoot()
      .listNodes()[0]!
      .setExtension(
        'EXT_mesh_gpu_instancing',
        extension.createInstancedMesh().setAttribute('TRANSLATION', translations),
      );
  });
}
