import type { DataSource } from 'typeorm';
import { enumFilter, intFilter, type ListSpec } from '../common/http/list-query';
import { PlatformRequest } from '../requests/request.entity';
import { overdueSql, REQUEST_CATEGORIES, REQUEST_CHANNELS, REQUEST_TYPES } from '../../../domain/src';

/** The overdue list in the list dialect: sortable and filterable like /api/requests. */
export const OVERDUE_LIST: ListSpec<PlatformRequest> = {
  resource: 'overdue',
  sortable: Object.fromEntries(
    ['id', 'reference', 'platformId', 'agencyId', 'type', 'category', 'channel', 'sentAt', 'dueAt'].map((f) => [f, `r.${f}`]),
  ),
  defaultSort: ['dueAt', 'ASC'],
  filters: {
    platformId: intFilter('r.platformId', 'platformId'),
    agencyId: intFilter('r.agencyId', 'agencyId'),
    type: enumFilter('r.type', 'type', REQUEST_TYPES),
    category: enumFilter('r.category', 'category', REQUEST_CATEGORIES),
    channel: enumFilter('r.channel', 'channel', REQUEST_CHANNELS),
  },
};

/** Requests unanswered at asOf and past their deadline: sent before asOf, no platform response by then. */
export const overdueQuery = (dataSource: DataSource, asOf: Date) =>
  dataSource.getRepository(PlatformRequest).createQueryBuilder('r').where(overdueSql(':asOf'), { asOf });
