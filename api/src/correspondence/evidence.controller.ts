import { Controller, Get, Param, ParseIntPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { RequirePermission } from '../common/http/access';
import { Evidence } from './evidence';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

@ApiTags('messages')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('requests')
export class EvidenceController {
  constructor(private readonly evidence: Evidence) {}

  @ApiOperation({ summary: "The request's evidence as a zip: every e-mail byte for byte, the request, its timeline, SHA256SUMS" })
  @ApiProduces('application/zip')
  @RequirePermission('content:urls')
  @Get(':id/evidence.zip')
  async zip(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { reference, stream } = await this.evidence.zip(id);
    const name = `evidence-${reference.replace(/[^A-Za-z0-9-]+/g, '-')}.zip`;
    res.set({
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
    });
    return new StreamableFile(stream as Readable);
  }
}
