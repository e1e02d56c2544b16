import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { conflict, invalid, notFound } from '../common/errors/domain-error';
import type { Actor } from '../common/http/access';
import { Filing } from './filing';
import { Message } from './message.entity';
import { toMessageAudit } from './message.dto';

/** The triage inbox: a liaison officer files a message that matched nothing on its request, or dismisses it. */
@Injectable()
export class Triage {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly filing: Filing,
  ) {}

  async file(id: number, requestId: number, actor: Actor): Promise<Message> {
    const message = await this.change(id, actor, 'file', async (m, em) => {
      const [request] = await em.query('SELECT id FROM requests WHERE id = $1', [requestId]);
      if (!request) throw invalid('requestId', `${requestId} does not match any request`, 'record.unknown_reference');
      m.requestId = requestId;
      m.status = 'filed';
    });
    await this.filing.recordOnRequest(message, actor);
    return message;
  }

  dismiss(id: number, actor: Actor): Promise<Message> {
    return this.change(id, actor, 'dismiss', (m) => {
      m.status = 'dismissed';
    });
  }

  private change(
    id: number,
    actor: Actor,
    action: string,
    apply: (m: Message, em: EntityManager) => Promise<void> | void,
  ): Promise<Message> {
    return this.dataSource.transaction(async (em) => {
      const message = await em.findOne(Message, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!message) throw notFound('message', id);
      if (message.status !== 'triage') {
        throw conflict('message.not_in_triage', `message ${id} is ${message.status}; only a message in triage can be filed or dismissed`, {
          status: message.status,
        });
      }
      const before = toMessageAudit(message);
      await apply(message, em);
      await em.update(Message, { id }, { requestId: message.requestId, status: message.status });
      await this.audit.record({ userId: actor.id, action, entity: 'messages', entityId: id, before, after: toMessageAudit(message) }, em);
      return message;
    });
  }
}
