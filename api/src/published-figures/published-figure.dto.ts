import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PUBLISHED_METRICS, REQUESTER_TYPES, SUBJECT_KINDS } from '../../../domain/src';

/** A figure typed in (checked further as a row of our CSV, so both say the same of a bad value). */
export class PublishedFigureInputDto {
  @ApiProperty() @IsString() @MaxLength(200) publisher: string;
  @ApiProperty() @IsString() @MaxLength(200) subject: string;
  @ApiPropertyOptional({ enum: SUBJECT_KINDS }) @IsOptional() @IsIn(SUBJECT_KINDS) subjectKind?: string;
  @ApiProperty({ example: '2024-H1' }) @IsString() @MaxLength(40) period: string;
  @ApiPropertyOptional({ example: 'KR' }) @IsOptional() @IsString() @MaxLength(2) jurisdiction?: string;
  @ApiPropertyOptional({ enum: REQUESTER_TYPES }) @IsOptional() @IsIn(REQUESTER_TYPES) requesterType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) category?: string;
  @ApiProperty({ enum: PUBLISHED_METRICS }) @IsIn(PUBLISHED_METRICS) metric: string;
  @ApiProperty({ example: '65', description: 'As published (text or number): its decimals say how it was rounded' })
  @IsDefined()
  value: string | number;
  @ApiProperty({ description: 'Where the figure was read: a report’s address, or a description of the bot or PDF' })
  @IsString()
  @MaxLength(2000)
  sourceUrl: string;
}
