/** The product's domain rules, each written once; the API, the SQL, the console and the reports use them from here. */
export * from './vocabulary';
export * from './jurisdictions';
export * from './permissions';
export * from './lifecycle';
export * from './deadlines';
export * from './counting';
export * from './csv';
export * from './locks';
export * from './errors';
export * from './i18n';
export * from './passwords';
export * from './transparency';
export * from './cross-check';
export * from './public-data';
