import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import type { Actor } from '../common/http/access';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden, invalid } from '../common/errors/domain-error';
import {
  boolFilter,
  dateFilter,
  enumFilter,
  findJsonPage,
  intFilter,
  type JsonPage,
  type ListQuery,
  type ListSpec,
} from '../common/http/list-query';
import { AuditedStore } from '../audit/audited-store';
import { Platform } from '../platforms/platform.entity';
import type { CreateRequestDto, ItemInputDto, UpdateRequestDto } from './request.dto';
import { toRequestResponse } from './request.dto';
import { PlatformRequest } from './request.entity';
import type { CreateEventDto } from './request-event.dto';
import { RequestEvent } from './request-event.entity';
import { RequestItem } from './request-item.entity';
import { RequestItemChange } from './request-item-change.entity';
import { applyEvent, FUTURE_TOLERANCE_MS } from './request-lifecycle';
import {
  dueAt,
  isClosed,
  isMessageEvent,
  mayRecord,
  overdueSql,
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  slaHoursFor,
} from '../../../domain/src';

const SEARCH_DOCUMENT = `to_tsvector('simple', r.reference || ' ' || coalesce(r.platformRef, '') || ' ' || coalesce(r.notes, ''))`;

export const REQUEST_LIST: ListSpec<PlatformRequest> = {
  resource: 'requests',
  sortable: Object.fromEntries(
    [
      'id',
      'reference',
      'platformId',
      'agencyId',
      'type',
      'category',
      'channel',
      'status',
      'outcome',
      'sentAt',
      'dueAt',
      'firstResponseAt',
      'resolvedAt',
      'createdAt',
      'updatedAt',
    ].map((f) => [f, `r.${f}`]),
  ),
  defaultSort: ['sentAt', 'DESC'],
  filters: {
    id: intFilter('r.id', 'id'),
    platformId: intFilter('r.platformId', 'platformId'),
    agencyId: intFilter('r.agencyId', 'agencyId'),
    type: enumFilter('r.type', 'type', REQUEST_TYPES),
    category: enumFilter('r.category', 'category', REQUEST_CATEGORIES),
    channel: enumFilter('r.channel', 'channel', REQUEST_CHANNELS),
    status: enumFilter('r.status', 'status', REQUEST_STATUSES),
    outcome: enumFilter('r.outcome', 'outcome', REQUEST_OUTCOMES),
    sentAt_gte: dateFilter('r.sentAt', 'sentAt_gte', '>='),
    sentAt_lt: dateFilter('r.sentAt', 'sentAt_lt', '<'),
    sentAt_lte: dateFilter('r.sentAt', 'sentAt_lte', '<='),
    overdue: boolFilter(overdueSql('now()'), 'overdue'),
    // Its e-mail bounced and has not been sent again.
    undelivered: boolFilter('(r.deliveryFailedAt IS NOT NULL)', 'undelivered'),
    // Full-text over reference, platform ticket and notes (GIN index), plus a reference prefix match.
    q: (qb, value, p) => {
      if (typeof value !== 'string') throw invalid('filter.q', 'must be text');
      qb.andWhere(`(${SEARCH_DOCUMENT} @@ websearch_to_tsquery('simple', :${p}) OR r.reference ILIKE :${p}prefix)`, {
        [p]: value,
        [`${p}prefix`]: `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    },
  },
};

/** The columns a create or an update sets from the body; the rest comes from the timeline. */
const requestColumns = (dto: CreateRequestDto | UpdateRequestDto): Partial<PlatformRequest> => ({
  platformId: dto.platformId,
  agencyId: dto.agencyId,
  type: dto.type,
  category: dto.category,
  channel: dto.channel,
  reference: dto.reference.trim(),
  platformRef: dto.platformRef ?? null,
  notes: dto.notes ?? null,
});

/** A timestamptz as JSON.stringify writes a Date: UTC, milliseconds, Z. */
const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A request as toRequestResponse makes it, written by PostgreSQL for the list (a test holds the two
 * equal). `withUrls` false leaves the items' URLs out, as visibleTo does for roles without content:urls.
 * row_to_json over named columns: json_build_object looked up the type of each of its arguments on
 * every row, which made the query about a third slower.
 */
const requestJson = (withUrls: boolean) => `(SELECT row_to_json(j) FROM (SELECT
  r.id AS "id", r.platform_id AS "platformId", r.agency_id AS "agencyId", r.type AS "type", r.category AS "category",
  r.channel AS "channel", r.reference AS "reference", r.platform_ref AS "platformRef", ${isoTime('r.sent_at')} AS "sentAt",
  ${isoTime('r.due_at')} AS "dueAt", r.status AS "status", r.outcome AS "outcome", ${isoTime('r.first_response_at')} AS "firstResponseAt",
  ${isoTime('r.resolved_at')} AS "resolvedAt",
  coalesce(${overdueSql('now()')}, false) AS "overdue",
  ${isoTime('r.delivery_failed_at')} AS "deliveryFailedAt", r.delivery_failure AS "deliveryFailure",
  r.notes AS "notes",
  (SELECT coalesce(json_agg(i ORDER BY i.id), '[]') FROM (
     SELECT i.id AS "id", ${withUrls ? 'i.url' : 'NULL::text'} AS "url", i.content_hash AS "contentHash", i.state AS "state",
            ${isoTime('i.checked_at')} AS "checkedAt"
     FROM request_items i WHERE i.request_id = r.id) i) AS "items",
  r.created_by_id AS "createdById", r.version AS "version", ${isoTime('r.created_at')} AS "createdAt",
  ${isoTime('r.updated_at')} AS "updatedAt") j)`;
const REQUEST_JSON = { withUrls: requestJson(true), withoutUrls: requestJson(false) };

@Injectable()
export class RequestsService {
  private readonly store: AuditedStore<PlatformRequest>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.store = new AuditedStore(dataSource, audit, PlatformRequest, 'requests', (r) => toRequestResponse(r), {
      items: true,
    });
  }

  /** One page of the list, serialised by PostgreSQL; the items' URLs only when `withUrls`. */
  list(query: ListQuery, withUrls: boolean): Promise<JsonPage> {
    const from = () => this.dataSource.getRepository(PlatformRequest).createQueryBuilder('r');
    return findJsonPage(this.dataSource, from, query, REQUEST_LIST, withUrls ? REQUEST_JSON.withUrls : REQUEST_JSON.withoutUrls);
  }

  get(id: number): Promise<PlatformRequest> {
    return this.store.get(id);
  }

  async create(dto: CreateRequestDto, actor: Actor): Promise<PlatformRequest> {
    const sentAt = dto.sentAt ? new Date(dto.sentAt) : null;
    if (sentAt && sentAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS)
      throw invalid('sentAt', 'cannot be in the future', 'input.in_future');
    return this.store.create(
      actor,
      async (em) => {
        const platform = await this.platformOf(em, dto.platformId);
        await this.agencyOf(em, dto.agencyId);
        return {
          ...requestColumns(dto),
          sentAt,
          dueAt: sentAt && dueAt(sentAt, slaHoursFor(platform, dto.type, dto.category)),
          status: sentAt ? 'sent' : 'draft',
          createdById: actor.id,
        };
      },
      async (request, em) => {
        await this.insertItems(em, request.id, dto.items ?? []);
        if (sentAt) {
          await em.insert(RequestEvent, { requestId: request.id, kind: 'sent', occurredAt: sentAt, authorId: actor.id });
        }
      },
    );
  }

  update(id: number, dto: UpdateRequestDto, actor: Actor): Promise<PlatformRequest> {
    return this.store.update(id, dto.version, actor, async (request, em) => {
      if (isClosed(request.status)) {
        throw conflict('request.not_draft', `the request is ${request.status} and can no longer be edited; add a note instead`, {
          status: request.status,
        });
      }
      // Who, what and how fix the deadline: they may only change before the request is sent.
      if (request.status !== 'draft') {
        for (const field of ['platformId', 'agencyId', 'type', 'category'] as const) {
          if (dto[field] !== request[field]) throw invalid(field, 'can only change while the request is a draft', 'request.field_locked');
        }
      } else {
        await this.platformOf(em, dto.platformId);
        await this.agencyOf(em, dto.agencyId);
      }
      Object.assign(request, requestColumns(dto));
      if (dto.items) await this.syncItems(em, request, dto.items);
    });
  }

  /** Only drafts are deleted; a request that was sent stays on record and is withdrawn instead. */
  remove(id: number, actor: Actor): Promise<PlatformRequest> {
    return this.store.remove(id, actor, (request) => {
      if (request.status !== 'draft') {
        throw conflict('request.not_draft', `only draft requests can be deleted; this one is ${request.status} (withdraw it instead)`, {
          status: request.status,
        });
      }
    });
  }

  async listEvents(id: number): Promise<RequestEvent[]> {
    await this.store.get(id);
    return this.dataSource.getRepository(RequestEvent).find({
      where: { requestId: id },
      relations: { itemChanges: true },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Records one timeline event and applies it to the request, atomically. A null actor is the system (a job).
   * `fromMessage`: the event is the e-mail's own (its reply, receipt, bounce or accepted dispatch): the only
   * way to record the message-only kinds.
   */
  async recordEvent(id: number, dto: CreateEventDto, actor: Actor | null, fromMessage = false): Promise<RequestEvent> {
    if (isMessageEvent(dto.kind) && !fromMessage) {
      throw invalid('kind', `'${dto.kind}' is recorded from a stored e-mail, not by hand`, 'request.message_event_manual', {
        kind: dto.kind,
      });
    }
    if (actor && !fromMessage && !mayRecord(actor.role, dto.kind)) {
      throw forbidden('request.event_forbidden', `the ${actor.role} role may record platform responses and notes, not '${dto.kind}'`, {
        role: actor.role,
        kind: dto.kind,
      });
    }
    let eventId = 0;
    await this.store.update(
      id,
      undefined,
      actor,
      async (request, em) => {
        const occurredAt = new Date(dto.occurredAt);
        const platform = await this.platformOf(em, request.platformId);
        if (dto.messageId !== undefined) await this.checkMessage(em, id, dto.messageId);
        const patch = applyEvent(
          request,
          { kind: dto.kind, occurredAt, outcome: dto.outcome ?? null, items: dto.items, note: dto.note ?? null, fromMessage },
          {
            slaHours: slaHoursFor(platform, request.type, request.category),
            itemIds: (request.items ?? []).map((i) => i.id),
            now: new Date(),
          },
        );
        Object.assign(request, patch);
        const event = await em.save(
          em.create(RequestEvent, {
            requestId: id,
            kind: dto.kind,
            occurredAt,
            authorId: actor?.id ?? null,
            note: dto.note ?? null,
            outcome: dto.kind === 'refused' ? 'refused' : (dto.outcome ?? null),
            messageId: dto.messageId ?? null,
          }),
        );
        eventId = event.id;
        for (const change of dto.items ?? []) {
          await em.insert(RequestItemChange, { eventId, itemId: change.id, state: change.state, occurredAt });
          // The item's current state is the one from its latest-dated check, whatever the order of recording.
          await em
            .createQueryBuilder()
            .update(RequestItem)
            .set({ state: change.state, checkedAt: occurredAt })
            .where('id = :id AND (checked_at IS NULL OR checked_at <= :at)', { id: change.id, at: occurredAt })
            .execute();
        }
      },
      `event:${dto.kind}`,
    );
    return this.dataSource.getRepository(RequestEvent).findOneOrFail({ where: { id: eventId }, relations: { itemChanges: true } });
  }

  /** An event may cite only an e-mail filed on its own request. Read by SQL: messages belong to the correspondence folder. */
  private async checkMessage(em: EntityManager, requestId: number, messageId: number): Promise<void> {
    const [row] = await em.query('SELECT request_id AS "requestId" FROM messages WHERE id = $1', [messageId]);
    if (!row) throw invalid('messageId', `${messageId} does not match any e-mail`, 'record.unknown_reference');
    if (row.requestId !== requestId) {
      throw invalid('messageId', `e-mail ${messageId} belongs to another request`, 'message.other_request', { id: messageId });
    }
  }

  private async platformOf(em: EntityManager, id: number): Promise<Platform> {
    const platform = await em.findOne(Platform, { where: { id } });
    if (!platform) throw invalid('platformId', `${id} does not match any platform`, 'record.unknown_reference');
    return platform;
  }

  private async agencyOf(em: EntityManager, id: number): Promise<Agency> {
    const agency = await em.findOne(Agency, { where: { id } });
    if (!agency) throw invalid('agencyId', `${id} does not match any agency`, 'record.unknown_reference');
    return agency;
  }

  private async insertItems(em: EntityManager, requestId: number, items: ItemInputDto[]): Promise<void> {
    if (items.length === 0) return;
    await em.insert(
      RequestItem,
      items.map((i) => ({ requestId, url: i.url, contentHash: i.contentHash ?? null })),
    );
  }

  /** Items given with an id are updated, without one added, and left out removed (if never checked). */
  private async syncItems(em: EntityManager, request: PlatformRequest, items: ItemInputDto[]): Promise<void> {
    const existing = new Map((request.items ?? []).map((i) => [i.id, i]));
    items.forEach((item, i) => {
      if (item.id !== undefined && !existing.has(item.id)) {
        throw invalid(`items[${i}].id`, `${item.id} is not an item of this request`, 'request.unknown_item', { id: item.id });
      }
    });
    const kept = new Set(items.map((i) => i.id).filter((id) => id !== undefined));
    const dropped = [...existing.keys()].filter((id) => !kept.has(id));
    if (dropped.length) {
      const checked = await em.count(RequestItemChange, { where: { itemId: In(dropped) } });
      if (checked > 0) throw conflict('request.item_checked', 'an item whose state has been recorded cannot be removed from the request');
      await em.delete(RequestItem, { id: In(dropped) });
    }
    for (const item of items.filter((i) => i.id !== undefined)) {
      await em.update(RequestItem, { id: item.id }, { url: item.url, contentHash: item.contentHash ?? null });
    }
    await this.insertItems(
      em,
      request.id,
      items.filter((i) => i.id === undefined),
    );
  }
}
