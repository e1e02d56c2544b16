import type { DataSource } from 'typeorm';
import {
  countedSql,
  INFORMATION_ORDER_TYPES,
  ORDER_TO_ACT_TYPES,
  type OurFigures,
  RECEIPT_EVENT_KINDS,
  REMOVAL_OUTCOMES,
  REMOVED_ITEM_STATES,
  sqlValues,
} from '../../../domain/src';

/** What to measure our ledger over: a period [start, end), the platforms, and which agencies' and which categories' requests. */
export interface Scope {
  platforms: { id: number; name: string }[];
  start: string;
  end: string;
  jurisdiction: string | null;
  requesterTypes: readonly string[] | null;
  categories: readonly string[] | null;
}

const HOURS = (interval: string) => `date_part('epoch', ${interval}) / 3600`;

/**
 * Our figures for many scopes in one statement, measured the way the publishers measure:
 * - orders to act (removal, blocking) apart from orders to provide information;
 * - items removed now, split as legal (geo-blocked) and policy (removed);
 * - the DSA's two medians over the orders to act that got there, each with its Kaplan-Meier median,
 *   which counts the orders still waiting (censored now) that a platform's own median leaves out.
 * A request's confirmation of receipt is its first platform-side event: a response or a robot's receipt.
 */
export const OUR_SIDE = `
WITH scopes AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS s(key int, platforms int[], jurisdiction text, requester_types text[], categories text[], start_at timestamptz, end_at timestamptz)
),
receipts AS (
  SELECT request_id, min(occurred_at) AS at FROM request_events WHERE kind IN (${sqlValues(RECEIPT_EVENT_KINDS)}) GROUP BY 1
),
legal AS (
  SELECT request_id, count(*)::int AS n FROM request_items WHERE state = '${REMOVED_ITEM_STATES.legal}' GROUP BY 1
),
base AS (
  SELECT s.key, r.type IN (${sqlValues(ORDER_TO_ACT_TYPES)}) AS act, r.type IN (${sqlValues(INFORMATION_ORDER_TYPES)}) AS info,
         r.items_total, r.items_removed, coalesce(legal.n, 0) AS items_legal,
         ${HOURS('least(r.first_response_at, receipts.at) - r.sent_at')} AS confirm_h,
         ${HOURS(`CASE WHEN r.outcome IN (${sqlValues(REMOVAL_OUTCOMES)}) THEN r.resolved_at END - r.sent_at`)} AS effect_h,
         ${HOURS('now() - r.sent_at')} AS waiting_h
  FROM scopes s
  JOIN requests r ON r.platform_id = ANY (s.platforms) AND r.sent_at >= s.start_at AND r.sent_at < s.end_at
  JOIN agencies a ON a.id = r.agency_id
  LEFT JOIN receipts ON receipts.request_id = r.id
  LEFT JOIN legal ON legal.request_id = r.id
  WHERE ${countedSql('r')}
    AND (s.jurisdiction IS NULL OR a.jurisdiction = s.jurisdiction)
    AND (s.requester_types IS NULL OR a.requester_type = ANY (s.requester_types))
    AND (s.categories IS NULL OR r.category = ANY (s.categories))
),
agg AS (
  SELECT key, count(*) FILTER (WHERE act)::int AS requests, count(*) FILTER (WHERE info)::int AS info_orders,
         coalesce(sum(items_total) FILTER (WHERE act), 0)::int AS items, coalesce(sum(items_removed) FILTER (WHERE act), 0)::int AS items_policy,
         coalesce(sum(items_legal) FILTER (WHERE act), 0)::int AS items_legal,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY confirm_h) FILTER (WHERE act AND confirm_h IS NOT NULL) AS median_confirm,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY effect_h) FILTER (WHERE act AND effect_h IS NOT NULL) AS median_effect
  FROM base GROUP BY key
),
observations AS (
  SELECT key, 'confirm' AS measure, coalesce(confirm_h, waiting_h) AS t, confirm_h IS NOT NULL AS hit FROM base WHERE act
  UNION ALL
  SELECT key, 'effect', coalesce(effect_h, waiting_h), effect_h IS NOT NULL FROM base WHERE act
),
steps AS (
  SELECT key, measure, t, count(*) FILTER (WHERE hit) AS d, count(*) AS m FROM observations GROUP BY 1, 2, 3
),
survival AS (
  SELECT key, measure, t,
         CASE WHEN bool_or(d = n) OVER w THEN 0 ELSE exp(sum(ln(nullif(1 - d::float8 / n, 0))) OVER w) END AS s
  FROM (SELECT *, sum(m) OVER (PARTITION BY key, measure ORDER BY t DESC) AS n FROM steps) at_risk
  WHERE d > 0
  WINDOW w AS (PARTITION BY key, measure ORDER BY t)
),
km AS (
  SELECT key, min(t) FILTER (WHERE measure = 'confirm' AND s <= 0.5 + 1e-9) AS km_confirm,
         min(t) FILTER (WHERE measure = 'effect' AND s <= 0.5 + 1e-9) AS km_effect
  FROM survival GROUP BY key
)
SELECT agg.*, km.km_confirm, km.km_effect FROM agg LEFT JOIN km USING (key)`;

interface Row {
  key: number;
  requests: number;
  info_orders: number;
  items: number;
  items_policy: number;
  items_legal: number;
  median_confirm: number | null;
  median_effect: number | null;
  km_confirm: number | null;
  km_effect: number | null;
}

const hours = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10);

export const OUR_SIDE_WORK_MEM = '64MB';

/** The scopes as OUR_SIDE's parameter, keyed by their position. */
export const scopesParam = (scopes: Scope[]): string =>
  JSON.stringify(
    scopes.map((s, key) => ({
      key,
      platforms: s.platforms.map((p) => p.id),
      jurisdiction: s.jurisdiction,
      requester_types: s.requesterTypes,
      categories: s.categories,
      start_at: s.start,
      end_at: s.end,
    })),
  );

/** The day after a date (YYYY-MM-DD): a period's inclusive end as the exclusive end the SQL takes. */
export const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Our figures for each scope, in the scopes' order (zeros where no request falls in one). */
export async function ourFigures(dataSource: DataSource, scopes: Scope[]): Promise<OurFigures[]> {
  if (scopes.length === 0) return [];
  const rows: Row[] = await dataSource.transaction(async (m) => {
    // The medians and the Kaplan-Meier curves sort every request in scope; with the default 4 MB they sort on disk.
    await m.query(`SET LOCAL work_mem = '${OUR_SIDE_WORK_MEM}'`);
    return m.query(OUR_SIDE, [scopesParam(scopes)]);
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return scopes.map((scope, key) => {
    const r = byKey.get(key);
    const removed = (r?.items_policy ?? 0) + (r?.items_legal ?? 0);
    const items = r?.items ?? 0;
    return {
      requests: r?.requests ?? 0,
      infoOrders: r?.info_orders ?? 0,
      items,
      itemsRemoved: removed,
      itemsRemovedLegal: r?.items_legal ?? 0,
      itemsRemovedPolicy: r?.items_policy ?? 0,
      itemsRemovedPct: items > 0 ? Math.round((removed / items) * 1000) / 10 : null,
      medianHoursToConfirmReceipt: hours(r?.median_confirm ?? null),
      kmMedianHoursToConfirmReceipt: hours(r?.km_confirm ?? null),
      medianHoursToGiveEffect: hours(r?.median_effect ?? null),
      kmMedianHoursToGiveEffect: hours(r?.km_effect ?? null),
      platforms: scope.platforms,
    };
  });
}
