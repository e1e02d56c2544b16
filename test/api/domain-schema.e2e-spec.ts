import { Client } from 'pg';
import {
  ACTION_OWNER_SIDES,
  ACTION_STATES,
  ADVISORY_LOCK_NAMESPACES,
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

  it("should take only the domain's advisory lock keys in database functions, the audit chain's its own", async () => {
    const { rows } = await client.query<{ name: string; src: string }>(
      `SELECT proname AS name, prosrc AS src FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosrc LIKE '%advisory_xact_lock%'`,
    );
    const keys = rows.flatMap(({ src }) => [...src.matchAll(/advisory_xact_lock\((\d+)/g)].map((m) => Number(m[1])));
    expect(keys.length).toBeGreaterThan(2);
    for (const key of keys) expect([...Object.values(ADVISORY_LOCKS), ...Object.values(ADVISORY_LOCK_NAMESPACES)]).toContain(key);
    const source = (name: string) => rows.find((r) => r.name === name)?.src;
    expect(source('audit_log_chain')).toContain(`pg_advisory_xact_lock(${ADVISORY_LOCKS.auditChain})`);
    expect(source('rollup_slot')).toContain(`pg_try_advisory_xact_lock(${ADVISORY_LOCK_NAMESPACES.rollupSlots},`);
    expect(source('content_refresh')).toContain(`pg_advisory_xact_lock(${ADVISORY_LOCK_NAMESPACES.contentPieces},`);
  });
});
