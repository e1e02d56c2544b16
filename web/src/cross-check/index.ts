/** The console route of the cross-check screen (a custom route, for everyone signed in). */
export const CROSS_CHECK_ROUTE = '/cross-check';
