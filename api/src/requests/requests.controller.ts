import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { respondWithJsonList } from '../common/http/list-query';
import { CreateRequestDto, RequestResponse, toRequestResponse, UpdateRequestDto, visibleTo } from './request.dto';
import { CreateEventDto, EventResponse, toEventResponse } from './request-event.dto';
import { REQUEST_LIST, RequestsService } from './requests.service';
import { can } from '../../../domain/src';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

@ApiTags('requests')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @ApiOperation({
    summary: 'List requests',
    description:
      'filter: platformId, agencyId, type, category, channel, status, outcome, sentAt_gte, sentAt_lt, overdue, undelivered, q (full text)',
  })
  @ApiOkResponse({ type: [RequestResponse] })
  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response, @CurrentUser() actor: Actor): Promise<string> {
    const withUrls = can(actor.role, 'content:urls');
    return respondWithJsonList(res, query, REQUEST_LIST, (list) => this.requests.list(list, withUrls));
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number, @CurrentUser() actor: Actor): Promise<RequestResponse> {
    return visibleTo(actor.role)(toRequestResponse(await this.requests.get(id)));
  }

  @ApiOperation({ summary: 'Create a request: sent when sentAt is given, a draft otherwise' })
  @RequirePermission('requests:write')
  @Post()
  async create(@Body() body: CreateRequestDto, @CurrentUser() actor: Actor): Promise<RequestResponse> {
    return toRequestResponse(await this.requests.create(body, actor));
  }

  @RequirePermission('requests:write')
  @Put(':id')
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateRequestDto,
    @CurrentUser() actor: Actor,
  ): Promise<RequestResponse> {
    return toRequestResponse(await this.requests.update(id, body, actor));
  }

  @ApiOperation({ summary: 'Delete a draft (a sent request is withdrawn instead)' })
  @RequirePermission('requests:write')
  @Delete(':id')
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentUser() actor: Actor): Promise<RequestResponse> {
    return toRequestResponse(await this.requests.remove(id, actor));
  }

  @ApiOperation({ summary: "The request's timeline, oldest first" })
  @Get(':id/events')
  async events(@Param('id', ParseIntPipe) id: number): Promise<EventResponse[]> {
    return (await this.requests.listEvents(id)).map(toEventResponse);
  }

  @ApiOperation({
    summary: 'Record a timeline event',
    description:
      'The first platform event (acknowledged, info_requested, outcome, refused) sets firstResponseAt; outcome and refused resolve the request; withdrawn withdraws it; item_checked records item states. Liaison officers may record platform events and notes only.',
  })
  @RequirePermission('requests:respond')
  @Post(':id/events')
  async recordEvent(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: CreateEventDto,
    @CurrentUser() actor: Actor,
  ): Promise<EventResponse> {
    return toEventResponse(await this.requests.recordEvent(id, body, actor));
  }
}
