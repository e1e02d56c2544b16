import { ApiProperty } from '@nestjs/swagger';

export const CHAIN_BREAKS = ['entry missing', 'link to previous entry broken', 'hash mismatch'] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

/** The first place where the recomputed chain disagrees with what is stored. */
export class BrokenLink {
  @ApiProperty({ description: 'position in the chain (seq) of the entry that fails the check' }) seq: number;
  @ApiProperty({ type: Number, nullable: true, description: 'its id; null when the entry is missing' }) id: number | null;
  @ApiProperty({
    enum: CHAIN_BREAKS,
    description:
      'entry missing: no entry at this position; link to previous entry broken: prevHash is not the hash of the entry before; hash mismatch: the entry was changed after it was written',
  })
  reason: ChainBreak;
}

export class ChainVerification {
  @ApiProperty() intact: boolean;
  @ApiProperty({ description: 'entries in the log when the check ran' }) checked: number;
  @ApiProperty({ type: Number, nullable: true, description: 'the last position in the chain (null when the log is empty)' })
  lastSeq: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'the hash of that entry; kept outside the database with lastSeq, it shows later whether entries were cut off the end or the chain rewritten',
  })
  lastHash: string | null;
  @ApiProperty({ type: BrokenLink, nullable: true }) firstBroken: BrokenLink | null;
}
