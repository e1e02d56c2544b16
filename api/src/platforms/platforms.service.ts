import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/http/access';
import { AuditService } from '../audit/audit.service';
import { boolFilter, findPage, intFilter, type ListQuery, type ListSpec, textFilter } from '../common/http/list-query';
import { AuditedStore } from '../audit/audited-store';
import { type PlatformInputDto, platformColumns, toPlatformResponse, type UpdatePlatformDto } from './platform.dto';
import { Platform } from './platform.entity';

export const PLATFORM_LIST: ListSpec<Platform> = {
  resource: 'platforms',
  sortable: { id: 'p.id', name: 'p.name', slug: 'p.slug', parentCompany: 'p.parentCompany', createdAt: 'p.createdAt' },
  defaultSort: ['name', 'ASC'],
  filters: {
    id: intFilter('p.id', 'id'),
    q: textFilter(['p.name', 'p.slug', 'p.parentCompany'], 'q'),
    hasLocalRepresentative: boolFilter('p.hasLocalRepresentative', 'hasLocalRepresentative'),
  },
};

@Injectable()
export class PlatformsService {
  private readonly store: AuditedStore<Platform>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.store = new AuditedStore(dataSource, audit, Platform, 'platforms', toPlatformResponse);
  }

  list(query: ListQuery): Promise<[Platform[], number]> {
    return findPage(this.dataSource.getRepository(Platform).createQueryBuilder('p'), query, PLATFORM_LIST);
  }

  get(id: number): Promise<Platform> {
    return this.store.get(id);
  }

  create(dto: PlatformInputDto, actor: Actor): Promise<Platform> {
    return this.store.create(actor, () => platformColumns(dto));
  }

  update(id: number, dto: UpdatePlatformDto, actor: Actor): Promise<Platform> {
    return this.store.update(id, dto.version, actor, (platform) => {
      Object.assign(platform, platformColumns(dto));
    });
  }

  /** Refused by the database (409) while requests or consultations refer to the platform. */
  remove(id: number, actor: Actor): Promise<Platform> {
    return this.store.remove(id, actor);
  }
}
