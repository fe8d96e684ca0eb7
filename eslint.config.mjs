// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const sdkImports = {
  group: [
    'botbuilder',
    'botbuilder-*',
    'botframework-*',
    '@microsoft/*',
    '@azure/*',
    'adaptivecards*',
    'openai',
  ],
  message: 'core/ is plain TypeScript: it speaks through its ports and imports no SDK (DESIGN.md, layering).',
};
const functionsImports = {
  group: ['**/functions', '**/functions/**'],
  message: 'Nothing imports functions/: it is the outermost layer (entry points and composition root).',
};
const botImports = {
  group: ['**/bot', '**/bot/**'],
  message: 'core/ must not import bot/: the Teams edge depends on core, never the reverse.',
};

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
      'no-restricted-imports': ['error', { patterns: [sdkImports, functionsImports, botImports] }],
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
    files: ['bot/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [functionsImports] }] },
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
