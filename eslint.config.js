// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { LAYERS, STORAGE_GLOBALS, STORAGE_OWNERS } from './eslint.layers.js';

/**
 * The dependency rule of ARCHITECTURE.md as allow-lists: each layer names the layers and the
 * packages it may import (type-only imports included); anything else is an error. The table
 * itself is in eslint.layers.js, which tests/unit/lint-rules.test.ts also reads.
 */
const layerPolicies = Object.entries(LAYERS).map(([type, layer]) => ({
  from: { element: { type } },
  allow: [
    { to: { element: { types: [type, ...layer.layers] } } },
    ...(layer.packages.length > 0
      ? [{ to: { module: { origin: 'external', source: layer.packages } } }]
      : []),
    ...(layer.node ? [{ to: { module: { origin: 'core' } } }] : []),
  ],
  message: `${layer.path} may import only ${[type, ...layer.layers].join(', ')}${
    layer.packages.length > 0 ? ` and the packages ${layer.packages.join(', ')}` : ''
  } (ARCHITECTURE.md).`,
}));

/** Packages a layer may not import although it may import most (only src/tracking has mind-ar). */
const forbiddenPolicies = Object.entries(LAYERS)
  .filter(([, layer]) => layer.forbidden)
  .map(([type, layer]) => ({
    from: { element: { type } },
    disallow: { to: { module: { source: layer.forbidden } } },
    message: `${layer.path} may not import ${(layer.forbidden ?? []).join(', ')}: only src/tracking does.`,
  }));

/** `fetch`, `localStorage` and the rest, bare or through `window`, `self` or `globalThis`. */
const storageGlobals = /** @type {import('eslint').Linter.RulesRecord} */ ({
  'no-restricted-globals': [
    'error',
    ...STORAGE_GLOBALS.map((name) => ({
      name,
      message: `Only ${STORAGE_OWNERS.join(' and ')} do I/O: call a function of src/data instead.`,
    })),
  ],
  'no-restricted-properties': [
    'error',
    ...['window', 'self', 'globalThis'].flatMap((object) =>
      STORAGE_GLOBALS.map((property) => ({
        object,
        property,
        message: `Only ${STORAGE_OWNERS.join(' and ')} do I/O: call a function of src/data instead.`,
      })),
    ),
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'reports',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      '.scratch',
      'tests/.fixtures-out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: Object.values(LAYERS).map((layer) => `${layer.path}/**`),
    plugins: { boundaries },
    settings: {
      'boundaries/elements': Object.entries(LAYERS).map(([type, layer]) => ({
        type,
        pattern: layer.path,
      })),
      'boundaries/include': ['src/**', 'scripts/**', 'assets/**', 'tests/**'],
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          policies: [...layerPolicies, ...forbiddenPolicies],
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: STORAGE_OWNERS.map((folder) => `${folder}/**`),
    rules: storageGlobals,
  },
  {
    files: ['scripts/**', 'tests/**', 'bench/**', '*.config.ts', '*.config.js', 'eslint.layers.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // Tests break feeds on purpose by editing untyped JSON.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
