import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { type Report } from './report.entity';
import { type Language, LANGUAGES, REPORT_KINDS, REPORT_STATUSES, type ReportKind, type ReportStatus } from '../../../domain/src';

const LANGUAGE_DEFAULT = "the PDF's language; default: the first supported language of the Accept-Language header, else en";

export class CreateReportDto {
  @ApiProperty({ example: '2020-02-01T00:00:00Z', description: 'start of the period (inclusive)' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ example: '2020-09-01T00:00:00Z', description: 'end of the period (exclusive)' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiPropertyOptional({ type: [Number], description: 'default: every platform' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  platformIds?: number[];

  @ApiPropertyOptional({ description: 'count only what was known at this time; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ description: 'only the requests of this agency' })
  @IsOptional()
  @IsInt()
  @Min(1)
  agencyId?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: LANGUAGE_DEFAULT }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
}

export class CreateBriefDto {
  @ApiProperty() @IsInt() @Min(1) platformId: number;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ enum: LANGUAGES, description: LANGUAGE_DEFAULT }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
}

export class ReportResponse {
  @ApiProperty() id: number;
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty() title: string;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ nullable: true, type: Date }) from: Date | null;
  @ApiProperty({ nullable: true, type: Date }) to: Date | null;
  @ApiProperty() asOf: Date;
  @ApiProperty({ type: [Number] }) platformIds: number[];
  @ApiProperty({ nullable: true, type: Number }) agencyId: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'the schedule slot of a scheduled report' }) scheduleSlot: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the data the report was built from' }) dataSha256: string | null;
  @ApiProperty({ nullable: true, type: Number }) pageCount: number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number }) requestedById: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty() version: number;
}

export const toReportResponse = (r: Report): ReportResponse => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  title: r.title,
  language: r.language,
  from: r.periodFrom,
  to: r.periodTo,
  asOf: r.asOf,
  platformIds: r.platformIds,
  agencyId: r.agencyId,
  scheduleSlot: r.scheduleSlot,
  dataSha256: r.dataSha256,
  pageCount: r.pageCount,
  error: r.error,
  attempts: r.attempts,
  requestedById: r.requestedById,
  createdAt: r.createdAt,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  version: r.version,
});
