import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers import only downwards (see README): each entry lists what a layer may not import. */
const forbidden = (layers) =>
  layers.map((layer) => ({
    group: [`**/${layer}/*`, `../${layer}/*`, `../../${layer}/*`],
    message: `this layer may not import from ${layer}/`,
  }));

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'data', 'rubrics/rubric.schema.json'] },
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
          patterns: forbidden([
            'app',
            'ui',
            'report',
            'adapters',
            'i18n',
            'cli',
            'catalog',
            'server',
          ]),
        },
      ],
    },
  },
  {
    files: ['src/report/**', 'src/i18n/**', 'src/catalog/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: forbidden(['app', 'ui', 'adapters', 'cli', 'server']) },
      ],
    },
  },
  {
    files: ['src/adapters/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbidden(['app', 'ui', 'cli', 'server']) }],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbidden(['app', 'cli', 'server']) }],
    },
  },
  {
    // The browser reaches the team server over HTTP only, never by importing it.
    files: ['src/app/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidden(['server']) }] },
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
          patterns: forbidden(['app', 'ui', 'adapters', 'report', 'i18n', 'catalog', 'cli']),
        },
      ],
    },
  },
);
