// Lint: typescript-eslint's recommended rules, Prettier for layout, and the import boundaries that
// keep the layers pointing one way (docs/architecture.md).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import folderCycles, { packageBoundaries } from './lint/folder-cycles.mjs';

/** database/ internals that only the app's entry points (main, app.module, import-cli) may use. */
const DATABASE_INTERNALS = ['cli-data-source', 'data-source-options', 'embedded-database', 'free-port', 'migrate', 'snake-naming.strategy'];

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '.nx/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    plugins: { local: { rules: { 'folder-cycles': folderCycles, 'package-boundaries': packageBoundaries } } },
    rules: {
      'local/folder-cycles': 'error',
      'local/package-boundaries': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // NestJS modules and react-admin resources are classes and objects with no members of their own.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^[^.]', message: 'domain/ is pure TypeScript: no packages, no framework' }] },
      ],
    },
  },
  {
    files: ['api/src/*/**/*.ts'],
    ignores: ['api/src/database/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `/database/(${DATABASE_INTERNALS.join('|')})$`,
              message: 'features use only the helpers of database/ (check, prepared-query, constraints, advisory-lock)',
            },
            { regex: '^\\.\\./(\\.\\./)*(app\\.module|app\\.setup|main|import-cli)$', message: 'features do not import the app root' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
