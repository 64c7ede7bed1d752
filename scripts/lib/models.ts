/**
 * Builds the demo library's small GLB models from three.js primitives, written with glTF-Transform.
 * Each model stands on the XZ plane, faces +Z and is a few units across; the app normalises its
 * size to the cover, so the units here do not matter.
 */
import {
  Document,
  Logger,
  NodeIO,
  type Material,
  type Node as GltfNode,
} from '@gltf-transform/core';
import { KHRMeshQuantization } from '@gltf-transform/extensions';
import { dedup, prune, quantize, weld } from '@gltf-transform/functions';
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

interface Paint {
  readonly color: string;
  readonly metalness?: number;
  readonly roughness?: number;
}

/** Collects parts by paint and writes one mesh per paint. */
class ModelBuilder {
  private readonly parts = new Map<string, { paint: Paint; geometries: THREE.BufferGeometry[] }>();

  add(
    geometry: THREE.BufferGeometry,
    paint: Paint,
    place?: (object: THREE.Object3D) => void,
  ): this {
    const holder = new THREE.Object3D();
    place?.(holder);
    holder.updateMatrix();
    const placed = geometry.getIndex() === null ? geometry.clone() : geometry.toNonIndexed();
    placed.applyMatrix4(holder.matrix);
    for (const name of Object.keys(placed.attributes)) {
      if (name !== 'position' && name !== 'normal') placed.deleteAttribute(name);
    }
    const key = `${paint.color}/${paint.metalness ?? 0}/${paint.roughness ?? 0.7}`;
    const entry = this.parts.get(key) ?? { paint, geometries: [] };
    entry.geometries.push(placed);
    this.parts.set(key, entry);
    return this;
  }

  async toGlb(name: string): Promise<Uint8Array> {
    const document = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
    document.createBuffer();
    const scene = document.createScene(name);
    const root: GltfNode = document.createNode(name);
    scene.addChild(root);
    let index = 0;
    for (const { paint, geometries } of this.parts.values()) {
      // Typed as never null, but it returns null when parts disagree on attributes.
      const merged = mergeGeometries(geometries, false) as THREE.BufferGeometry | null;
      if (!merged) throw new Error(`${name}: could not merge parts`);
      const color = new THREE.Color(paint.color);
      const material: Material = document
        .createMaterial(`${name}-paint-${index}`)
        .setBaseColorFactor([color.r, color.g, color.b, 1])
        .setMetallicFactor(paint.metalness ?? 0)
        .setRoughnessFactor(paint.roughness ?? 0.7)
        // Sails, fins and flat shapes have one face: show both sides.
        .setDoubleSided(true);
      const position = merged.getAttribute('position') as THREE.BufferAttribute;
      const normal = merged.getAttribute('normal') as THREE.BufferAttribute;
      const primitive = document
        .createPrimitive()
        .setAttribute(
          'POSITION',
          document.createAccessor().setType('VEC3').setArray(new Float32Array(position.array)),
        )
        .setAttribute(
          'NORMAL',
          document.createAccessor().setType('VEC3').setArray(new Float32Array(normal.array)),
        )
        .setMaterial(material);
      const mesh = document.createMesh(`${name}-${index}`).addPrimitive(primitive);
      root.addChild(document.createNode(`${name}-part-${index}`).setMesh(mesh));
      index++;
    }
    // Shared vertices and 16-bit positions keep every model well under its 300 KB budget.
    await document.transform(weld(), dedup(), prune(), quantize());
    return new NodeIO().registerExtensions([KHRMeshQuantization]).writeBinary(document);
  }
}

const deg = THREE.MathUtils.degToRad;

function cakalang(): ModelBuilder {
  // Skipjack: a spindle body, dark blue back, silver belly with dark stripes, forked tail.
  const body = new THREE.LatheGeometry(
    Array.from({ length: 14 }, (_, i) => {
      const t = i / 13;
      return new THREE.Vector2(Math.sin(Math.PI * t) * 0.55 * (1 - 0.35 * t), t * 3 - 1.5);
    }),
    20,
  );
  const tail = new THREE.ExtrudeGeometry(
    new THREE.Shape([
      new THREE.Vector2(0, 0),
      new THREE.Vector2(0.7, 0.75),
      new THREE.Vector2(0.45, 0),
      new THREE.Vector2(0.7, -0.75),
    ]),
    { depth: 0.05, bevelEnabled: false },
  );
  const fin = new THREE.ExtrudeGeometry(
    new THREE.Shape([
      new THREE.Vector2(0, 0),
      new THREE.Vector2(0.5, 0.45),
      new THREE.Vector2(0.7, 0),
    ]),
    { depth: 0.04, bevelEnabled: false },
  );
  const fish = new ModelBuilder()
    .add(body, { color: '#1d3b6e', metalness: 0.3, roughness: 0.4 }, (o) => {
      o.rotation.set(0, 0, deg(90));
      o.scale.set(1, 1, 0.75);
    })
    .add(
      new THREE.SphereGeometry(0.5, 16, 8, 0, Math.PI * 2, Math.PI / 2, Math.PI / 2),
      {
        color: '#d9dde3',
        metalness: 0.5,
        roughness: 0.3,
      },
      (o) => {
        o.scale.set(2.6, 0.7, 0.72);
        o.position.set(-0.1, 0.05, 0);
      },
    )
    .add(tail, { color: '#1d3b6e', metalness: 0.3 }, (o) => o.position.set(1.45, 0, -0.025))
    .add(fin, { color: '#223f70' }, (o) => o.position.set(-0.4, 0.42, -0.02))
    .add(fin, { color: '#223f70' }, (o) => {
      o.position.set(0.3, -0.4, -0.02);
      o.rotation.set(deg(180), 0, 0);
      o.scale.set(0.7, 0.7, 1);
    });
  for (let i = 0; i < 4; i++) {
    fish.add(new THREE.BoxGeometry(2.2 - i * 0.3, 0.035, 0.02), { color: '#29324a' }, (o) => {
      o.position.set(-0.05 + i * 0.05, -0.12 - i * 0.08, 0.36 - i * 0.02);
    });
  }
  return fish
    .add(new THREE.SphereGeometry(0.09, 12, 8), { color: '#f2f2f2' }, (o) =>
      o.position.set(-1.15, 0.1, 0.3),
    )
    .add(new THREE.SphereGeometry(0.05, 10, 6), { color: '#111111' }, (o) =>
      o.position.set(-1.18, 0.1, 0.37),
    );
}

function tarsier(): ModelBuilder {
  const fur = { color: '#8a6a4a', roughness: 0.9 };
  const model = new ModelBuilder()
    .add(new THREE.SphereGeometry(0.5, 24, 16), fur, (o) => {
      o.scale.set(0.9, 1.15, 0.85);
      o.position.set(0, 0.75, 0);
    })
    .add(new THREE.SphereGeometry(0.42, 24, 16), fur, (o) => o.position.set(0, 1.55, 0.05))
    .add(
      new THREE.TubeGeometry(
        new THREE.CatmullRomCurve3([
          new THREE.Vector3(0, 0.4, -0.4),
          new THREE.Vector3(0, 0.05, -0.9),
          new THREE.Vector3(0, 0.15, -1.6),
          new THREE.Vector3(0, 0.5, -2.1),
        ]),
        24,
        0.05,
        8,
      ),
      fur,
    )
    .add(new THREE.SphereGeometry(0.09, 10, 8), { color: '#6b4f35' }, (o) =>
      o.position.set(0, 0.55, -2.15),
    );
  for (const side of [-1, 1]) {
    model
      .add(new THREE.SphereGeometry(0.2, 20, 14), { color: '#f0e6c8', roughness: 0.2 }, (o) =>
        o.position.set(side * 0.18, 1.6, 0.36),
      )
      .add(new THREE.SphereGeometry(0.12, 16, 10), { color: '#1b120a', roughness: 0.1 }, (o) =>
        o.position.set(side * 0.19, 1.6, 0.48),
      )
      .add(new THREE.ConeGeometry(0.16, 0.35, 12), { color: '#a07e5c' }, (o) => {
        o.position.set(side * 0.3, 1.95, -0.05);
        o.rotation.set(0, 0, side * -0.4);
      })
      .add(new THREE.CylinderGeometry(0.06, 0.05, 0.9, 8), fur, (o) => {
        o.position.set(side * 0.35, 0.35, 0.2);
        o.rotation.set(deg(-30), 0, side * 0.3);
      })
      .add(new THREE.CylinderGeometry(0.05, 0.04, 0.7, 8), fur, (o) => {
        o.position.set(side * 0.32, 1.0, 0.4);
        o.rotation.set(deg(60), 0, 0);
      });
  }
  return model.add(new THREE.CylinderGeometry(0.07, 0.07, 3, 10), { color: '#4a3a22' }, (o) => {
    o.position.set(0, 0.5, 0.35);
    o.rotation.set(0, 0, deg(90));
  });
}

function kolintang(): ModelBuilder {
  const model = new ModelBuilder().add(
    new THREE.BoxGeometry(3.2, 0.7, 1.3),
    { color: '#6b3e1f' },
    (o) => o.position.set(0, 0.35, 0),
  );
  for (let i = 0; i < 12; i++) {
    const length = 1.25 - i * 0.05;
    model.add(
      new THREE.BoxGeometry(0.2, 0.06, length),
      { color: i % 2 ? '#c8904f' : '#b07a3c' },
      (o) => o.position.set(-1.4 + i * 0.255, 0.75, 0),
    );
  }
  for (const side of [-1, 1]) {
    model
      .add(new THREE.CylinderGeometry(0.025, 0.025, 1, 8), { color: '#3d2b1f' }, (o) => {
        o.position.set(side * 0.5, 1.0, 0.9);
        o.rotation.set(deg(60), 0, side * 0.2);
      })
      .add(new THREE.SphereGeometry(0.08, 12, 8), { color: '#d7c9a7' }, (o) =>
        o.position.set(side * 0.55, 0.8, 0.5),
      );
  }
  return model;
}

function boat(): ModelBuilder {
  const hull = new THREE.LatheGeometry(
    Array.from(
      { length: 12 },
      (_, i) => new THREE.Vector2(Math.sin((Math.PI * i) / 11) * 0.45, i * 0.36 - 2),
    ),
    16,
    0,
    Math.PI,
  );
  const model = new ModelBuilder()
    .add(hull, { color: '#2a6f97' }, (o) => {
      o.rotation.set(deg(90), deg(90), 0);
      o.position.set(0, 0.45, 0);
    })
    .add(new THREE.BoxGeometry(3.6, 0.06, 0.85), { color: '#e9c46a' }, (o) =>
      o.position.set(0, 0.45, 0),
    )
    .add(new THREE.CylinderGeometry(0.04, 0.05, 2.2, 8), { color: '#5a4632' }, (o) =>
      o.position.set(0.2, 1.5, 0),
    );
  for (const side of [-1, 1]) {
    model
      .add(new THREE.CylinderGeometry(0.07, 0.07, 3.4, 10), { color: '#f1faee' }, (o) => {
        o.position.set(0, 0.15, side * 1.3);
        o.rotation.set(0, 0, deg(90));
      })
      .add(new THREE.CylinderGeometry(0.03, 0.03, 1.4, 6), { color: '#5a4632' }, (o) => {
        o.position.set(-0.9, 0.35, side * 0.7);
        o.rotation.set(deg(90), 0, 0);
      })
      .add(new THREE.CylinderGeometry(0.03, 0.03, 1.4, 6), { color: '#5a4632' }, (o) => {
        o.position.set(0.9, 0.35, side * 0.7);
        o.rotation.set(deg(90), 0, 0);
      });
  }
  const sail = new THREE.Shape([
    new THREE.Vector2(0, 0),
    new THREE.Vector2(1.3, 0),
    new THREE.Vector2(0, 1.8),
  ]);
  return model.add(new THREE.ShapeGeometry(sail), { color: '#e76f51' }, (o) =>
    o.position.set(0.25, 0.65, 0.02),
  );
}

function shield(): ModelBuilder {
  // A tall, narrow Minahasa shield, red with black and white bands.
  const outline = new THREE.Shape();
  outline.moveTo(0, -1.6);
  outline.quadraticCurveTo(0.55, -1.2, 0.5, 0);
  outline.quadraticCurveTo(0.55, 1.2, 0, 1.6);
  outline.quadraticCurveTo(-0.55, 1.2, -0.5, 0);
  outline.quadraticCurveTo(-0.55, -1.2, 0, -1.6);
  const model = new ModelBuilder().add(
    new THREE.ExtrudeGeometry(outline, {
      depth: 0.12,
      bevelEnabled: true,
      bevelSize: 0.03,
      bevelThickness: 0.03,
    }),
    { color: '#b5121b' },
  );
  for (const y of [-1, 0, 1]) {
    model.add(new THREE.BoxGeometry(0.9, 0.08, 0.04), { color: '#111111' }, (o) =>
      o.position.set(0, y, 0.17),
    );
  }
  for (const y of [-0.5, 0.5]) {
    model.add(new THREE.OctahedronGeometry(0.16), { color: '#f5f0e1' }, (o) => {
      o.position.set(0, y, 0.17);
      o.scale.set(1, 1.4, 0.3);
    });
  }
  return model;
}

function hornbill(): ModelBuilder {
  const black = { color: '#151515', roughness: 0.6 };
  const model = new ModelBuilder()
    .add(new THREE.SphereGeometry(0.6, 20, 14), black, (o) => {
      o.scale.set(1, 0.8, 1.6);
      o.position.set(0, 1, 0);
    })
    .add(new THREE.SphereGeometry(0.35, 18, 12), { color: '#d9a441' }, (o) =>
      o.position.set(0, 1.6, 0.7),
    )
    .add(new THREE.ConeGeometry(0.2, 1.1, 14), { color: '#f2d16b' }, (o) => {
      o.position.set(0, 1.5, 1.45);
      o.rotation.set(deg(100), 0, 0);
    })
    .add(new THREE.SphereGeometry(0.2, 14, 10), { color: '#b8332a' }, (o) => {
      o.scale.set(0.7, 1, 1.8);
      o.position.set(0, 1.85, 1.05);
    })
    .add(new THREE.BoxGeometry(0.7, 0.06, 1.4), { color: '#f4f1e8' }, (o) => {
      o.position.set(0, 0.9, -1.3);
      o.rotation.set(deg(-15), 0, 0);
    });
  for (const side of [-1, 1]) {
    model
      .add(new THREE.SphereGeometry(0.5, 14, 10), black, (o) => {
        o.scale.set(0.25, 0.7, 1.5);
        o.position.set(side * 0.55, 1.05, -0.1);
      })
      .add(new THREE.CylinderGeometry(0.05, 0.05, 0.6, 8), { color: '#3c3c3c' }, (o) =>
        o.position.set(side * 0.2, 0.3, 0),
      )
      .add(new THREE.SphereGeometry(0.06, 10, 8), { color: '#e8e2c8' }, (o) =>
        o.position.set(side * 0.2, 1.7, 0.95),
      );
  }
  return model;
}

function crane(): ModelBuilder {
  const steel = { color: '#e07a1f', metalness: 0.4, roughness: 0.5 };
  const model = new ModelBuilder();
  for (const x of [-1, 1]) {
    for (const z of [-0.6, 0.6]) {
      model.add(new THREE.BoxGeometry(0.15, 2.6, 0.15), steel, (o) => o.position.set(x, 1.3, z));
    }
    model.add(new THREE.BoxGeometry(0.2, 0.15, 1.5), steel, (o) => o.position.set(x, 2.6, 0));
  }
  return model
    .add(new THREE.BoxGeometry(4.6, 0.25, 0.35), steel, (o) => o.position.set(0.8, 2.8, 0))
    .add(new THREE.BoxGeometry(0.5, 0.4, 0.45), { color: '#f4f4f4' }, (o) =>
      o.position.set(0.2, 2.45, 0),
    )
    .add(new THREE.CylinderGeometry(0.015, 0.015, 1.2, 6), { color: '#333333' }, (o) =>
      o.position.set(2.3, 2.1, 0),
    )
    .add(new THREE.BoxGeometry(0.9, 0.45, 0.45), { color: '#2a9d8f' }, (o) =>
      o.position.set(2.3, 1.3, 0),
    )
    .add(new THREE.BoxGeometry(3.2, 0.1, 2.2), { color: '#6c757d' }, (o) =>
      o.position.set(0.4, 0.05, 0),
    );
}

function book(): ModelBuilder {
  return new ModelBuilder()
    .add(new THREE.BoxGeometry(1.6, 0.3, 2.2), { color: '#f7f3e8', roughness: 0.9 }, (o) =>
      o.position.set(0.02, 0.2, 0),
    )
    .add(new THREE.BoxGeometry(1.7, 0.05, 2.3), { color: '#8d1c2b' }, (o) =>
      o.position.set(0, 0.03, 0),
    )
    .add(new THREE.BoxGeometry(1.7, 0.05, 2.3), { color: '#8d1c2b' }, (o) =>
      o.position.set(0, 0.38, 0),
    )
    .add(new THREE.BoxGeometry(0.08, 0.4, 2.3), { color: '#6e1320' }, (o) =>
      o.position.set(-0.83, 0.2, 0),
    )
    .add(new THREE.BoxGeometry(0.9, 0.01, 0.25), { color: '#e9c46a', metalness: 0.6 }, (o) =>
      o.position.set(0.05, 0.41, -0.5),
    );
}

function octopus(): ModelBuilder {
  const skin = { color: '#c8553d', roughness: 0.5 };
  const model = new ModelBuilder().add(new THREE.SphereGeometry(0.6, 24, 16), skin, (o) => {
    o.scale.set(1, 1.25, 1);
    o.position.set(0, 1.3, 0);
  });
  for (let i = 0; i < 8; i++) {
    const angle = (i / 8) * Math.PI * 2;
    const dir = new THREE.Vector3(Math.cos(angle), 0, Math.sin(angle));
    const points = [0, 1, 2, 3, 4].map((step) => {
      const reach = 0.3 + step * 0.45;
      const curl = step === 4 ? 0.25 : 0;
      return new THREE.Vector3(
        dir.x * reach - dir.z * curl,
        0.75 - step * 0.17 + (step === 4 ? 0.2 : 0),
        dir.z * reach + dir.x * curl,
      );
    });
    model.add(
      new THREE.TubeGeometry(new THREE.CatmullRomCurve3(points), 20, 0.09 - i * 0.002, 8),
      skin,
    );
  }
  for (const side of [-1, 1]) {
    model
      .add(new THREE.SphereGeometry(0.13, 14, 10), { color: '#f6e7a1' }, (o) =>
        o.position.set(side * 0.25, 1.25, 0.5),
      )
      .add(new THREE.BoxGeometry(0.16, 0.04, 0.05), { color: '#111111' }, (o) =>
        o.position.set(side * 0.26, 1.25, 0.62),
      );
  }
  return model;
}

function volcano(): ModelBuilder {
  const slope = new THREE.LatheGeometry(
    [
      new THREE.Vector2(0.45, 1.4),
      new THREE.Vector2(0.6, 1.5),
      new THREE.Vector2(1.2, 0.8),
      new THREE.Vector2(2.2, 0.1),
      new THREE.Vector2(2.3, 0),
    ],
    32,
  );
  return new ModelBuilder()
    .add(slope, { color: '#4a4036', roughness: 1 })
    .add(
      new THREE.CylinderGeometry(0.47, 0.3, 0.1, 24),
      { color: '#ff6b1a', roughness: 0.3 },
      (o) => o.position.set(0, 1.35, 0),
    )
    .add(new THREE.DodecahedronGeometry(0.35), { color: '#1e1b18', roughness: 1 }, (o) => {
      o.position.set(0.9, 0.55, 0.9);
      o.scale.set(1.3, 0.8, 1);
    })
    .add(
      new THREE.TubeGeometry(
        new THREE.CatmullRomCurve3([
          new THREE.Vector3(0.3, 1.45, 0.35),
          new THREE.Vector3(0.8, 0.9, 0.9),
          new THREE.Vector3(1.4, 0.4, 1.3),
          new THREE.Vector3(2.0, 0.08, 1.6),
        ]),
        24,
        0.09,
        8,
      ),
      { color: '#ff8c1a', roughness: 0.3 },
    )
    .add(new THREE.CircleGeometry(2.6, 40), { color: '#2f5d50' }, (o) =>
      o.rotation.set(deg(-90), 0, 0),
    );
}

export const MODELS = {
  cakalang,
  tarsier,
  kolintang,
  boat,
  shield,
  hornbill,
  crane,
  book,
  octopus,
  volcano,
} as const;

export type ModelName = keyof typeof MODELS;

export function buildModel(name: ModelName): Promise<Uint8Array> {
  return MODELS[name]().toGlb(name);
}
