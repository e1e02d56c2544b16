import { ApiProperty } from '@nestjs/swagger';
import type { MetricsRow } from './responsiveness.repository';

const nullableNumber = { type: Number, nullable: true } as const;

/** One platform's numbers (DOMAIN.md, "Metrics"). */
export class ResponsivenessRow {
  @ApiProperty() platformId: number;
  @ApiProperty() platform: string;
  @ApiProperty({ description: 'requests with sentAt in the period (never drafts or withdrawn requests)' }) sent: number;
  @ApiProperty({ description: 'of those, requests with a platform response at or before asOf' }) responded: number;
  @ApiProperty() unanswered: number;
  @ApiProperty({ ...nullableNumber, description: 'responded / sent; null when nothing was sent' }) responseRate: number | null;
  @ApiProperty({
    ...nullableNumber,
    description:
      'median hours from sending to the first response, over the requests that were answered (percentile_cont). It ignores unanswered requests, so it flatters a platform that ignores most of them: read it next to kmMedianResponseHours.',
  })
  medianResponseHours: number | null;
  @ApiProperty({ ...nullableNumber, description: '90th percentile of the same' }) p90ResponseHours: number | null;
  @ApiProperty({ description: 'unanswered and past dueAt at asOf' }) overdue: number;
  @ApiProperty({ ...nullableNumber, description: 'answered by dueAt (and by asOf) / sent' }) onTimeRate: number | null;
  @ApiProperty({ description: 'items of removal requests' }) itemsRequested: number;
  @ApiProperty({ description: 'of those, removed as of asOf' }) itemsRemoved: number;
  @ApiProperty({ description: 'of those, still online as of asOf' }) itemsStillOnline: number;
  @ApiProperty({ description: 'removal requests with items, every item removed' }) removedCompletely: number;
  @ApiProperty({ description: 'removal requests with items, some removed' }) removedPartially: number;
  @ApiProperty({ description: 'removal requests with items, none removed' }) notRemoved: number;
  @ApiProperty({ ...nullableNumber, description: 'median hours from sending to a removed / partially_removed outcome' })
  medianRemovalHours: number | null;
  @ApiProperty({
    ...nullableNumber,
    description:
      'Kaplan-Meier median hours to the first response, counting unanswered requests as censored at asOf: the smallest time at which the estimated share still unanswered is at most one half. Null when that share never falls to one half. Unlike medianResponseHours it does not flatter a platform that leaves most requests unanswered.',
  })
  kmMedianResponseHours: number | null;
}

export class ResponsivenessSeriesRow extends ResponsivenessRow {
  @ApiProperty({ description: 'start of the period, UTC (e.g. 2020-02-01T00:00:00.000Z)' }) period: string;
}

export class ResponsivenessBreakdownRow extends ResponsivenessRow {
  @ApiProperty({ description: 'the value of the dimension (a type, category or channel)' }) value: string;
}

export class ContentStats {
  @ApiProperty({ description: 'pieces of content: items sharing a contentHash count once' }) pieces: number;
  @ApiProperty() items: number;
  @ApiProperty({ description: 'pieces whose every item is removed' }) removedEverywhere: number;
  @ApiProperty({ description: 'pieces with some but not all items removed' }) removedSomewhere: number;
  @ApiProperty({ description: 'pieces with no item removed' }) stillOnline: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export const toResponsivenessRow = (r: MetricsRow): ResponsivenessRow => ({
  platformId: r.platform_id,
  platform: r.platform,
  sent: r.sent,
  responded: r.responded,
  unanswered: r.sent - r.responded,
  responseRate: ratio(r.responded, r.sent),
  medianResponseHours: r.median_response_hours,
  p90ResponseHours: r.p90_response_hours,
  overdue: r.overdue,
  onTimeRate: ratio(r.on_time, r.sent),
  itemsRequested: r.items_requested,
  itemsRemoved: r.items_removed,
  itemsStillOnline: r.items_still_online,
  removedCompletely: r.removed_completely,
  removedPartially: r.removed_partially,
  notRemoved: r.not_removed,
  medianRemovalHours: r.median_removal_hours,
  kmMedianResponseHours: r.km_median_response_hours,
});

export class KmPoint {
  @ApiProperty({ description: 'hours since sending' }) hour: number;
  @ApiProperty({ description: 'estimated share of requests still unanswered after that many hours (0 to 1)' }) unanswered: number;
}

export class KmCurve {
  @ApiProperty() platformId: number;
  @ApiProperty() platform: string;
  @ApiProperty({ type: [KmPoint], description: 'a step curve starting at {hour: 0, unanswered: 1}; flat between points' })
  points: KmPoint[];
}
