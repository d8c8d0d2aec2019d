import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ and what each may import (see docs/architecture.md).
 * An allowed list, not a forbidden one: a new folder is forbidden everywhere
 * until it is given a place here. Static imports, re-exports and import()
 * are all checked.
 */
const LAYERS = {
  core: [],
  catalog: ['core'],
  i18n: ['core'],
  report: ['core', 'i18n'],
  adapters: ['core', 'catalog', 'i18n', 'report'],
  ui: ['core', 'catalog', 'i18n', 'report', 'adapters'],
  app: ['core', 'catalog', 'i18n', 'report', 'adapters', 'ui'],
  cli: ['core', 'catalog', 'i18n', 'report'],
  // Team mode: Node only, on the pure core. The browser reaches it over HTTP, never by import.
  server: ['core', 'i18n'],
};

/** Data folders outside src/, and the one layer that reads each. */
const DATA = { rubrics: 'catalog', examples: 'app' };

const layerZones = Object.entries(LAYERS).flatMap(([layer, allowed]) => [
  {
    target: `./src/${layer}`,
    from: './src',
    except: [layer, ...allowed].map((name) => `./${name}`),
    message: `${layer}/ may import only from ${[layer, ...allowed].join(', ')} (docs/architecture.md)`,
  },
  ...Object.entries(DATA)
    .filter(([, reader]) => reader !== layer)
    .map(([folder, reader]) => ({
      target: `./src/${layer}`,
      from: `./${folder}`,
      message: `only ${reader}/ reads ${folder}/ (docs/architecture.md)`,
    })),
]);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'coverage',
      'node_modules',
      'data',
      'rubrics/rubric.schema.json',
      'test-results',
      // Code that breaks the rules on purpose, linted by tests/lint/layers.test.ts.
      'tests/lint/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Tests look for control characters on purpose (hostile input must not reach a terminal).
    files: ['tests/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/lint/fixtures/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed as TypeScript too, or a cycle through them goes unseen.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The React Compiler is not used, so only the classic hook rules apply.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'react',
            'react-dom',
            'chart.js',
            'react-chartjs-2',
            'jspdf',
            'jspdf-autotable',
          ].map((name) => ({
            name,
            message: 'core/ is pure TypeScript: no React, DOM, chart.js or jsPDF',
          })),
          patterns: [
            { group: ['node:*'], message: 'core/ runs in the browser too: no node: modules' },
          ],
        },
      ],
    },
  },
  {
    // Node only, built on the pure core: nothing of the browser app or the PDF report.
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'react',
            'react-dom',
            'chart.js',
            'react-chartjs-2',
            'jspdf',
            'jspdf-autotable',
          ].map((name) => ({
            name,
            message: 'server/ runs in Node on core/: no browser or PDF libraries',
          })),
        },
      ],
    },
  },
);
