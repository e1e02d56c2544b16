import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsISO8601, IsOptional, Matches, Min } from 'class-validator';
import { CreateReportDto } from '../reports/report.dto';
import { CELL_STATUSES } from '../../../domain/src';
import type { FileEntry } from './snapshot-files';
import type { SnapshotDocument } from './snapshot-document';

/** The period and the platforms as a report takes them (`to` exclusive); here the days are whole UTC days and the period has ended. */
export class SnapshotInputDto extends PickType(CreateReportDto, ['from', 'to', 'platformIds'] as const) {
  @ApiPropertyOptional({ default: false, description: 'name the agencies whose requests are counted' })
  @IsOptional()
  @IsBoolean()
  showAgencies?: boolean;

  @ApiPropertyOptional({ description: 'the id of the snapshot this one corrects (same period)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  replaces?: number;

  @ApiPropertyOptional({ description: 'count answers as of this time (not before `to`, not after now); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class PublishSnapshotDto extends SnapshotInputDto {
  @ApiPropertyOptional({ description: "the preview's dataSha256: publishing is refused (409) if the figures changed since" })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'previewSha256 must be a SHA-256 in hex' })
  previewSha256?: string;
}

export const SNAPSHOT_STATUSES = ['preview', 'published', 'replaced'] as const;

export class FileEntryDto {
  @ApiProperty() name: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() bytes: number;
  @ApiProperty() sha256: string;
}

/** A snapshot: `{id, from, to, status, path, sha256}` (the contract) and what else it was published with. */
export class SnapshotRecord {
  @ApiProperty({ nullable: true, type: Number, description: 'null for a preview' }) id: number | null;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ example: '2024-H1' }) label: string;
  @ApiProperty({ enum: SNAPSHOT_STATUSES, description: '`replaced` once a correction names it (the snapshot itself never changes)' })
  status: (typeof SNAPSHOT_STATUSES)[number];
  @ApiProperty({ nullable: true, type: String, example: '/public/2024-H1-3/', description: 'where its files are served' })
  path: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of manifest.json, which lists every file with its own' })
  sha256: string | null;
  @ApiProperty({ description: 'SHA-256 of the published figures (the fingerprint on the page)' }) dataSha256: string;
  @ApiProperty() asOf: Date;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ type: [Number] }) platformIds: number[];
  @ApiProperty() showAgencies: boolean;
  @ApiProperty() minCell: number;
  @ApiProperty({ nullable: true, type: Number }) replaces: number | null;
  @ApiProperty({ nullable: true, type: Number }) replacedBy: number | null;
  @ApiProperty({ type: [FileEntryDto] }) files: FileEntry[];
  @ApiPropertyOptional({
    description: `what the files show (data.json): per platform, each figure as {value, status}, status one of ${CELL_STATUSES.join(', ')}`,
  })
  document?: SnapshotDocument;
}
