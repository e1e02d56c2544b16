import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { FindOptionsRelations, DataSource, DeepPartial, EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { Actor } from '../common/http/access';
import type { AuditService } from './audit.service';
import { notFound } from '../common/errors/domain-error';
import { assertVersion } from '../common/http/version';

interface Versioned {
  id: number;
  version: number;
}

/**
 * Create, update and delete of one kind of record, each in a transaction that also writes the
 * audit entry, with a row lock and a version check on update: the write path every resource shares.
 */
export class AuditedStore<E extends Versioned> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly target: EntityTarget<E>,
    /** The resource name used in messages and the audit log ("platforms"). */
    private readonly resource: string,
    /** What the audit log keeps of a record: its API representation. */
    private readonly snapshot: (record: E) => unknown,
    /** Child records loaded with the record (items, action items). */
    private readonly relations: FindOptionsRelations<E> = {},
  ) {}

  private get noun(): string {
    return this.resource.replace(/ies$/, 'y').replace(/s$/, '');
  }

  /** The record's own columns: saving the loaded relations too would let TypeORM orphan child rows. */
  private columnsOf(record: E, em: EntityManager): QueryDeepPartialEntity<E> {
    const columns = em.connection
      .getMetadata(this.target)
      .columns.filter((c) => c.isUpdate && !c.isPrimary && !c.isCreateDate && !c.isUpdateDate);
    return Object.fromEntries(
      columns.map((c) => [c.propertyName, (record as Record<string, unknown>)[c.propertyName]]),
    ) as QueryDeepPartialEntity<E>;
  }

  async get(id: number, em: EntityManager = this.dataSource.manager, lock = false): Promise<E> {
    // find, not findOne: findOne's LIMIT 1 with relations costs TypeORM a second query (the ids first).
    const [record] = await em.find(this.target, {
      where: { id } as FindOptionsWhere<E>,
      relations: lock ? {} : this.relations,
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!record) throw notFound(this.noun, id);
    return record;
  }

  create(
    actor: Actor | null,
    build: (em: EntityManager) => Promise<DeepPartial<E>> | DeepPartial<E>,
    after?: (record: E, em: EntityManager) => Promise<void>,
  ): Promise<E> {
    return this.dataSource.transaction(async (em) => {
      const record = await em.save(this.target, em.create(this.target, await build(em)));
      await after?.(record, em);
      const fresh = await this.get(record.id, em);
      await this.audit.record(
        { userId: actor?.id ?? null, action: 'create', entity: this.resource, entityId: fresh.id, after: this.snapshot(fresh) },
        em,
      );
      return fresh;
    });
  }

  update(
    id: number,
    version: number | undefined,
    /** null: the system (a scheduled job). */
    actor: Actor | null,
    apply: (record: E, em: EntityManager) => Promise<void> | void,
    action = 'update',
  ): Promise<E> {
    return this.dataSource.transaction(async (em) => {
      await this.get(id, em, true);
      const record = await this.get(id, em);
      assertVersion(this.noun, record.version, version);
      const before = this.snapshot(record);
      await apply(record, em);
      // Bumps the version even when only child rows changed, so that a stale copy is always refused.
      record.version += 1;
      await em.update(this.target, { id } as FindOptionsWhere<E>, this.columnsOf(record, em));
      const fresh = await this.get(id, em);
      await this.audit.record(
        { userId: actor?.id ?? null, action, entity: this.resource, entityId: id, before, after: this.snapshot(fresh) },
        em,
      );
      return fresh;
    });
  }

  remove(id: number, actor: Actor, check?: (record: E) => void): Promise<E> {
    return this.dataSource.transaction(async (em) => {
      await this.get(id, em, true);
      const record = await this.get(id, em);
      check?.(record);
      const before = this.snapshot(record);
      await em.delete(this.target, { id } as FindOptionsWhere<E>);
      await this.audit.record({ userId: actor.id, action: 'delete', entity: this.resource, entityId: id, before }, em);
      return record;
    });
  }
}
