import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../common/http/access';
import { AuditService } from '../audit/audit.service';
import { invalid } from '../common/errors/domain-error';
import { dateFilter, enumFilter, findPage, intFilter, type ListQuery, type ListSpec, textFilter } from '../common/http/list-query';
import { AuditedStore } from '../audit/audited-store';
import { Platform } from '../platforms/platform.entity';
import { PlatformRequest } from '../requests/request.entity';
import { ActionItem } from './action-item.entity';
import { type ConsultationInputDto, toConsultationResponse, type UpdateConsultationDto } from './consultation.dto';
import { Consultation } from './consultation.entity';
import { CONSULTATION_FORMATS } from '../../../domain/src';

export const CONSULTATION_LIST: ListSpec<Consultation> = {
  resource: 'consultations',
  sortable: { id: 'c.id', heldAt: 'c.heldAt', platformId: 'c.platformId', format: 'c.format', title: 'c.title' },
  defaultSort: ['heldAt', 'DESC'],
  filters: {
    id: intFilter('c.id', 'id'),
    platformId: intFilter('c.platformId', 'platformId'),
    format: enumFilter('c.format', 'format', CONSULTATION_FORMATS),
    heldAt_gte: dateFilter('c.heldAt', 'heldAt_gte', '>='),
    heldAt_lt: dateFilter('c.heldAt', 'heldAt_lt', '<'),
    q: textFilter(['c.title', 'c.agenda', 'c.minutes'], 'q'),
  },
};

@Injectable()
export class ConsultationsService {
  private readonly store: AuditedStore<Consultation>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.store = new AuditedStore(dataSource, audit, Consultation, 'consultations', toConsultationResponse, {
      actionItems: true,
      requests: true,
    });
  }

  async list(query: ListQuery): Promise<[Consultation[], number]> {
    const [rows, total] = await findPage(this.dataSource.getRepository(Consultation).createQueryBuilder('c'), query, CONSULTATION_LIST);
    const full = rows.length
      ? await this.dataSource
          .getRepository(Consultation)
          .find({ where: { id: In(rows.map((r) => r.id)) }, relations: { actionItems: true, requests: true } })
      : [];
    return [rows.map((r) => full.find((f) => f.id === r.id)!), total];
  }

  get(id: number): Promise<Consultation> {
    return this.store.get(id);
  }

  create(dto: ConsultationInputDto, actor: Actor): Promise<Consultation> {
    return this.store.create(
      actor,
      async (em) => {
        await this.checkReferences(em, dto);
        return this.columns(dto);
      },
      async (consultation, em) => {
        await this.linkRequests(em, consultation.id, dto.requestIds ?? []);
        await this.insertActionItems(em, consultation.id, dto.actionItems ?? []);
      },
    );
  }

  update(id: number, dto: UpdateConsultationDto, actor: Actor): Promise<Consultation> {
    return this.store.update(id, dto.version, actor, async (consultation, em) => {
      await this.checkReferences(em, dto);
      Object.assign(consultation, this.columns(dto));
      await em.createQueryBuilder().delete().from('consultation_requests').where('consultation_id = :id', { id }).execute();
      await this.linkRequests(em, id, dto.requestIds ?? []);
      if (dto.actionItems) await this.syncActionItems(em, consultation, dto.actionItems);
    });
  }

  remove(id: number, actor: Actor): Promise<Consultation> {
    return this.store.remove(id, actor);
  }

  private columns(dto: ConsultationInputDto): Partial<Consultation> {
    return {
      platformId: dto.platformId,
      heldAt: new Date(dto.heldAt),
      format: dto.format,
      title: dto.title,
      attendees: dto.attendees ?? [],
      agenda: dto.agenda ?? null,
      minutes: dto.minutes ?? null,
    };
  }

  private async checkReferences(em: EntityManager, dto: ConsultationInputDto): Promise<void> {
    if (!(await em.exists(Platform, { where: { id: dto.platformId } }))) {
      throw invalid('platformId', `${dto.platformId} does not match any platform`, 'record.unknown_reference');
    }
    const ids = [...new Set(dto.requestIds ?? [])];
    if (ids.length === 0) return;
    const found = await em.find(PlatformRequest, { where: { id: In(ids) }, select: { id: true, platformId: true } });
    for (const id of ids) {
      const request = found.find((r) => r.id === id);
      if (!request) throw invalid('requestIds', `${id} does not match any request`, 'record.unknown_reference');
      if (request.platformId !== dto.platformId) {
        throw invalid(
          'requestIds',
          `request ${id} was sent to another platform than this consultation's`,
          'consultation.platform_mismatch',
          { id },
        );
      }
    }
  }

  private async linkRequests(em: EntityManager, consultationId: number, requestIds: number[]): Promise<void> {
    const ids = [...new Set(requestIds)];
    if (ids.length === 0) return;
    await em
      .createQueryBuilder()
      .insert()
      .into('consultation_requests')
      .values(ids.map((requestId) => ({ consultation_id: consultationId, request_id: requestId })))
      .execute();
  }

  private async insertActionItems(em: EntityManager, consultationId: number, items: ConsultationInputDto['actionItems'] & object) {
    if (items.length === 0) return;
    await em.insert(
      ActionItem,
      items.map((a) => ({ consultationId, ownerSide: a.ownerSide, text: a.text, dueDate: a.dueDate ?? null, state: a.state ?? 'open' })),
    );
  }

  /** Action items given with an id are updated, without one added, and left out deleted. */
  private async syncActionItems(
    em: EntityManager,
    consultation: Consultation,
    items: NonNullable<ConsultationInputDto['actionItems']>,
  ): Promise<void> {
    const existing = new Set((consultation.actionItems ?? []).map((a) => a.id));
    items.forEach((item, i) => {
      if (item.id !== undefined && !existing.has(item.id)) {
        throw invalid(`actionItems[${i}].id`, `${item.id} is not an action item of this consultation`, 'consultation.unknown_action_item', {
          id: item.id,
        });
      }
    });
    const kept = new Set(items.map((a) => a.id));
    const dropped = [...existing].filter((id) => !kept.has(id));
    if (dropped.length) await em.delete(ActionItem, { id: In(dropped) });
    for (const item of items.filter((a) => a.id !== undefined)) {
      await em.update(
        ActionItem,
        { id: item.id },
        { ownerSide: item.ownerSide, text: item.text, dueDate: item.dueDate ?? null, state: item.state ?? 'open' },
      );
    }
    await this.insertActionItems(
      em,
      consultation.id,
      items.filter((a) => a.id === undefined),
    );
  }
}
