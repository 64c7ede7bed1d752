// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import rules that keep the layers of ARCHITECTURE.md apart. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const ui = {
  group: ['react', 'react-dom', 'react/*', 'wouter', 'zustand', 'zustand/*'],
  message: 'The domain is pure: no React or state.',
};
const three = {
  group: ['three', 'three/*', '@react-three/*'],
  message: 'Only src/scene draws 3D.',
};
const mindAr = { group: ['mind-ar', 'mind-ar/*'], message: 'Only src/tracking imports mind-ar.' };
const io = {
  group: ['idb-keyval', 'workbox-window', '**/data/*', '**/data/**'],
  message: 'Only src/data does I/O.',
};
const appLayers = {
  group: ['**/ui/**', '**/app/**', '**/state/**'],
  message: 'Lower layers do not import the UI.',
};

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
  layer(['src/domain/**'], [ui, three, mindAr, io, appLayers]),
  layer(
    ['src/i18n/**'],
    [three, mindAr, io, { group: ['**/ui/**', '**/app/**'], message: 'i18n is below the UI.' }],
  ),
  layer(['src/data/**'], [ui, three, mindAr, appLayers]),
  layer(['src/tracking/**'], [ui, three, io, appLayers]),
  // The staff editor's workflows: plain functions over the domain, data and tracking layers.
  layer(['src/editor/**'], [ui, three, mindAr, appLayers]),
  layer(
    ['src/scene/**'],
    [
      mindAr,
      io,
      {
        group: ['**/ui/**', '**/app/**'],
        message: 'Scene components do no I/O and know no pages.',
      },
    ],
  ),
  layer(
    ['src/state/**'],
    [three, mindAr, { group: ['**/ui/**', '**/app/**'], message: 'Stores are below the UI.' }],
  ),
  layer(
    ['src/ui/**'],
    [
      mindAr,
      { group: ['idb-keyval', 'workbox-window'], message: 'UI reaches storage through src/data.' },
    ],
  ),
  {
    files: ['scripts/**', 'tests/**', 'bench/**', '*.config.ts', '*.config.js'],
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
