import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { checkModel, MODEL_LIMITS } from '../../src/editor/model-check.ts';
import type { ModelFileProblem as ModelProblem } from '../../src/domain/problems.ts';
import { ROOT } from '../helpers/demo-feed.ts';
import { demoModel, glb, instanced, withJson } from '../helpers/glb.ts';

const io = new NodeIO();

async function expectRefused(bytes: Uint8Array, problem: ModelProblem, id: RegExp, en: RegExp) {
  const result = await checkModel(bytes);
  expect(result.ok, `expected ${problem}`).toBe(false);
  if (result.ok) return;
  expect(result.issues[0]?.problem).toBe(problem);
  expect(result.issues[0]?.message.id).toMatch(id);
  expect(result.issues[0]?.message.en).toMatch(en);
}

describe('model files staff import', () => {
  it('accepts a demo model and reports its figures', async () => {
    const result = await checkModel(demoModel());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.stats.triangles).toBeGreaterThan(100);
  });

  it('refuses an empty file', async () => {
    await expectRefused(new Uint8Array(0), 'empty', /kosong/, /empty/);
  });

  it('refuses a truncated GLB', async () => {
    const whole = demoModel();
    await expectRefused(
      whole.subarray(0, Math.floor(whole.length / 2)),
      'truncated',
      /terpotong/,
      /cut short/,
    );
  });

  it('refuses a file over the size limit', async () => {
    const huge = new Uint8Array(MODEL_LIMITS.maxBytes + 1024);
    huge.set(demoModel());
    await expectRefused(huge, 'too-large', /batasnya 8\.0 MB/, /limit is 8\.0 MB/);
  });

  it('refuses something that is not glTF at all (a JPEG)', async () => {
    const jpeg = new Uint8Array(readFileSync(path.join(ROOT, 'public/demo/covers/matilda.jpg')));
    await expectRefused(jpeg, 'not-gltf', /bukan berkas glTF/, /not a glTF/);
  });

  it('refuses plain text pretending to be a model', async () => {
    await expectRefused(
      new TextEncoder().encode('hello, this is not a model'),
      'not-gltf',
      /\.glb/,
      /\.glb/,
    );
  });

  it('refuses a .gltf that points at an external .bin file', async () => {
    const json = { asset: { version: '2.0' }, buffers: [{ uri: 'model.bin', byteLength: 36 }] };
    await expectRefused(
      new TextEncoder().encode(JSON.stringify(json)),
      'external-uri',
      /model\.bin/,
      /single \.glb/,
    );
  });

  it('refuses a GLB whose texture is a link to another site', async () => {
    const bytes = withJson(await glb(), (json) => {
      json.images = [{ uri: 'https://tracker.example/pixel.png' }];
    });
    await expectRefused(bytes, 'external-uri', /tracker\.example/, /other files/);
  });

  it('refuses a javascript: URI hidden in a buffer', async () => {
    const json = {
      asset: { version: '2.0' },
      buffers: [{ uri: 'javascript:alert(1)', byteLength: 4 }],
    };
    await expectRefused(
      new TextEncoder().encode(JSON.stringify(json)),
      'external-uri',
      /javascript:alert/,
      /other files/,
    );
  });

  it('refuses a Draco-compressed model the app cannot decode', async () => {
    const bytes = withJson(await glb(), (json) => {
      json.extensionsUsed = ['KHR_draco_mesh_compression'];
      json.extensionsRequired = ['KHR_draco_mesh_compression'];
    });
    await expectRefused(
      bytes,
      'unsupported-extension',
      /KHR_draco_mesh_compression/,
      /cannot open/,
    );
  });

  it('refuses glTF 1.0', async () => {
    await expectRefused(
      new TextEncoder().encode('{"asset": {"version": "1.0"}}'),
      'old-version',
      /versi "1\.0"/,
      /glTF 2\.0/,
    );
  });

  it('refuses a GLB whose JSON is damaged', async () => {
    const bytes = await glb();
    bytes[20] = 0x78; // 'x' where the JSON's opening brace was
    await expectRefused(bytes, 'unreadable', /rusak/, /damaged/);
  });

  it('refuses a model with no shapes', async () => {
    const doc = new Document();
    doc.createScene().addChild(doc.createNode('empty'));
    await expectRefused(
      await io.writeBinary(doc),
      'no-meshes',
      /tidak berisi bentuk 3D/,
      /no 3D shapes/,
    );
  });

  it('refuses an absurd triangle count', async () => {
    // 200,000 triangles that all reuse three vertices: small file, heavy to draw.
    const bytes = await glb((doc) => {
      const primitive = doc.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
      const indices = new Uint32Array(200_000 * 3).map((_, i) => i % 3);
      primitive.setIndices(
        doc
          .createAccessor()
          .setType('SCALAR')
          .setArray(indices)
          .setBuffer(doc.getRoot().listBuffers()[0]!),
      );
    });
    await expectRefused(bytes, 'too-many-triangles', /200\.000 segitiga/, /200,000 triangles/);
  });

  it('counts every instance of an instanced mesh', async () => {
    // 1,000 triangles drawn 200 times: a tiny file, 200,000 triangles on the phone.
    await expectRefused(
      await instanced(1000, 200),
      'too-many-triangles',
      /200\.000 segitiga/,
      /200,000 triangles/,
    );
    const light = await checkModel(await instanced(100, 20));
    expect(light.ok && light.stats.triangles).toBe(2000);
  });

  it('refuses a 4096-pixel texture', async () => {
    const canvas = createCanvas(4096, 4096);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#0b4f6c';
    ctx.fillRect(0, 0, 4096, 4096);
    const png = new Uint8Array(canvas.toBuffer('image/png'));
    const bytes = await glb((doc) => {
      const texture = doc.createTexture('big').setImage(png).setMimeType('image/png');
      doc
        .getRoot()
        .listMeshes()[0]!
        .listPrimitives()[0]!
        .setMaterial(doc.createMaterial().setBaseColorTexture(texture));
    });
    await expectRefused(bytes, 'texture-too-large', /4096 piksel/, /4096 pixels/);
  });
});
