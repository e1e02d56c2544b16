import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { toEventResponse } from '../requests/request-event.dto';
import { RequestsService } from '../requests/requests.service';
import { toRequestResponse } from '../requests/request.dto';
import { Message } from './message.entity';
import { toMessageAudit } from './message.dto';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A request's evidence as one zip: every message's exact bytes, the request and its timeline, the
 * messages' records, and SHA256SUMS over every file (checkable with `sha256sum -c`).
 */
@Injectable()
export class Evidence {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
  ) {}

  async zip(requestId: number): Promise<{ reference: string; stream: NodeJS.ReadableStream }> {
    const request = await this.requests.get(requestId);
    const events = await this.requests.listEvents(requestId);
    const messages = await this.dataSource
      .getRepository(Message)
      .createQueryBuilder('m')
      .addSelect('m.raw')
      .where('m.request_id = :requestId', { requestId })
      .orderBy('m.id')
      .getMany();
    const files: [name: string, bytes: Buffer][] = [
      ['request.json', Buffer.from(JSON.stringify(toRequestResponse(request), null, 2))],
      ['timeline.json', Buffer.from(JSON.stringify(events.map(toEventResponse), null, 2))],
      ['messages.json', Buffer.from(JSON.stringify(messages.map(toMessageAudit), null, 2))],
      ...messages.map((m): [string, Buffer] => [`messages/${String(m.id).padStart(6, '0')}-${m.direction}.eml`, m.raw]),
    ];
    const zip = new ZipFile();
    for (const [name, bytes] of files) zip.addBuffer(bytes, name);
    zip.addBuffer(Buffer.from(files.map(([name, bytes]) => `${sha(bytes)}  ${name}\n`).join('')), 'SHA256SUMS');
    zip.end();
    return { reference: request.reference, stream: zip.outputStream };
  }
}
