import { REQUEST_CSV_COLUMNS } from '../../../domain/src';
import type { Readable } from 'node:stream';
import { BadRequestException, Controller, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { type ImportResult, RequestsImportService } from './requests-import.service';
import { uploadedFile } from '../common/http/upload';

const TEMPLATE = `${REQUEST_CSV_COLUMNS.join(',')}
Korean National Police Agency,KNPA-2024-0001,telegram,removal,deepfake_sexual,email,2024-03-01T09:30:00Z,,,,,https://t.me/example/1,,
Korean National Police Agency,KNPA-2024-0001,telegram,removal,deepfake_sexual,email,2024-03-01T09:30:00Z,,,,,https://t.me/example/2,,
`;

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: RequestsImportService) {}

  @ApiOperation({
    summary: 'Import requests from CSV (DOMAIN.md format), all or nothing',
    description:
      'Send the CSV as the body (Content-Type: text/csv) or as a multipart form field named file. Comma or semicolon, UTF-8 with or without BOM. Requests whose (agency, reference) already exist are skipped. Any row with an error: 400 with every error (line, field, message) and nothing imported.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @RequirePermission('requests:write')
  @HttpCode(200)
  @Post('requests')
  async requests(@Req() req: Request, @CurrentUser() actor: Actor): Promise<ImportResult> {
    const input: Readable = await uploadedFile(req);
    const result = await this.imports.importCsv(input, actor);
    if (result.errors.length > 0) {
      const rows = new Set(result.errors.map((e) => e.line)).size;
      const code = result.errors.some((e) => e.field === 'header') ? 'import.unknown_column' : 'import.rows_invalid';
      throw new BadRequestException({
        ...result,
        code,
        params: { rows },
        message: `${rows} row${rows === 1 ? ' has' : 's have'} errors; nothing was imported`,
      });
    }
    return result;
  }

  @ApiOperation({ summary: 'A CSV template: the header and an example request with two items' })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="requests-template.csv"')
  @Get('requests/template.csv')
  template(): string {
    return TEMPLATE;
  }
}
