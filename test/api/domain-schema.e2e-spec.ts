import { Client } from 'pg';
import {
  ACTION_OWNER_SIDES,
  ACTION_STATES,
  ADVISORY_LOCKS,
  AGENCY_KINDS,
  CONSULTATION_FORMATS,
  EVENT_KINDS,
  ITEM_STATES,
  DKIM_RESULTS,
  JOB_RUN_STATUSES,
  LANGUAGES,
  MESSAGE_CLASSIFICATIONS,
  MESSAGE_DIRECTIONS,
  MESSAGE_STATUSES,
  REPORT_KINDS,
  REPORT_STATUSES,
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  REQUESTER_TYPES,
  ROLES,
} from '../../domain/src';
import { createTestDatabase } from './support/database';

/** The migrations wrote the vocabulary into check constraints; they must say exactly what the domain says. */
const CHECKED: [table: string, column: string, values: readonly string[]][] = [
  ['requests', 'type', REQUEST_TYPES],
  ['requests', 'category', REQUEST_CATEGORIES],
  ['requests', 'channel', REQUEST_CHANNELS],
  ['requests', 'status', REQUEST_STATUSES],
  ['requests', 'outcome', REQUEST_OUTCOMES],
  ['request_items', 'state', ITEM_STATES],
  ['request_item_changes', 'state', ITEM_STATES],
  ['request_events', 'kind', EVENT_KINDS],
  ['request_events', 'outcome', REQUEST_OUTCOMES],
  ['consultations', 'format', CONSULTATION_FORMATS],
  ['consultation_action_items', 'owner_side', ACTION_OWNER_SIDES],
  ['consultation_action_items', 'state', ACTION_STATES],
  ['users', 'role', ROLES],
  ['agencies', 'kind', AGENCY_KINDS],
  ['agencies', 'requester_type', REQUESTER_TYPES],
  ['reports', 'kind', REPORT_KINDS],
  ['reports', 'status', REPORT_STATUSES],
  ['reports', 'language', LANGUAGES],
  ['job_runs', 'status', JOB_RUN_STATUSES],
  ['messages', 'direction', MESSAGE_DIRECTIONS],
  ['messages', 'classification', MESSAGE_CLASSIFICATIONS],
  ['messages', 'status', MESSAGE_STATUSES],
  ['messages', 'dkim', DKIM_RESULTS],
  ['messages', 'language', LANGUAGES],
];

describe('the schema against the domain', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  /** Every value the database accepts in a column: the quoted literals of the check constraints on it. */
  const allowedBy = async (table: string, column: string): Promise<string[]> => {
    const { rows } = await client.query<{ def: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
        WHERE c.contype = 'c' AND c.conrelid = $1::regclass AND a.attname = $2 AND cardinality(c.conkey) = 1`,
      [table, column],
    );
    expect([table, column, rows.length]).toEqual([table, column, 1]);
    return [...rows[0].def.matchAll(/'([^']*)'::text/g)].map((m) => m[1]);
  };

  it.each(CHECKED)('should accept in %s.%s exactly the values of the domain', async (table, column, values) => {
    expect((await allowedBy(table, column)).sort()).toEqual([...values].sort());
  });

  it('should use the domain key for the audit chain lock in the database trigger', async () => {
    const { rows } = await client.query<{ src: string }>(
      `SELECT prosrc AS src FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosrc LIKE '%pg_advisory_xact_lock%'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { src } of rows) expect(src).toContain(`pg_advisory_xact_lock(${ADVISORY_LOCKS.auditChain})`);
  });
});
