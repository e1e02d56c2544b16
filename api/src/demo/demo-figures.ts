import type { EntityManager } from 'typeorm';
import { GOOGLE_REQUESTERS, ORDER_TO_ACT_TYPES, REQUESTER_TYPES, sqlValues } from '../../../domain/src';

/**
 * What the platforms "published" about the demo ledger, so that a new user sees the cross-check at
 * once: Google's file for the Korean police and standards commission (fewer requests than the demo
 * ledger holds, a higher removal rate), YouTube's and TikTok's DSA-style medians, and Telegram saying
 * it got no Korean police orders in 2020, when the police sent it seven.
 */
export async function seedPublishedFigures(em: EntityManager): Promise<void> {
  // Google's label for each requester type (the first where several map to one, as for courts).
  const googleLabels = REQUESTER_TYPES.map(
    (t) => `WHEN '${t}' THEN '${Object.keys(GOOGLE_REQUESTERS).find((l) => GOOGLE_REQUESTERS[l] === t)}'`,
  ).join(' ');
  // Google's rows: per half-year and Korean requester type, three quarters of what the ledger holds.
  await em.query(`
    WITH ours AS (
      SELECT make_date(extract(year FROM r.sent_at)::int, CASE WHEN extract(month FROM r.sent_at) <= 6 THEN 1 ELSE 7 END, 1) AS start_at,
             a.requester_type, count(*)::int AS requests, sum(r.items_total)::int AS items
        FROM requests r JOIN agencies a ON a.id = r.agency_id JOIN platforms p ON p.id = r.platform_id
       WHERE p.parent_company = 'Google' AND a.jurisdiction = 'KR' AND r.sent_at IS NOT NULL
         AND r.type IN (${sqlValues(ORDER_TO_ACT_TYPES)}) AND r.sent_at < date_trunc('year', now())
       GROUP BY 1, 2)
    INSERT INTO published_figures (publisher, subject, subject_kind, period_start, period_end, jurisdiction, requester_type, requester,
      metric, value, value_text, unit, source, source_url, retrieved_at)
    SELECT 'Google', 'Google', 'company', start_at, (start_at + interval '6 months - 1 day')::date, 'KR', requester_type,
           CASE requester_type ${googleLabels} END,
           m.metric, m.value, m.value::text, m.unit, 'google_current', 'https://transparencyreport.google.com/government-removals/by-country/KR', now()
      FROM ours, LATERAL (VALUES ('requests', round(requests * 0.75), 'count'), ('items', items, 'count'),
                                 ('items_removed_legal_pct', 4, 'percent'), ('items_removed_policy_pct', 81, 'percent'),
                                 ('items_no_action_pct', 15, 'percent')) m(metric, value, unit)`);
  // Per-service DSA-style medians and our CSV's figure for Telegram.
  await em.query(`
    INSERT INTO published_figures (publisher, subject, subject_kind, period_start, period_end, jurisdiction, requester_type, requester,
      category, metric, value, value_text, unit, source, source_url, retrieved_at)
    SELECT p.parent_company, p.name, 'service', make_date(y, 1, 1), make_date(y, 6, 30), 'KR', NULL, NULL, NULL, m.metric, m.value,
           m.value::text, 'hours', 'tracker_csv', 'Transparency report (PDF), table of orders from authorities', now()
      FROM platforms p, generate_series(extract(year FROM now())::int - 2, extract(year FROM now())::int - 1) y,
           LATERAL (VALUES ('median_hours_to_confirm_receipt', 2), ('median_hours_to_give_effect', 20)) m(metric, value)
     WHERE p.slug IN ('youtube', 'tiktok')`);
  await em.query(`
    INSERT INTO published_figures (publisher, subject, subject_kind, period_start, period_end, jurisdiction, requester_type,
      metric, value, value_text, unit, source, source_url, retrieved_at)
    VALUES ('Telegram', 'Telegram', 'company', '2020-01-01', '2020-12-31', 'KR', 'police', 'info_orders', 0, '0', 'count', 'form',
            'Telegram transparency bot, read by hand', now())`);
}
