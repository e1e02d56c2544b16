import { resolve } from 'node:path';
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../api/src/database/data-source-options';
import { startEmbeddedDatabase, type RunningDatabase } from '../../api/src/database/embedded-database';
import { runMigrations } from '../../api/src/database/migrate';

/**
 * The benchmark database: BENCH_DATABASE_URL, or an embedded PostgreSQL kept in ./.bench-data so
 * that a second run reuses the generated rows. Migrated, and filled to `requests` rows if it has fewer.
 */
export async function benchDatabase(requests: number): Promise<RunningDatabase> {
  const db: RunningDatabase = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedDatabase(resolve(__dirname, '../../.bench-data'));
  const dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM requests')).rows;
    if (n !== requests) {
      const started = Date.now();
      console.log(`Generating ${requests.toLocaleString('en')} requests (the database had ${n.toLocaleString('en')})…`);
      // A multi-statement script cannot take bind parameters; the count is a validated integer.
      await client.query(GENERATE.replace('$1::int', String(Math.trunc(requests))));
      await client.query('VACUUM ANALYZE');
      console.log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const counts = (
      await client.query(`SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM request_events)::int AS events,
        (SELECT count(*) FROM request_items)::int AS items, (SELECT count(*) FROM platforms)::int AS platforms`)
    ).rows[0];
    console.log(`Data: ${Object.entries(counts).map(([k, v]) => `${Number(v).toLocaleString('en')} ${k}`).join(', ')}`);
  } finally {
    await client.end();
  }
  return db;
}

/**
 * A realistic history generated inside PostgreSQL: 12 platforms with different habits, 4 agencies,
 * six years; about 3 events per request and 1.5 items per request. Deterministic (setseed).
 */
const GENERATE = `
DO $$ BEGIN PERFORM setseed(0.42); END $$;
TRUNCATE requests, request_items, request_events, request_item_changes, consultations, consultation_action_items, consultation_requests, agencies RESTART IDENTITY CASCADE;
INSERT INTO platforms (name, slug) SELECT 'Bench platform ' || g, 'bench-' || g FROM generate_series(1, 6) g ON CONFLICT (slug) DO NOTHING;
INSERT INTO agencies (name, kind) VALUES ('Bench regulator', 'regulator'), ('Bench police', 'police'), ('Bench NGO', 'ngo'), ('Bench other', 'other');

CREATE TEMP TABLE gen ON COMMIT DROP AS
SELECT g AS id,
       (SELECT array_agg(id ORDER BY id) FROM platforms)[1 + (g % 12)] AS platform_id,
       1 + (g % 4) AS agency_id,
       (ARRAY['removal', 'removal', 'blocking', 'investigation', 'preservation'])[1 + (g % 5)] AS type,
       (ARRAY['ncii', 'deepfake_sexual', 'csam', 'sextortion', 'grooming', 'other'])[1 + (g % 6)] AS category,
       (ARRAY['email', 'web_form', 'portal', 'api', 'letter', 'in_person'])[1 + (g % 6)] AS channel,
       timestamptz '2020-01-01' + random() * interval '2190 days' AS sent_at,
       random() < (0.3 + 0.06 * (g % 12)) AS answered,
       random() * 200 AS first_hours,
       random() AS r
FROM generate_series(1, $1::int) g;

INSERT INTO requests (id, platform_id, agency_id, type, category, channel, reference, sent_at, due_at, status, outcome, first_response_at, resolved_at)
SELECT id, platform_id, agency_id, type, category, channel, 'B-' || id, sent_at,
       sent_at + CASE WHEN category = 'csam' THEN interval '24 hours' ELSE interval '72 hours' END,
       CASE WHEN NOT answered THEN 'sent' WHEN r < 0.75 THEN 'resolved' ELSE 'acknowledged' END,
       CASE WHEN answered AND r < 0.75 THEN (CASE WHEN type IN ('removal', 'blocking') THEN (ARRAY['removed', 'partially_removed', 'refused'])[1 + (id % 3)] ELSE 'data_provided' END) END,
       CASE WHEN answered THEN sent_at + first_hours * interval '1 hour' END,
       CASE WHEN answered AND r < 0.75 THEN sent_at + (first_hours + 48) * interval '1 hour' END
FROM gen;
SELECT setval(pg_get_serial_sequence('requests', 'id'), (SELECT max(id) FROM requests));

INSERT INTO request_events (request_id, kind, occurred_at)
SELECT id, 'sent', sent_at FROM gen
UNION ALL SELECT id, 'acknowledged', sent_at + first_hours * interval '1 hour' FROM gen WHERE answered
UNION ALL SELECT id, 'reminder_sent', sent_at + interval '7 days' FROM gen WHERE NOT answered
UNION ALL SELECT id, 'escalated', sent_at + interval '21 days' FROM gen WHERE NOT answered AND r < 0.5
UNION ALL SELECT id, 'note', sent_at + interval '1 hour' FROM gen WHERE r > 0.6;
INSERT INTO request_events (request_id, kind, occurred_at, outcome)
SELECT id, CASE WHEN outcome = 'refused' THEN 'refused' ELSE 'outcome' END, resolved_at, outcome FROM requests WHERE status = 'resolved';

-- Removal and blocking requests name 1 to 4 items (1.5 per request overall); a shared hash now and then.
INSERT INTO request_items (request_id, url, content_hash, state, checked_at)
SELECT r.id, 'https://example.org/c/' || r.id || '/' || k, md5(((r.id * 7 + k) % 900000)::text),
       CASE WHEN r.outcome = 'removed' OR (r.outcome = 'partially_removed' AND k = 1) THEN 'removed'
            WHEN r.outcome IS NOT NULL THEN 'still_online' ELSE 'pending' END,
       r.resolved_at
FROM requests r CROSS JOIN LATERAL generate_series(1, 1 + (r.id % 4)) k
WHERE r.type IN ('removal', 'blocking');
INSERT INTO request_item_changes (event_id, item_id, state, occurred_at)
SELECT e.id, i.id, i.state, i.checked_at
FROM request_items i JOIN request_events e ON e.request_id = i.request_id AND e.kind IN ('outcome', 'refused')
WHERE i.checked_at IS NOT NULL;
`;
