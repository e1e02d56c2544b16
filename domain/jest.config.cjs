module.exports = { ...require('../jest.preset.cjs'), rootDir: 'src', testRegex: '\\.spec\\.ts$' };
