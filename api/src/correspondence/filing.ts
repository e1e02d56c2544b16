import { Injectable } from '@nestjs/common';
import { MESSAGE_EVENT_BY_CLASSIFICATION } from '../../../domain/src';
import { DomainError } from '../common/errors/domain-error';
import type { Actor } from '../common/http/access';
import type { RequestEvent } from '../requests/request-event.entity';
import { RequestsService } from '../requests/requests.service';
import type { Message } from './message.entity';

/**
 * What a received message records on its request: a reply is a response (`message_received`), a robot's
 * receipt is not (`receipt_confirmed`), a bounce marks it not delivered (`delivery_failed`), each dated
 * by the mailbox's receipt time. The message is filed whatever happens; when the request's lifecycle
 * does not take the event (a closed request, a reply dated before sending), only the event is left out.
 */
@Injectable()
export class Filing {
  constructor(private readonly requests: RequestsService) {}

  async recordOnRequest(message: Message, actor: Actor | null): Promise<RequestEvent | null> {
    const kind = MESSAGE_EVENT_BY_CLASSIFICATION[message.classification];
    if (!kind || !message.requestId || !message.receivedAt) return null;
    const note = kind === 'delivery_failed' ? (message.bounceReason ?? 'not delivered') : message.subject;
    try {
      return await this.requests.recordEvent(
        message.requestId,
        { kind, occurredAt: message.receivedAt.toISOString(), note: note ?? undefined, messageId: message.id },
        actor,
        true,
      );
    } catch (err) {
      if (err instanceof DomainError && err.status < 500) return null;
      throw err;
    }
  }
}
