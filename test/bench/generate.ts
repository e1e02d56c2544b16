/** The generator for `requests` requests. A multi-statement script takes no bind parameters: the count is inlined. */
export const generateSql = (requests: number) => GENERATE.replace('$1::int', String(Math.trunc(requests)));

/**
 * A realistic history generated inside PostgreSQL: 12 platforms with different habits, 4 agencies,
 * six years; about 3 events per request and 1.5 items per request. Deterministic (setseed).
 */
const GENERATE = `
DO $$ BEGIN PERFORM setseed(0.42); END $$;
TRUNCATE requests, request_items, request_events, request_item_changes, consultations, consultation_action_items, consultation_requests, agencies RESTART IDENTITY CASCADE;
INSERT INTO platforms (name, slug) SELECT 'Bench platform ' || g, 'bench-' || g FROM generate_series(1, 6) g ON CONFLICT (slug) DO NOTHING;
INSERT INTO agencies (name, kind, jurisdiction, requester_type) VALUES ('Bench regulator', 'regulator', 'KR', 'information_communications_authority'),
  ('Bench police', 'police', 'KR', 'police'), ('Bench NGO', 'ngo', 'KR', 'other'), ('Bench other', 'other', 'KR', 'government_officials');

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
