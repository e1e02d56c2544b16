import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../auth/auth.decorators';
import { respondWithList } from '../common/http/list-query';
import { AUDIT_LIST, AuditService } from './audit.service';
import type { AuditEntry } from './audit-entry.entity';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @RequirePermission('audit:read')
  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<AuditEntry[]> {
    return respondWithList(res, query, AUDIT_LIST, (list) => this.audit.list(list), (row) => row);
  }
}
