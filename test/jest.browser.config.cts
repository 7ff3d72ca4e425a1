/** Browser suites: Debian's Chromium driven by playwright-core against the built server and console. */
module.exports = {
  displayName: 'browser',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/browser/**/*.e2e-spec.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 180_000,
  maxWorkers: 1,
};
