/** The console route of the published-figures import (a custom route, for roles with figures:write). */
export const FIGURE_IMPORT_ROUTE = '/import-figures';
