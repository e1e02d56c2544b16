import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/http/access';
import { AuditService } from '../audit/audit.service';
import { enumFilter, type FilterHandler, findPage, intFilter, type ListQuery, type ListSpec, textFilter } from '../common/http/list-query';
import { invalid } from '../common/errors/domain-error';
import { AuditedStore } from '../audit/audited-store';
import { type AgencyInputDto, agencyColumns, toAgencyResponse, type UpdateAgencyDto } from './agency.dto';
import { Agency } from './agency.entity';
import { AGENCY_KINDS, isJurisdiction, REQUESTER_TYPES } from '../../../domain/src';

/** One code or a list of them; not an enum filter, whose message would list all 249 codes. */
const jurisdictionFilter: FilterHandler<Agency> = (qb, value, p) => {
  const codes: unknown[] = Array.isArray(value) ? value : [value];
  if (!codes.every(isJurisdiction))
    throw invalid('filter.jurisdiction', 'must be an ISO 3166-1 alpha-2 code such as KR, or a list of them');
  qb.andWhere(`a.jurisdiction IN (:...${p})`, { [p]: codes });
};

export const AGENCY_LIST: ListSpec<Agency> = {
  resource: 'agencies',
  sortable: {
    id: 'a.id',
    name: 'a.name',
    kind: 'a.kind',
    country: 'a.country',
    jurisdiction: 'a.jurisdiction',
    requesterType: 'a.requesterType',
    createdAt: 'a.createdAt',
  },
  defaultSort: ['name', 'ASC'],
  filters: {
    id: intFilter('a.id', 'id'),
    q: textFilter(['a.name', 'a.country'], 'q'),
    kind: enumFilter('a.kind', 'kind', AGENCY_KINDS),
    jurisdiction: jurisdictionFilter,
    requesterType: enumFilter('a.requesterType', 'requesterType', REQUESTER_TYPES),
  },
};

@Injectable()
export class AgenciesService {
  private readonly store: AuditedStore<Agency>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.store = new AuditedStore(dataSource, audit, Agency, 'agencies', toAgencyResponse);
  }

  list(query: ListQuery): Promise<[Agency[], number]> {
    return findPage(this.dataSource.getRepository(Agency).createQueryBuilder('a'), query, AGENCY_LIST);
  }

  get(id: number): Promise<Agency> {
    return this.store.get(id);
  }

  create(dto: AgencyInputDto, actor: Actor): Promise<Agency> {
    return this.store.create(actor, () => agencyColumns(dto));
  }

  update(id: number, dto: UpdateAgencyDto, actor: Actor): Promise<Agency> {
    return this.store.update(id, dto.version, actor, (agency) => {
      Object.assign(agency, agencyColumns(dto));
    });
  }

  /** Refused by the database (409) while requests refer to the agency. */
  remove(id: number, actor: Actor): Promise<Agency> {
    return this.store.remove(id, actor);
  }
}
