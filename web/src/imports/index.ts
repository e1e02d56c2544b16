export { ImportPage } from './ImportPage';

/** The console route of the import screen (a custom route, for roles with requests:write). */
export const IMPORT_ROUTE = '/import';
