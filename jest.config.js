/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // adaptivecards 3.x ships extensionless ESM in lib/; its UMD bundle loads in Node.
  moduleNameMapper: { '^adaptivecards$': 'adaptivecards/dist/adaptivecards.js' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // FormatJS, strip-bom and jose ship ES modules only; Jest runs CommonJS, so they are compiled
    // like the sources.
    '^.+/node_modules/(@formatjs|intl-messageformat|strip-bom|jose)/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@formatjs|intl-messageformat|strip-bom|jose)/)'],
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker's heap grows by the modules each test file loads until V8 next collects it, and a
  // worker that ends with several hundred MB takes longer than Jest's 500 ms to tear its heap down,
  // so Jest reports it as "failed to exit gracefully" though no handle is left open. A worker past
  // this after a test file is replaced by a fresh one; nothing leaks, the memory is only garbage.
  workerIdleMemoryLimit: '300MB',
  setupFiles: ['<rootDir>/functions/dev/local/quietTestMode.ts'],
};
