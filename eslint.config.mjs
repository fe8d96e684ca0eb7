// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The import rules of the layering live in .dependency-cruiser.cjs; ESLint keeps what a graph cannot see.
export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'build/**', 'coverage/**', '.local/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core/ never reads process: pass config and now in.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'core/ never reads process.env.' },
      ],
    },
  },
  {
    // The tab is a browser bundle: from core/ it may take types (the API's shapes), never code.
    files: ['tab/**/*.ts', 'tab/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '**/bot/**', '**/functions/**'],
              allowTypeImports: true,
              message: 'The tab imports only types from core/; its code runs in the browser.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
