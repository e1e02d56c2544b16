module.exports = {
  ...require('../jest.preset.cjs'),
  rootDir: '.',
  testRegex: 'api/.*\\.e2e-spec\\.ts$',
  globalSetup: '<rootDir>/api/support/global-setup.ts',
  globalTeardown: '<rootDir>/api/support/global-teardown.ts',
  testTimeout: 30000,
};
