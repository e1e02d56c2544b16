import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type ListQuery, findPage, type ListSpec, intFilter, textFilter, dateFilter } from '../common/http/list-query';
import { AuditEntry } from './audit-entry.entity';
import type { ChainBreak, ChainVerification } from './chain-verification.dto';

export interface AuditRecord {
  userId: number | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The chain recomputed in one pass in seq order (the unique index gives the order, nothing is sorted
 * or sent to Node), stopping at the first entry that fails; audit_log_hash is the trigger's own
 * function (migrations/1795400000000-AuditChain.ts). One statement, so one snapshot.
 */
const VERIFY_CHAIN = `
  WITH verdicts AS (
    SELECT seq, id, prev_seq, CASE
        WHEN seq <> coalesce(prev_seq, 0) + 1 THEN 'entry missing'
        WHEN prev_hash IS DISTINCT FROM prev_stored_hash THEN 'link to previous entry broken'
        WHEN hash IS DISTINCT FROM recomputed THEN 'hash mismatch'
      END AS reason
    FROM (SELECT seq, id, prev_hash, hash, audit_log_hash(a) AS recomputed,
                 lag(seq) OVER w AS prev_seq, lag(hash) OVER w AS prev_stored_hash
          FROM audit_log a WINDOW w AS (ORDER BY seq)) chain
  )
  SELECT (SELECT count(*) FROM audit_log)::float8 AS checked, last.seq::float8 AS "lastSeq", last.hash AS "lastHash",
         b.seq::float8 AS seq, b.id::float8 AS id, b.prev_seq::float8 AS "prevSeq", b.reason
  FROM (SELECT 1) one
  LEFT JOIN (SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1) last ON true
  LEFT JOIN (SELECT * FROM verdicts WHERE reason IS NOT NULL ORDER BY seq LIMIT 1) b ON true`;

export const AUDIT_LIST: ListSpec<AuditEntry> = {
  resource: 'audit',
  sortable: { id: 'a.id', seq: 'a.seq', at: 'a.at', entity: 'a.entity', action: 'a.action', userId: 'a.userId' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: intFilter('a.id', 'id'),
    userId: intFilter('a.userId', 'userId'),
    entity: textFilter(['a.entity'], 'entity'),
    entityId: (qb, value, p) => qb.andWhere(`a.entityId = :${p}`, { [p]: String(value) }),
    action: textFilter(['a.action'], 'action'),
    at_gte: dateFilter('a.at', 'at_gte', '>='),
    at_lt: dateFilter('a.at', 'at_lt', '<'),
  },
};

/** Who did what, when, with the record before and after. Written in the same transaction as the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEntry, {
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      before: (entry.before ?? null) as object | null,
      after: (entry.after ?? null) as object | null,
    });
  }

  async verifyChain(): Promise<ChainVerification> {
    const [row]: (Omit<ChainVerification, 'intact' | 'firstBroken'> & {
      seq: number | null;
      id: number | null;
      prevSeq: number | null;
      reason: ChainBreak | null;
    })[] = await this.dataSource.query(VERIFY_CHAIN);
    const { checked, lastSeq, lastHash, reason } = row;
    if (!reason) return { intact: true, checked, lastSeq, lastHash, firstBroken: null };
    // A missing entry is reported at its own position, right after the last one still in place.
    const firstBroken =
      reason === 'entry missing' ? { seq: (row.prevSeq ?? 0) + 1, id: null, reason } : { seq: row.seq!, id: row.id, reason };
    return { intact: false, checked, lastSeq, lastHash, firstBroken };
  }

  list(query: ListQuery): Promise<[AuditEntry[], number]> {
    return findPage(this.dataSource.getRepository(AuditEntry).createQueryBuilder('a'), query, AUDIT_LIST);
  }
}
