// Lint, including the layer import rules of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'worker_threads', 'url', 'stream', 'zlib', 'util', 'events'];
const nodeBuiltins = { group: ['node:*', ...NODE_BUILTINS], message: 'Node modules are not available here.' };
const electron = { group: ['electron', 'electron/*'], message: "Only src/main/electron and src/preload import 'electron'." };
const nativeModules = { group: ['better-sqlite3', 'keytar', 'ws'], message: 'Native and server modules belong to the core and the hosts.' };
const ui = { group: ['react', 'react-dom', 'react-dom/*', '@mantine/*', 'react-i18next', '@tanstack/*'], message: 'UI libraries belong to the renderer.' };
const layer = (...paths) => ({ group: paths, message: 'This import breaks the layer rules (docs/architecture.md).' });

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  // src/shared: pure TypeScript, imports nothing runtime-specific.
  { files: ['src/shared/**/*.ts'], rules: restrict(nodeBuiltins, electron, nativeModules, ui, layer('**/main/**', '**/renderer/**', '**/preload/**', '@renderer/*')) },
  // The core: plain Node, never electron, never the hosts or the UI.
  { files: ['src/main/core/**/*.ts'], rules: restrict(electron, ui, layer('**/electron/**', '**/host/**', '**/renderer/**', '**/preload/**', '@renderer/*')) },
  // Browser-mode host: core and shared, never electron.
  { files: ['src/main/host/**/*.ts'], rules: restrict(electron, ui, layer('**/electron/**', '**/renderer/**', '**/preload/**', '@renderer/*')) },
  { files: ['src/main/electron/**/*.ts', 'src/main/index.ts'], rules: restrict(ui, layer('**/host/**', '**/renderer/**', '**/preload/**', '@renderer/*')) },
  // Preload: electron and the contract only.
  { files: ['src/preload/**/*.ts'], rules: restrict(nodeBuiltins, nativeModules, ui, layer('**/main/**', '**/renderer/**', '@renderer/*')) },
  // Renderer: shared only; runs in the browser.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(nodeBuiltins, electron, nativeModules, layer('**/main/**', '**/preload/**')),
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
