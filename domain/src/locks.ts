/**
 * Keys of the PostgreSQL advisory locks that serialise work across app instances. They share one
 * key space with every other client of the database, so they live here together and stay distinct
 * (a unit test checks it). Single keys take one bigint; namespaces are the first of two int keys.
 */
export const ADVISORY_LOCKS = {
  /** Migrations at start-up: instances starting together take turns. */
  migrations: 735_001,
  /** Loading the demo history into an empty database, once. */
  demoSeed: 735_002,
  /** Appending to the audit hash chain, held only inside the commit (the AuditChain migration's trigger). */
  auditChain: 735_003,
  /** The first admin and the demo data at start-up. */
  startupData: 735_004,
  /** Importing published figures: two files revising the same figure take turns. */
  publishedFigures: 735_005,
  /** The inbound mail poller: one instance reads the mailbox at a time. */
  mailPoll: 735_006,
  /** Publishing a public snapshot: one at a time, so that the index and the overlap check see every one. */
  publicSnapshots: 735_007,
} as const;

export const ADVISORY_LOCK_NAMESPACES = {
  /** A scheduled job while it runs; the second key is hashtext(job name). */
  jobs: 735_100,
  /** A report while its worker builds it; the second key is the report id. */
  reports: 735_200,
  /** A request's mail while it is being sent; the second key is the request id. */
  mailDispatch: 735_300,
  /** Pieces of content while the content rollups recompute them; the second key is a stripe of hashtext(piece). */
  contentPieces: 735_400,
  /** The rollup slot a writing transaction holds (migration RollupSlots); the second key is the slot. */
  rollupSlots: 735_500,
} as const;
