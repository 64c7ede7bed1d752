/**
 * The dependency rule of ARCHITECTURE.md cannot silently weaken: for every layer in
 * eslint.layers.js, a fixture that imports each other layer is linted as if it lived in that layer,
 * and ESLint must refuse exactly the imports the table does not allow. I/O globals outside src/data
 * and src/sw, and the packages that belong to one layer (three, mind-ar), are checked the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, STORAGE_GLOBALS, STORAGE_OWNERS } from '../../eslint.layers.js';
import { ROOT } from '../helpers/demo-feed.ts';

let eslint: ESLint;

beforeAll(() => {
  // Fixtures are not on disk, so the type-aware parser cannot see them: lint without types.
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [
      tseslint.configs.disableTypeChecked,
      { languageOptions: { parserOptions: { projectService: false } } },
    ],
  });
});

/** Lints `code` as if it were a file in `folder`; returns the rule ids reported, by line. */
async function lintAs(folder: string, code: string): Promise<Map<number, string[]>> {
  const [result] = await eslint.lintText(code, {
    filePath: path.join(ROOT, folder, 'lint-fixture.ts'),
  });
  const byLine = new Map<number, string[]>();
  for (const message of result?.messages ?? []) {
    if (message.fatal) throw new Error(message.message);
    byLine.set(message.line, [...(byLine.get(message.line) ?? []), message.ruleId ?? '']);
  }
  return byLine;
}

/** A real file of each layer to import (the resolver must find it to know its layer). */
function someFileOf(layerPath: string): string {
  const inside = Object.values(LAYERS)
    .map((layer) => layer.path)
    .filter((other) => other.startsWith(`${layerPath}/`));
  const walk = (dir: string): string | undefined => {
    const entries = readdirSync(path.join(ROOT, dir), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        return `${dir}/${entry.name}`;
    }
    for (const entry of entries) {
      const sub = `${dir}/${entry.name}`;
      if (entry.isDirectory() && !inside.includes(sub)) {
        const found = walk(sub);
        if (found) return found;
      }
    }
    return undefined;
  };
  const file = walk(layerPath);
  if (!file) throw new Error(`no source file in ${layerPath}`);
  return file;
}

const names = Object.keys(LAYERS);

describe.each(names)('files in the %s layer', (name) => {
  const layer = LAYERS[name] as (typeof LAYERS)[string];

  it('import exactly the layers the table allows, type-only imports included', async () => {
    const others = names.filter((other) => other !== name);
    const lines = others.map((other, i) => {
      const target = someFileOf((LAYERS[other] as (typeof LAYERS)[string]).path);
      const specifier = path
        .relative(path.join(ROOT, layer.path), path.join(ROOT, target))
        .split(path.sep)
        .join('/');
      // Alternate value and type-only imports: the rule must hold for both.
      return i % 2 === 0
        ? `import * as m${i} from '${specifier.startsWith('.') ? specifier : `./${specifier}`}';\nvoid m${i};`
        : `import type * as m${i} from '${specifier.startsWith('.') ? specifier : `./${specifier}`}';\nexport type T${i} = typeof m${i};`;
    });
    const reported = await lintAs(layer.path, lines.join('\n'));
    const refused = others.filter((_, i) =>
      (reported.get(i * 2 + 1) ?? []).includes('boundaries/dependencies'),
    );
    const expected = others.filter((other) => !layer.layers.includes(other));
    expect(refused.sort()).toEqual(expected.sort());
  });
});

describe('I/O globals', () => {
  const code = [
    ...STORAGE_GLOBALS.map((name) => `void ${name};`),
    ...STORAGE_GLOBALS.map((name) => `void window.${name};`),
    ...STORAGE_GLOBALS.map((name) => `void globalThis.${name};`),
  ].join('\n');
  const lineCount = STORAGE_GLOBALS.length * 3;
  const sourceLayers = Object.values(LAYERS)
    .map((layer) => layer.path)
    .filter((folder) => folder.startsWith('src/'));

  it.each(sourceLayers.filter((folder) => !STORAGE_OWNERS.some((o) => folder.startsWith(o))))(
    'are refused in %s',
    async (folder) => {
      const reported = await lintAs(folder, code);
      for (let line = 1; line <= lineCount; line++) {
        expect(reported.get(line) ?? [], `line ${line} in ${folder}`).toEqual(
          expect.arrayContaining([expect.stringMatching(/^no-restricted-(globals|properties)$/)]),
        );
      }
    },
  );

  it.each(STORAGE_OWNERS)('are allowed in %s', async (folder) => {
    const reported = await lintAs(folder, code);
    const restricted = [...reported.values()]
      .flat()
      .filter((rule) => rule.startsWith('no-restricted'));
    expect(restricted).toEqual([]);
  });
});

describe('packages that belong to one layer', () => {
  const cases: [folder: string, code: string, refused: boolean][] = [
    ['src/ui', "import type { Object3D } from 'three';\nexport type O = Object3D;", true],
    ['src/ui', "import { Canvas } from '@react-three/fiber';\nvoid Canvas;", true],
    ['src/scene', "import { Canvas } from '@react-three/fiber';\nvoid Canvas;", false],
    ['src/ui', "import { get } from 'idb-keyval';\nvoid get;", true],
    ['src/data', "import { get } from 'idb-keyval';\nvoid get;", false],
    ['src/domain', "import { useState } from 'react';\nvoid useState;", true],
    ['src/state', "import { createStore } from 'zustand/vanilla';\nvoid createStore;", false],
    [
      'src/editor',
      "import { Controller } from 'mind-ar/src/image-target/controller.js';\nvoid Controller;",
      true,
    ],
    [
      'src/tracking',
      "import { Controller } from 'mind-ar/src/image-target/controller.js';\nvoid Controller;",
      false,
    ],
    [
      'scripts',
      "import { Controller } from 'mind-ar/src/image-target/controller.js';\nvoid Controller;",
      true,
    ],
    ['scripts', "import { createCanvas } from '@napi-rs/canvas';\nvoid createCanvas;", false],
  ];
  it.each(cases)('in %s: %s (refused: %s)', async (folder, code, refused) => {
    const reported = await lintAs(folder, code);
    expect((reported.get(1) ?? []).includes('boundaries/dependencies')).toBe(refused);
  });
});

describe('ARCHITECTURE.md', () => {
  it('states the same allow-lists as the lint rule', () => {
    const text = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const documented = new Map<string, string[]>();
    for (const match of text.matchAll(/^\| ([a-z0-9-]+) +\| `([^`]+)` +\| ([^|]+) \|/gm)) {
      const [, name = '', , allowed = ''] = match;
      documented.set(
        name,
        allowed.trim() === '—' ? [] : allowed.split(',').map((layer) => layer.trim()),
      );
    }
    for (const [name, layer] of Object.entries(LAYERS)) {
      expect(documented.get(name), name).toEqual(layer.layers);
    }
    expect([...documented.keys()].sort()).toEqual(Object.keys(LAYERS).sort());
  });
});
