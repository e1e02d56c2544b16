import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { PlatformRequest } from './request.entity';
import {
  can,
  isOverdue,
  ITEM_STATES,
  type ItemState,
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestCategory,
  type RequestChannel,
  type RequestOutcome,
  type RequestStatus,
  type RequestType,
  type Role,
} from '../../../domain/src';

export const MAX_ITEMS_PER_REQUEST = 1000;

export class ItemInputDto {
  /** Present for an item that already exists (on update). */
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) id?: number;

  @ApiProperty({ example: 'https://t.me/some-channel/123' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({ description: 'SHA-256 or perceptual hash supplied by the user; the media itself is never uploaded' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  contentHash?: string | null;

  // Read-only: states change through events only.
  @Allow() state?: unknown;
  @Allow() checkedAt?: unknown;
}

class RequestFieldsDto {
  @ApiProperty() @IsInt() @Min(1) platformId: number;
  @ApiProperty() @IsInt() @Min(1) agencyId: number;
  @ApiProperty({ enum: REQUEST_TYPES }) @IsIn(REQUEST_TYPES) type: RequestType;
  @ApiProperty({ enum: REQUEST_CATEGORIES }) @IsIn(REQUEST_CATEGORIES) category: RequestCategory;
  @ApiProperty({ enum: REQUEST_CHANNELS }) @IsIn(REQUEST_CHANNELS) channel: RequestChannel;

  @ApiProperty({ description: 'unique per agency', example: 'KNPA-2020-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference: string;

  @ApiPropertyOptional({ description: "the platform's ticket number" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  platformRef?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) notes?: string | null;

  @ApiPropertyOptional({ type: [ItemInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => ItemInputDto)
  items?: ItemInputDto[];
}

export class CreateRequestDto extends RequestFieldsDto {
  @ApiPropertyOptional({ description: 'given: the request is created as sent; omitted: as a draft' })
  @IsOptional()
  @IsISO8601({ strict: true })
  sentAt?: string;
}

/** The whole record as read back: derived fields are accepted and ignored; they change through events. */
export class UpdateRequestDto extends RequestFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() version?: number;
  @Allow() id?: unknown;
  @Allow() status?: unknown;
  @Allow() outcome?: unknown;
  @Allow() sentAt?: unknown;
  @Allow() dueAt?: unknown;
  @Allow() firstResponseAt?: unknown;
  @Allow() resolvedAt?: unknown;
  @Allow() overdue?: unknown;
  @Allow() deliveryFailedAt?: unknown;
  @Allow() deliveryFailure?: unknown;
  @Allow() createdById?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() updatedAt?: unknown;
}

export class ItemResponse {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: String, description: 'null for roles without content:urls (analysts)' }) url: string | null;
  @ApiProperty({ nullable: true, type: String }) contentHash: string | null;
  @ApiProperty({ enum: ITEM_STATES }) state: ItemState;
  @ApiProperty({ nullable: true, type: Date }) checkedAt: Date | null;
}

export class RequestResponse {
  @ApiProperty() id: number;
  @ApiProperty() platformId: number;
  @ApiProperty() agencyId: number;
  @ApiProperty({ enum: REQUEST_TYPES }) type: RequestType;
  @ApiProperty({ enum: REQUEST_CATEGORIES }) category: RequestCategory;
  @ApiProperty({ enum: REQUEST_CHANNELS }) channel: RequestChannel;
  @ApiProperty() reference: string;
  @ApiProperty({ nullable: true, type: String }) platformRef: string | null;
  @ApiProperty({ nullable: true, type: Date }) sentAt: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'sentAt + the SLA in force when it was sent' }) dueAt: Date | null;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty({ enum: REQUEST_OUTCOMES, nullable: true }) outcome: RequestOutcome | null;
  @ApiProperty({ nullable: true, type: Date }) firstResponseAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt: Date | null;
  @ApiProperty({ description: 'unanswered and past dueAt, now' }) overdue: boolean;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: "when the request's e-mail last bounced; null once a dispatch is accepted again",
  })
  deliveryFailedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'the reason the mail server gave for the bounce' }) deliveryFailure:
    string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ type: [ItemResponse] }) items: ItemResponse[];
  @ApiProperty({ nullable: true, type: Number }) createdById: number | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

/** The request as this role may see it: without content URLs unless it holds content:urls. */
export const visibleTo =
  (role: Role) =>
  (r: RequestResponse): RequestResponse =>
    can(role, 'content:urls') ? r : { ...r, items: r.items.map((i) => ({ ...i, url: null })) };

export const toRequestResponse = (r: PlatformRequest, now = new Date()): RequestResponse => ({
  id: r.id,
  platformId: r.platformId,
  agencyId: r.agencyId,
  type: r.type,
  category: r.category,
  channel: r.channel,
  reference: r.reference,
  platformRef: r.platformRef,
  sentAt: r.sentAt,
  dueAt: r.dueAt,
  status: r.status,
  outcome: r.outcome,
  firstResponseAt: r.firstResponseAt,
  resolvedAt: r.resolvedAt,
  overdue: isOverdue(r, now),
  deliveryFailedAt: r.deliveryFailedAt,
  deliveryFailure: r.deliveryFailure,
  notes: r.notes,
  items: [...(r.items ?? [])]
    .sort((a, b) => a.id - b.id)
    .map((i) => ({ id: i.id, url: i.url, contentHash: i.contentHash, state: i.state, checkedAt: i.checkedAt })),
  createdById: r.createdById,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
