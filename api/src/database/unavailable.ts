// Connection refusals and PostgreSQL's "shutting down / starting up / too many clients" classes.
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/;

/** The database cannot be reached right now (as opposed to refusing a query): worth retrying shortly. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: string; message?: string; driverError?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (UNREACHABLE_CODES.has(String(e.code)) || UNREACHABLE_MESSAGES.test(String(e.message))) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}
