import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CheckIn } from '../database/check';
import { JOB_RUN_STATUSES, type JobRunStatus } from '../../../domain/src';

/** One run of a scheduled job: when, how it ended, what it did. */
@Entity('job_runs')
@CheckIn('ck_job_runs_status', 'status', JOB_RUN_STATUSES)
@Index('ix_job_runs_job_started', ['job', 'startedAt'])
// A scheduled slot (e.g. the 14:00 run of the deadline sweep) runs once, however many instances fire it.
@Index('uq_job_runs_job_slot', ['job', 'slot'], { unique: true })
export class JobRun {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  job: string;

  @Column({ type: 'text' })
  status: JobRunStatus;

  /** The scheduled time this run fills (ISO minute); null for manual runs. */
  @Column({ type: 'text', nullable: true })
  slot: string | null;

  /** schedule, startup (catch-up) or manual. */
  @Column({ type: 'text' })
  trigger: string;

  @Column({ type: 'integer', nullable: true })
  triggeredById: number | null;

  @Column({ type: 'integer', default: 1 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  counts: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
