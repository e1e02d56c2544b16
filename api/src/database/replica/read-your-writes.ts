import { formatLsn, parseLsn } from './lsn';
import { READ_AFTER_COOKIE } from './replica-policy';

/** Users remembered at most; past this, expired marks are dropped, then the oldest. */
const MARKS_KEPT = 10_000;
const COOKIE = new RegExp(`(?:^|;\\s*)${READ_AFTER_COOKIE}=([0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8})`);

/**
 * Read your own writes: the primary's WAL position after each write, per user (in memory) and in a
 * cookie (for another instance), for `keepMs`: after that the replica has replayed it, or is too far
 * behind to serve anybody.
 */
export class ReadYourWrites {
  private readonly marks = new Map<number, { lsn: bigint; until: number }>();

  constructor(
    private readonly keepMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Remembers a write of `user` (when signed in) at `lsn`; returns the Set-Cookie value that carries it. */
  remember(user: number | undefined, lsn: bigint): string {
    const now = this.now();
    if (user !== undefined) {
      if (this.marks.size >= MARKS_KEPT && !this.marks.has(user)) this.prune(now);
      this.marks.delete(user); // re-inserted last: the map stays in order of writing
      this.marks.set(user, { lsn, until: now + this.keepMs });
    }
    const seconds = Math.ceil(this.keepMs / 1000);
    return `${READ_AFTER_COOKIE}=${formatLsn(lsn)}; Max-Age=${seconds}; Path=/api; HttpOnly; SameSite=Strict`;
  }

  /** The position a read by `user` (with this Cookie header) must see, if any. */
  required(user: number | undefined, cookieHeader: string | undefined): bigint | null {
    let lsn: bigint | null = null;
    if (user !== undefined) {
      const mark = this.marks.get(user);
      if (mark && mark.until > this.now()) lsn = mark.lsn;
      else if (mark) this.marks.delete(user);
    }
    const fromCookie = parseLsn(cookieHeader ? COOKIE.exec(cookieHeader)?.[1] : undefined);
    return fromCookie !== null && (lsn === null || fromCookie > lsn) ? fromCookie : lsn;
  }

  /** Forgets the mark of `user` once the replica has replayed it. */
  replayed(user: number | undefined, replayed: bigint): void {
    const mark = user === undefined ? undefined : this.marks.get(user);
    if (mark && mark.lsn <= replayed) this.marks.delete(user!);
  }

  private prune(now: number): void {
    for (const [user, mark] of this.marks) if (mark.until <= now) this.marks.delete(user);
    while (this.marks.size >= MARKS_KEPT) this.marks.delete(this.marks.keys().next().value!);
  }
}
