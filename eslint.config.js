// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The boundaries of DESIGN.md, enforced: the renderer never reaches Electron, SQLite or Node;
 * shared/ is pure (no Node, Electron, SQLite or React); the core never imports Electron.
 */
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const NO_ELECTRON = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' };
const NO_SQLITE = { name: 'better-sqlite3', message: 'Only electron/core talks to SQLite; call the API instead.' };
const nodePaths = (message) => nodeBuiltins.map((name) => ({ name, message }));
const NODE_PATTERN = (message) => ({ group: ['node:*'], message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_ELECTRON, NO_SQLITE, ...nodePaths('The renderer runs in a browser sandbox: no Node modules.')],
          patterns: [
            NODE_PATTERN('The renderer runs in a browser sandbox: no Node modules.'),
            { group: ['**/electron/**', '**/electron'], message: 'The renderer reaches the main process only through the API client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            NO_ELECTRON,
            NO_SQLITE,
            ...nodePaths('shared/ runs on both sides: no Node modules.'),
            { name: 'react', message: 'shared/ holds types and pure rules, no UI.' },
            { name: 'react-dom', message: 'shared/ holds types and pure rules, no UI.' },
          ],
          patterns: [
            NODE_PATTERN('shared/ runs on both sides: no Node modules.'),
            { group: ['@mantine/*', '@tanstack/*', 'react/*'], message: 'shared/ holds types and pure rules, no UI.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself and zod.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/station/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The core and station mode run without Electron (tests, station mode); keep Electron in electron/main.' }],
          patterns: [{ group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'The core depends on nothing above it.' }],
        },
      ],
    },
  },
  {
    // Runs first, under whatever old Node a newcomer has, before the project's own Node takes over:
    // CommonJS and no syntax newer than ES2019 (Node 12).
    files: ['scripts/launch.cjs'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2019 },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
