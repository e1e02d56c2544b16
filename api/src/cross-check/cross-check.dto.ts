import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { LANGUAGES, type Language, REQUESTER_TYPES, type RequesterType } from '../../../domain/src';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Which published figures to line up with ours; every filter optional. */
export class CrossCheckQueryDto {
  @ApiPropertyOptional({ example: 'KR' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'jurisdiction must be an ISO 3166-1 alpha-2 code such as KR' })
  jurisdiction?: string;
  @ApiPropertyOptional({ enum: REQUESTER_TYPES }) @IsOptional() @IsIn(REQUESTER_TYPES) requesterType?: RequesterType;
  @ApiPropertyOptional({ description: 'a company (Google, Meta) or a service (YouTube)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) publisher?: string;
  @ApiPropertyOptional({ description: "the rows whose subject stands for this platform (its service's, or its company's)" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  platformId?: number;
  @ApiPropertyOptional({ description: 'periods starting on or after this date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ description: 'periods ending before this date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
  @ApiPropertyOptional({ enum: LANGUAGES, description: "the findings' language; default: the Accept-Language header's" })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
