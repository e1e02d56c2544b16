import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { respondWithList } from '../common/http/list-query';
import { PlatformInputDto, PlatformResponse, toPlatformResponse, UpdatePlatformDto } from './platform.dto';
import { PLATFORM_LIST, PlatformsService } from './platforms.service';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

@ApiTags('platforms')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('platforms')
export class PlatformsController {
  constructor(private readonly platforms: PlatformsService) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<PlatformResponse[]> {
    return respondWithList(res, query, PLATFORM_LIST, (list) => this.platforms.list(list), toPlatformResponse);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<PlatformResponse> {
    return toPlatformResponse(await this.platforms.get(id));
  }

  @RequirePermission('platforms:write')
  @Post()
  async create(@Body() body: PlatformInputDto, @CurrentUser() actor: Actor): Promise<PlatformResponse> {
    return toPlatformResponse(await this.platforms.create(body, actor));
  }

  @RequirePermission('platforms:write')
  @Put(':id')
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdatePlatformDto,
    @CurrentUser() actor: Actor,
  ): Promise<PlatformResponse> {
    return toPlatformResponse(await this.platforms.update(id, body, actor));
  }

  @RequirePermission('platforms:write')
  @Delete(':id')
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentUser() actor: Actor): Promise<PlatformResponse> {
    return toPlatformResponse(await this.platforms.remove(id, actor));
  }
}
