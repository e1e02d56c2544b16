/** The console route of the public snapshots screen (a custom route, for roles with snapshots:publish). */
export const PUBLIC_SNAPSHOTS_ROUTE = '/public-snapshots';
