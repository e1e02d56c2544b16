import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { respondWithList } from '../common/http/list-query';
import { ConsultationInputDto, ConsultationResponse, toConsultationResponse, UpdateConsultationDto } from './consultation.dto';
import { CONSULTATION_LIST, ConsultationsService } from './consultations.service';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

@ApiTags('consultations')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<ConsultationResponse[]> {
    return respondWithList(res, query, CONSULTATION_LIST, (list) => this.consultations.list(list), toConsultationResponse);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<ConsultationResponse> {
    return toConsultationResponse(await this.consultations.get(id));
  }

  @RequirePermission('consultations:write')
  @Post()
  async create(@Body() body: ConsultationInputDto, @CurrentUser() actor: Actor): Promise<ConsultationResponse> {
    return toConsultationResponse(await this.consultations.create(body, actor));
  }

  @RequirePermission('consultations:write')
  @Put(':id')
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateConsultationDto,
    @CurrentUser() actor: Actor,
  ): Promise<ConsultationResponse> {
    return toConsultationResponse(await this.consultations.update(id, body, actor));
  }

  @RequirePermission('consultations:write')
  @Delete(':id')
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentUser() actor: Actor): Promise<ConsultationResponse> {
    return toConsultationResponse(await this.consultations.remove(id, actor));
  }
}
