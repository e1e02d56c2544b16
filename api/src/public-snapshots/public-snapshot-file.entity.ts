import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One file of a published snapshot, byte for byte as it was published (frozen, like its snapshot). */
@Entity('public_snapshot_files')
export class PublicSnapshotFile {
  @PrimaryColumn({ type: 'integer' }) snapshotId: number;
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column({ type: 'text' }) mediaType: string;
  @Column({ type: 'text' }) sha256: string;
  @Column({ type: 'bytea', select: false }) content: Buffer;
}
