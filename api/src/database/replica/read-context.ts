import { AsyncLocalStorage } from 'node:async_hooks';

/** What a request routed to the replica carries while it runs (see replica.interceptor.ts). */
export interface ReadContext {
  /** Set once a query of the request was actually answered by the replica (not a fallback). */
  servedByReplica: boolean;
}

const storage = new AsyncLocalStorage<ReadContext>();

/** The context of the request under way when it may read from the replica; undefined otherwise. */
export const currentReadContext = (): ReadContext | undefined => storage.getStore();

/** Runs `work` (and everything it starts) as a read that may be answered by the replica. */
export const runAsReplicaRead = <T>(context: ReadContext, work: () => T): T => storage.run(context, work);

/** Runs `work` on the primary even inside a replica read (a write a read must make, a lock). */
export const onPrimary = <T>(work: () => T): T => storage.exit(work);
