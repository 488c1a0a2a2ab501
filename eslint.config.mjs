import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**', '.sandbox/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Only the extension face may touch the editor API.
    files: ['src/core/**', 'src/aws/**', 'src/docker/**', 'src/flows/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension may import vscode.' }] }] },
  },
  // Layers point downward: core imports nothing of ours above it; aws and docker never import each
  // other. `**/layer/**` matches from any depth ('../aws/x' and '../../aws/x' alike); a unit test
  // (test/unit/lint/layers.test.ts) proves each rule fires.
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/aws/**', '**/docker/**', '**/flows/**', '**/cli/**', '**/extension/**', 'vscode', 'dockerode'] }] },
  },
  {
    files: ['src/aws/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/docker/**', '**/flows/**', '**/cli/**', '**/extension/**', 'vscode', 'dockerode'] }] },
  },
  {
    files: ['src/docker/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/aws/**', '**/flows/**', '**/cli/**', '**/extension/**', 'vscode', '@aws-sdk/*'] }] },
  },
  {
    files: ['src/flows/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/cli/**', '**/extension/**', 'vscode'] }] },
  },
  {
    files: ['src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/extension/**', 'vscode'] }] },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
