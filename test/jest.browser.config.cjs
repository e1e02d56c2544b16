// Browser tests: Debian's chromium driven by playwright-core against the real app and the built web console.
module.exports = {
  ...require('../jest.preset.cjs'),
  rootDir: '.',
  testRegex: 'browser/.*\\.browser-spec\\.ts$',
  globalSetup: '<rootDir>/api/support/global-setup.ts',
  globalTeardown: '<rootDir>/api/support/global-teardown.ts',
  testTimeout: 60000,
  passWithNoTests: true,
};
