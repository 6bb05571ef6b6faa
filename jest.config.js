/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type-checking runs separately (`npm run typecheck`); jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // jose ships ES modules only (Node loads them with `require`, jest's module system does
    // not): compiled to CommonJS for the tests.
    '/node_modules/jose/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
  // jest's runtime, with V8's compiled code reused across a worker's test files, the globals a
  // module reads bound to it, and Apollo's unused usage-reporting modules loaded on first use
  // (see the file).
  runtime: '<rootDir>/test/support/code-caching-runtime.js',
  // Finds (or, on a machine without one, starts) the PostgreSQL server the tests use.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  // Suites share one PostgreSQL server; two workers fit this 2-core machine.
  maxWorkers: 2,
};
