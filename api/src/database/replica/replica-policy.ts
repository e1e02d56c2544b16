/**
 * The rules for reading from a PostgreSQL streaming replica (DATABASE_REPLICA_URL), in one place.
 * Which requests may read there is marked on the routes (`@ReadsFromReplica()`); what it takes for
 * one to actually go there is below.
 */

/** Only these methods may read from the replica; anything else writes, and writes go to the primary. */
export const REPLICA_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** DATABASE_REPLICA_MAX_LAG_SECONDS by default: a replica further behind than this serves nobody. */
export const DEFAULT_MAX_LAG_SECONDS = 5;

/** How long a look at the replica (its replayed position, the primary's, the lag) is trusted. */
export const STATUS_TTL_MS = 200;

/** After the replica failed (down, not a standby), reads stay on the primary this long before it is tried again. */
export const RETRY_DOWN_AFTER_MS = 2_000;

/** A connection to the replica that takes longer than this counts as the replica being down. */
export const REPLICA_CONNECT_TIMEOUT_MS = 1_000;

/** A look at the replica's position that takes longer than this counts as the replica being down. */
export const PROBE_TIMEOUT_MS = 1_000;

/** The replica's connections name themselves so (pg_stat_activity.application_name). */
export const REPLICA_APPLICATION_NAME = 'tracker-replica-reads';

/**
 * Read your own writes: after a write, the primary's WAL position, kept for the writer (in memory, by
 * user) and sent back in this cookie (so that another instance honours it too). The writer reads from
 * the primary until the replica has replayed past it. Past the maximum lag the replica has replayed
 * it anyway (or serves nobody), so the mark lasts that long plus a margin for the status's age.
 */
export const READ_AFTER_COOKIE = 'tracker-read-after';
export const MARK_MARGIN_MS = 1_000;

/**
 * Errors of a read served by the replica after which it is read again on the primary:
 * - the replica refused a write (25006: a GET that writes; logged, since it should be marked),
 * - a query cancelled by a conflict with recovery (40001) or the replica going away mid-read,
 * - "not found" / "not ready": the record may be newer than the replica (a link sent by a colleague).
 */
export const READ_ONLY_REFUSAL = '25006';
export const RETRY_ON_PRIMARY_SQLSTATES: ReadonlySet<string> = new Set([READ_ONLY_REFUSAL, '40001']);
export const RETRY_ON_PRIMARY_CODES: ReadonlySet<string> = new Set(['record.not_found', 'report.not_ready']);

/** Statements that only read, by their first word; anything else starts on the primary. */
export const READ_ONLY_STATEMENT = /^\s*(?:\(\s*)*(SELECT|WITH|EXPLAIN|SHOW|VALUES|TABLE)\b/i;
