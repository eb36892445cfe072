// ESLint: JavaScript and TypeScript recommended rules, Lit template rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import globals from 'globals';

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'reports/', 'bench/pages/', 'bench/results/', 'custom-elements.json']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
    },
  },
  {
    // chai assertions read as expressions: expect(x).to.be.true
    files: ['test/**/*.ts'],
    rules: {'@typescript-eslint/no-unused-expressions': 'off'},
  }
);
