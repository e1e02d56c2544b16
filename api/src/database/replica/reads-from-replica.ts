import { SetMetadata } from '@nestjs/common';

export const READS_FROM_REPLICA = 'database:reads-from-replica';

/**
 * The GET routes of this controller (or this GET route) may be answered from the read replica when
 * one is configured (DATABASE_REPLICA_URL): statistics, lists, records, exports, report downloads.
 * Their writes, if any, still go to the primary; see database/replica/replica-policy.ts for when a
 * marked read goes to the primary anyway.
 */
export const ReadsFromReplica = () => SetMetadata(READS_FROM_REPLICA, true);
