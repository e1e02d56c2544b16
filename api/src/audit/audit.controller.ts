import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../common/http/access';
import { respondWithList } from '../common/http/list-query';
import { AUDIT_LIST, AuditService } from './audit.service';
import type { AuditEntry } from './audit-entry.entity';
import { ChainVerification } from './chain-verification.dto';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

@ApiTags('audit')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  // Declared first, so that no ':id' route added later takes "verify" for an id.
  @ApiOperation({
    summary: 'Recompute the hash chain of the audit log',
    description:
      'Every entry holds the hash of the entry before it and a hash of its own content, set by the database, which refuses to update, delete or truncate the log. This recomputes the chain in seq order and answers with the first entry that does not match: altered (hash mismatch), unlinked, or missing. Entries cut off the end, or a chain rewritten from scratch, cannot be seen from inside the log: compare lastSeq and lastHash with the ones noted outside the database at an earlier check.',
  })
  @ApiOkResponse({ type: ChainVerification })
  @RequirePermission('audit:read')
  @Get('verify')
  verify(): Promise<ChainVerification> {
    return this.audit.verifyChain();
  }

  @RequirePermission('audit:read')
  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<AuditEntry[]> {
    return respondWithList(
      res,
      query,
      AUDIT_LIST,
      (list) => this.audit.list(list),
      (row) => row,
    );
  }
}
