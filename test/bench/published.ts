/**
 * 10,000 published figures beside the benchmark's ledger, in the shapes the importers store: Google's
 * file for Google (13 countries, 5 requesters, 8 metrics a half-year), DSA table 3 for each real
 * service (3 categories, the EU total and Korea), and our CSV for four more companies; 2020-2025.
 */
export const PUBLISHED_ROWS = 9_888;

const HALF_YEARS = `(SELECT make_date(y, m, 1) AS start_at, (make_date(y, m, 1) + interval '6 months - 1 day')::date AS end_at
  FROM generate_series(2020, 2025) y, unnest(ARRAY[1, 7]) m) h`;

export const publishedFiguresSql = (): string => `
TRUNCATE published_figures, published_figure_revisions RESTART IDENTITY;
INSERT INTO published_figures (publisher, subject, subject_kind, period_start, period_end, jurisdiction, requester_type, requester,
  category, metric, value, value_text, unit, source, retrieved_at)
SELECT 'Google', 'Google', 'company', h.start_at, h.end_at, j, r.type, r.label, NULL, m.metric, m.value, m.value::text, m.unit, 'google_current', now()
FROM ${HALF_YEARS},
  unnest(ARRAY['KR','US','JP','DE','FR','GB','IN','ID','BR','TR','RU','VN','AU']) j,
  (VALUES ('police', 'Police'), ('government_officials', 'Government Officials'), ('court', 'Court Order Directed at Google'),
          ('information_communications_authority', 'Information and Communications Authority'), ('other', 'Other')) r(type, label),
  (VALUES ('requests', 1200, 'count'), ('items', 5400, 'count'), ('items_removed_legal_pct', 12, 'percent'),
          ('items_removed_policy_pct', 61, 'percent'), ('items_not_found_pct', 3, 'percent'), ('items_not_enough_info_pct', 9, 'percent'),
          ('items_no_action_pct', 14, 'percent'), ('items_already_removed_pct', 1, 'percent')) m(metric, value, unit);
INSERT INTO published_figures (publisher, subject, subject_kind, period_start, period_end, jurisdiction, requester_type, requester,
  category, metric, value, value_text, unit, source, retrieved_at)
SELECT coalesce(p.parent_company, p.name), p.name, 'service', h.start_at, h.end_at, j, NULL, NULL, c, m.metric, m.value, m.value::text, m.unit,
  'dsa_table3', now()
FROM ${HALF_YEARS}, (SELECT * FROM platforms WHERE slug IN ('telegram', 'x', 'facebook', 'instagram', 'youtube', 'tiktok')) p,
  unnest(ARRAY[NULL, 'KR']) j, unnest(ARRAY['Non-consensual behaviour', 'Protection of minors', 'Other']) c,
  (VALUES ('requests', 800, 'count'), ('items', 2400, 'count'), ('median_hours_to_confirm_receipt', 2, 'hours'),
          ('median_hours_to_give_effect', 30, 'hours')) m(metric, value, unit);
INSERT INTO published_figures (publisher, subject, subject_kind, period_start, period_end, jurisdiction, requester_type, requester,
  category, metric, value, value_text, unit, source, retrieved_at)
SELECT s.company, s.company, 'company', h.start_at, h.end_at, 'KR', t, NULL, NULL, m.metric, m.value, m.value::text, m.unit, 'tracker_csv', now()
FROM ${HALF_YEARS}, unnest(ARRAY['Meta', 'ByteDance', 'X Corp.', 'Telegram FZ-LLC']) s(company),
  unnest(ARRAY['police', 'government_officials', 'court', 'information_communications_authority', 'other']) t,
  (VALUES ('requests', 900, 'count'), ('items', 3000, 'count'), ('items_removed_legal_pct', 5, 'percent'),
          ('items_removed_policy_pct', 70, 'percent'), ('items_not_found_pct', 3, 'percent'), ('items_not_enough_info_pct', 2, 'percent'),
          ('items_no_action_pct', 20, 'percent'), ('items_already_removed_pct', 0, 'percent')) m(metric, value, unit);
ANALYZE published_figures;`;
