import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { conflict, notFound } from '../common/errors/domain-error';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { respondWithList } from '../common/http/list-query';
import { Environment } from '../config/environment';
import { Inbound } from './inbound';
import { FileMessageDto, MessageResponse, messageVisibleTo, toMessageResponse } from './message.dto';
import { MESSAGE_LIST, Messages } from './messages.service';
import { attachmentOf, safeName } from './parsing';
import { Triage } from './triage';
import { readUpload } from './upload';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

/** A download name that no browser or file system can misread. */
const emlName = (id: number, subject: string | null): string =>
  `message-${id}${subject ? `-${safeName(subject, '').slice(0, 60)}` : ''}.eml`;

/** Headers for a stranger's bytes: a download, never shown inline, never sniffed, never scripted. */
const DOWNLOAD_ONLY = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox" };

@ApiTags('messages')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly messages: Messages,
    private readonly inbound: Inbound,
    private readonly triage: Triage,
    private readonly env: Environment,
  ) {}

  @ApiOperation({
    summary: 'List stored e-mails',
    description: 'filter: requestId, direction (in|out), status (filed|triage|dismissed), classification',
  })
  @ApiOkResponse({ type: [MessageResponse] })
  @Get()
  list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() actor: Actor,
  ): Promise<MessageResponse[]> {
    const visible = messageVisibleTo(actor.role);
    return respondWithList(
      res,
      query,
      MESSAGE_LIST,
      (list) => this.messages.list(list),
      (m) => visible(toMessageResponse(m)),
    );
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number, @CurrentUser() actor: Actor): Promise<MessageResponse> {
    return messageVisibleTo(actor.role)(toMessageResponse(await this.messages.get(id)));
  }

  @ApiOperation({
    summary: 'The exact bytes of the e-mail (message/rfc822), as a download',
    description: 'Roles without content:urls may not download it: it carries the addresses of reported content.',
  })
  @ApiProduces('message/rfc822')
  @RequirePermission('content:urls')
  @Get(':id/raw')
  async raw(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { message, raw } = await this.messages.raw(id);
    res.set({
      'Content-Type': 'message/rfc822',
      'Content-Disposition': `attachment; filename="${emlName(message.id, message.subject)}"`,
      ...DOWNLOAD_ONLY,
      'X-Message-SHA256': message.sha256,
    });
    return new StreamableFile(raw);
  }

  @ApiOperation({
    summary: 'One attachment of an e-mail, as a download (application/octet-stream whatever it claims to be)',
    description: 'Never unpacked, never shown inline. Roles without content:urls may not download it.',
  })
  @ApiProduces('application/octet-stream')
  @RequirePermission('content:urls')
  @Get(':id/attachments/:index')
  async attachment(
    @Param('id', ParseIntPipe) id: number,
    @Param('index', ParseIntPipe) index: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { raw } = await this.messages.raw(id);
    const found = await attachmentOf(raw, index);
    if (!found) throw notFound('attachment', `${id}/${index}`);
    res.set({
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${found.info.fileName}"`,
      'X-Attachment-SHA256': found.info.sha256,
      ...DOWNLOAD_ONLY,
    });
    return new StreamableFile(found.content);
  }

  @ApiOperation({
    summary: 'Upload an e-mail (.eml)',
    description:
      'The body as message/rfc822 (requestId in the query) or a multipart form with the fields file and requestId (optional: without it the message is matched like a received one). 409 message.duplicate if it is already stored.',
  })
  @ApiConsumes('message/rfc822', 'multipart/form-data')
  @RequirePermission('requests:respond')
  @Post()
  async upload(@Req() req: Request, @CurrentUser() actor: Actor): Promise<MessageResponse> {
    const { arrival, requestId } = await readUpload(req, this.env.MAIL_MAX_BYTES);
    const { message, duplicate } = await this.inbound.receive(arrival, { requestId, actor });
    if (duplicate) throw conflict('message.duplicate', `this e-mail is already stored as message ${message.id}`, { id: message.id });
    return toMessageResponse(message);
  }

  @ApiOperation({ summary: 'File a message from triage on a request (records what it means there: reply, receipt or bounce)' })
  @RequirePermission('requests:respond')
  @HttpCode(200)
  @Post(':id/file')
  async file(@Param('id', ParseIntPipe) id: number, @Body() body: FileMessageDto, @CurrentUser() actor: Actor): Promise<MessageResponse> {
    return toMessageResponse(await this.triage.file(id, body.requestId, actor));
  }

  @ApiOperation({ summary: 'Dismiss a message from triage (it stays stored)' })
  @RequirePermission('requests:respond')
  @HttpCode(200)
  @Post(':id/dismiss')
  async dismiss(@Param('id', ParseIntPipe) id: number, @CurrentUser() actor: Actor): Promise<MessageResponse> {
    return toMessageResponse(await this.triage.dismiss(id, actor));
  }
}
