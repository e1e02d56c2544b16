import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { respondWithList } from '../common/http/list-query';
import { AgencyInputDto, AgencyResponse, toAgencyResponse, UpdateAgencyDto } from './agency.dto';
import { AGENCY_LIST, AgenciesService } from './agencies.service';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

@ApiTags('agencies')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<AgencyResponse[]> {
    return respondWithList(res, query, AGENCY_LIST, (list) => this.agencies.list(list), toAgencyResponse);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<AgencyResponse> {
    return toAgencyResponse(await this.agencies.get(id));
  }

  @RequirePermission('agencies:write')
  @Post()
  async create(@Body() body: AgencyInputDto, @CurrentUser() actor: Actor): Promise<AgencyResponse> {
    return toAgencyResponse(await this.agencies.create(body, actor));
  }

  @RequirePermission('agencies:write')
  @Put(':id')
  async update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateAgencyDto, @CurrentUser() actor: Actor): Promise<AgencyResponse> {
    return toAgencyResponse(await this.agencies.update(id, body, actor));
  }

  @RequirePermission('agencies:write')
  @Delete(':id')
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentUser() actor: Actor): Promise<AgencyResponse> {
    return toAgencyResponse(await this.agencies.remove(id, actor));
  }
}
