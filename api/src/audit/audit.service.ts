import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type ListQuery, findPage, type ListSpec, intFilter, textFilter, dateFilter } from '../common/http/list-query';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  userId: number | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  before?: unknown;
  after?: unknown;
}

export const AUDIT_LIST: ListSpec<AuditEntry> = {
  resource: 'audit',
  sortable: { id: 'a.id', at: 'a.at', entity: 'a.entity', action: 'a.action', userId: 'a.userId' },
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

  list(query: ListQuery): Promise<[AuditEntry[], number]> {
    return findPage(this.dataSource.getRepository(AuditEntry).createQueryBuilder('a'), query, AUDIT_LIST);
  }
}
