import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_ITEMS_PER_REQUEST } from './request.dto';
import type { RequestEvent } from './request-event.entity';
import { EVENT_KINDS, type EventKind, ITEM_STATES, type ItemState, REQUEST_OUTCOMES, type RequestOutcome } from '../../../domain/src';

export class ItemStateDto {
  @ApiProperty() @IsInt() @Min(1) id: number;
  @ApiProperty({ enum: ITEM_STATES }) @IsIn(ITEM_STATES) state: ItemState;
}

export class CreateEventDto {
  @ApiProperty({ enum: EVENT_KINDS }) @IsIn(EVENT_KINDS) kind: EventKind;
  @ApiProperty({ example: '2024-06-02T09:00:00Z' }) @IsISO8601({ strict: true }) occurredAt: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) note?: string;

  @ApiPropertyOptional({ enum: REQUEST_OUTCOMES, description: "required with kind 'outcome'" })
  @IsOptional()
  @IsIn(REQUEST_OUTCOMES)
  outcome?: RequestOutcome;

  @ApiPropertyOptional({ type: [ItemStateDto], description: "item states, with kinds 'outcome' and 'item_checked'" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => ItemStateDto)
  items?: ItemStateDto[];

  @ApiPropertyOptional({
    description: 'the stored e-mail this event is recorded from (e.g. the outcome a reply gave); it must be on this request',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  messageId?: number;
}

export class EventResponse {
  @ApiProperty() id: number;
  @ApiProperty() requestId: number;
  @ApiProperty({ enum: EVENT_KINDS }) kind: EventKind;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ nullable: true, type: Number }) authorId: number | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: REQUEST_OUTCOMES, nullable: true }) outcome: RequestOutcome | null;
  @ApiProperty({ type: [ItemStateDto] }) items: ItemStateDto[];
  @ApiProperty({ nullable: true, type: Number }) messageId: number | null;
  @ApiProperty() recordedAt: Date;
}

export const toEventResponse = (e: RequestEvent): EventResponse => ({
  id: e.id,
  requestId: e.requestId,
  kind: e.kind,
  occurredAt: e.occurredAt,
  authorId: e.authorId,
  note: e.note,
  outcome: e.outcome,
  items: (e.itemChanges ?? []).map((c) => ({ id: c.itemId, state: c.state })),
  messageId: e.messageId,
  recordedAt: e.recordedAt,
});
