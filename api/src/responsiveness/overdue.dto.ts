import { ApiProperty } from '@nestjs/swagger';
import type { PlatformRequest } from '../requests/request.entity';
import { REQUEST_CATEGORIES, REQUEST_CHANNELS, REQUEST_STATUSES, REQUEST_TYPES } from '../../../domain/src';

/** One unanswered request past its deadline, as a liaison officer takes it into a meeting. */
export class OverdueRow {
  @ApiProperty() id: number;
  @ApiProperty() reference: string;
  @ApiProperty() platformId: number;
  @ApiProperty() agencyId: number;
  @ApiProperty({ enum: REQUEST_TYPES }) type: string;
  @ApiProperty({ enum: REQUEST_CATEGORIES }) category: string;
  @ApiProperty({ enum: REQUEST_CHANNELS }) channel: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: string;
  @ApiProperty() sentAt: Date;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ description: 'whole days from sending to asOf' }) daysWaiting: number;
  @ApiProperty({ description: 'hours past dueAt at asOf, one decimal' }) hoursOverdue: number;
}

export const toOverdueRow = (r: PlatformRequest, asOf: Date): OverdueRow => ({
  id: r.id,
  reference: r.reference,
  platformId: r.platformId,
  agencyId: r.agencyId,
  type: r.type,
  category: r.category,
  channel: r.channel,
  status: r.status,
  sentAt: r.sentAt!,
  dueAt: r.dueAt!,
  daysWaiting: Math.floor((asOf.getTime() - r.sentAt!.getTime()) / 86_400_000),
  hoursOverdue: Math.round(((asOf.getTime() - r.dueAt!.getTime()) / 3_600_000) * 10) / 10,
});
