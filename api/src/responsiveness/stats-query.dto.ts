import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import {
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_TYPES,
  type RequestCategory,
  type RequestChannel,
  type RequestType,
} from '../../../domain/src';

/** Which requests the metrics are about: sentAt in [from, to), evaluated as of asOf (default now). */
export class StatsQueryDto {
  @ApiPropertyOptional({ description: 'start of the period (inclusive), ISO-8601; default: the beginning' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'end of the period (exclusive), ISO-8601; default: no end' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'count only what was known at this time; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ enum: REQUEST_TYPES }) @IsOptional() @IsIn(REQUEST_TYPES) type?: RequestType;
  @ApiPropertyOptional({ enum: REQUEST_CATEGORIES }) @IsOptional() @IsIn(REQUEST_CATEGORIES) category?: RequestCategory;
  @ApiPropertyOptional({ enum: REQUEST_CHANNELS }) @IsOptional() @IsIn(REQUEST_CHANNELS) channel?: RequestChannel;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) agencyId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) platformId?: number;
}

export const INTERVALS = ['month', 'quarter', 'year'] as const;
export type Interval = (typeof INTERVALS)[number];

export class SeriesQueryDto extends StatsQueryDto {
  @ApiPropertyOptional({ enum: INTERVALS, default: 'month' })
  @IsOptional()
  @IsIn(INTERVALS)
  interval?: Interval;
}

export const DIMENSIONS = ['type', 'category', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export class BreakdownQueryDto extends StatsQueryDto {
  @ApiPropertyOptional({ enum: DIMENSIONS, default: 'type' })
  @IsOptional()
  @IsIn(DIMENSIONS)
  by?: Dimension;
}

export class KmCurveQueryDto extends StatsQueryDto {
  @ApiPropertyOptional({ default: 720, description: 'the curve up to this many hours after sending' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(87_600)
  maxHours?: number;
}
