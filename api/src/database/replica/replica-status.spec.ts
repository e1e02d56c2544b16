import { Logger } from '@nestjs/common';
import { formatLsn, parseLsn } from './lsn';
import { ReadYourWrites } from './read-your-writes';
import { RETRY_DOWN_AFTER_MS, STATUS_TTL_MS } from './replica-policy';
import { estimateLagMs, type Probe, ReplicaStatus } from './replica-status';

// The state changes are logged; not here.
beforeAll(() => Logger.overrideLogger(false));

const probe = (primaryLsn: bigint, replayed: bigint | null, sinceReplaySeconds: number | null = null): Probe => ({
  primaryLsn,
  standby: true,
  replayed,
  sinceReplaySeconds,
});

describe('WAL positions', () => {
  it('should read and write them as PostgreSQL does, in order', () => {
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(formatLsn(parseLsn('16/B374D848')!)).toBe('16/B374D848');
    expect(parseLsn('0/10')! > parseLsn('0/F')!).toBe(true);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn('nonsense')).toBeNull();
    expect(parseLsn(null)).toBeNull();
  });
});

describe('estimateLagMs', () => {
  it('should be zero when the replica has replayed what the primary had', () => {
    expect(estimateLagMs([], probe(100n, 100n), 5_000)).toBe(0);
  });

  it('should date the replayed position by the latest earlier look at the primary that it covers', () => {
    const samples = [
      { at: 1_000, lsn: 50n },
      { at: 2_000, lsn: 80n },
      { at: 3_000, lsn: 120n },
    ];
    expect(estimateLagMs(samples, probe(120n, 90n), 3_500)).toBe(1_500);
  });

  it("should take the replica's last replayed commit when that is more recent", () => {
    expect(estimateLagMs([{ at: 0, lsn: 10n }], probe(120n, 90n, 0.25), 10_000)).toBe(250);
  });

  it('should not know the lag when nothing dates the position', () => {
    expect(estimateLagMs([], probe(120n, 90n), 3_500)).toBe(Infinity);
    expect(estimateLagMs([], probe(120n, null), 3_500)).toBe(Infinity);
  });
});

describe('ReplicaStatus', () => {
  let now = 0;
  const clock = () => now;

  it('should look again only once its last look is stale, and say lagging past the maximum', async () => {
    now = 10_000;
    const looks: Probe[] = [probe(100n, 100n), probe(200n, 100n, 0.5), probe(300n, 100n, 5)];
    const status = new ReplicaStatus(async () => looks.shift()!, 2_000, clock);
    expect(await status.current()).toMatchObject({ state: 'up', usable: true, lagMs: 0, replayed: 100n });
    now += STATUS_TTL_MS - 1;
    expect(looks).toHaveLength(2);
    await status.current();
    expect(looks).toHaveLength(2);
    now += 1;
    expect(await status.current()).toMatchObject({ state: 'up', usable: true, lagMs: 200 });
    now += 2_500;
    expect(await status.current()).toMatchObject({ state: 'lagging', usable: false, lagMs: 2_700 });
  });

  it('should be down after a failure, and look again in the background after a while', async () => {
    now = 0;
    let fail = true;
    let looked = 0;
    const status = new ReplicaStatus(
      async () => {
        looked++;
        if (fail) throw new Error('connect ECONNREFUSED');
        return probe(1n, 1n);
      },
      2_000,
      clock,
    );
    expect(await status.current()).toMatchObject({ state: 'down', usable: false });
    fail = false;
    now += RETRY_DOWN_AFTER_MS - 1;
    expect(await status.current()).toMatchObject({ state: 'down' });
    expect(looked).toBe(1);
    now += 1;
    // This read still goes to the primary; the look it started brings the replica back for the next.
    expect(await status.current()).toMatchObject({ state: 'down' });
    await new Promise((r) => setImmediate(r));
    expect(status.last).toMatchObject({ state: 'up', usable: true });
  });

  it('should refuse a server that is not a standby, or a standby of another cluster', async () => {
    now = 0;
    const notStandby = new ReplicaStatus(async () => ({ ...probe(1n, null), standby: false }), 2_000, clock);
    expect(await notStandby.current()).toMatchObject({ state: 'not_a_replica', usable: false });
    const elsewhere = new ReplicaStatus(async () => ({ ...probe(1n, 1n), sameCluster: false }), 2_000, clock);
    expect(await elsewhere.current()).toMatchObject({ state: 'not_a_replica', usable: false });
  });
});

describe('ReadYourWrites', () => {
  it("should ask for the writer's position, from memory or from the cookie, until it expires or is replayed", () => {
    let now = 0;
    const marks = new ReadYourWrites(3_000, () => now);
    const cookie = marks.remember(7, parseLsn('0/500')!);
    expect(cookie).toBe('tracker-read-after=0/500; Max-Age=3; Path=/api; HttpOnly; SameSite=Strict');
    expect(marks.required(7, undefined)).toBe(0x500n);
    expect(marks.required(8, undefined)).toBeNull();
    expect(marks.required(8, `theme=dark; ${cookie.split(';')[0]}`)).toBe(0x500n);
    expect(marks.required(7, 'tracker-read-after=0/900')).toBe(0x900n);
    marks.replayed(7, 0x4ffn);
    expect(marks.required(7, undefined)).toBe(0x500n);
    marks.replayed(7, 0x500n);
    expect(marks.required(7, undefined)).toBeNull();
    marks.remember(7, 0x600n);
    now += 3_000;
    expect(marks.required(7, undefined)).toBeNull();
  });
});
