import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import { enumFilter, findPage, intFilter, type ListQuery, type ListSpec } from '../common/http/list-query';
import { MESSAGE_CLASSIFICATIONS, MESSAGE_DIRECTIONS, MESSAGE_STATUSES } from '../../../domain/src';
import { Message } from './message.entity';

export const MESSAGE_LIST: ListSpec<Message> = {
  resource: 'messages',
  sortable: { id: 'm.id', receivedAt: 'm.receivedAt', createdAt: 'm.createdAt', subject: 'm.subject' },
  defaultSort: ['id', 'DESC'],
  filters: {
    requestId: intFilter('m.requestId', 'requestId'),
    direction: enumFilter('m.direction', 'direction', MESSAGE_DIRECTIONS),
    status: enumFilter('m.status', 'status', MESSAGE_STATUSES),
    classification: enumFilter('m.classification', 'classification', MESSAGE_CLASSIFICATIONS),
  },
};

/** Reading the stored messages: lists, one record, its exact bytes. */
@Injectable()
export class Messages {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ListQuery): Promise<[Message[], number]> {
    return findPage(this.dataSource.getRepository(Message).createQueryBuilder('m'), query, MESSAGE_LIST);
  }

  async get(id: number): Promise<Message> {
    const message = await this.dataSource.getRepository(Message).findOneBy({ id });
    if (!message) throw notFound('message', id);
    return message;
  }

  async raw(id: number): Promise<{ message: Message; raw: Buffer }> {
    const message = await this.dataSource
      .getRepository(Message)
      .createQueryBuilder('m')
      .addSelect('m.raw')
      .where('m.id = :id', { id })
      .getOne();
    if (!message) throw notFound('message', id);
    return { message, raw: message.raw };
  }
}
