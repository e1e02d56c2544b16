import { type ItemState, type RequestCategory, type RequestChannel, type RequestOutcome, type RequestType } from '../../../domain/src';

/**
 * A believable, deterministic history for the demo: several years of requests from four agencies to
 * the seeded platforms, each platform with its own habits, plus the documented 2020 case of seven
 * police requests to Telegram that were never answered. Pure: no database here.
 */
export interface DemoEvent {
  kind: 'sent' | 'acknowledged' | 'info_requested' | 'outcome' | 'refused' | 'reminder_sent' | 'escalated';
  occurredAt: Date;
  outcome?: RequestOutcome;
  note?: string;
  /** Item states set by this event, by item index. */
  itemStates?: ItemState[];
}

export interface DemoRequest {
  agency: string;
  platform: string;
  type: RequestType;
  category: RequestCategory;
  channel: RequestChannel;
  reference: string;
  sentAt: Date;
  notes: string | null;
  items: { url: string; contentHash: string | null }[];
  events: DemoEvent[];
}

export const DEMO_AGENCIES = [
  {
    name: 'Korea Communications Standards Commission',
    kind: 'regulator',
    country: 'KR',
    jurisdiction: 'KR',
    requesterType: 'information_communications_authority',
    code: 'KCSC',
  },
  { name: 'Korean National Police Agency', kind: 'police', country: 'KR', jurisdiction: 'KR', requesterType: 'police', code: 'KNPA' },
  { name: 'Digital Sex Crime Victim Support Center', kind: 'ngo', country: 'KR', jurisdiction: 'KR', requesterType: 'other', code: 'DSC' },
  { name: 'Image Removal Support Network (Japan)', kind: 'ngo', country: 'JP', jurisdiction: 'JP', requesterType: 'other', code: 'IRSN' },
] as const;

interface Habits {
  /** Share of requests answered at all. */
  answers: number;
  /** Typical hours to a first answer. */
  hours: number;
  /** Share of removal requests with every item removed, once answered. */
  removes: number;
  host: string;
}

const HABITS: Record<string, Habits> = {
  telegram: { answers: 0.18, hours: 240, removes: 0.4, host: 't.me' },
  x: { answers: 0.55, hours: 96, removes: 0.55, host: 'x.com' },
  facebook: { answers: 0.9, hours: 30, removes: 0.8, host: 'www.facebook.com' },
  instagram: { answers: 0.9, hours: 28, removes: 0.82, host: 'www.instagram.com' },
  youtube: { answers: 0.93, hours: 20, removes: 0.85, host: 'www.youtube.com' },
  tiktok: { answers: 0.85, hours: 36, removes: 0.75, host: 'www.tiktok.com' },
};

/** mulberry32: a small seeded generator, so the demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3600_000;
const TELEGRAM_CASE_FROM = Date.UTC(2020, 1, 1);
const TELEGRAM_CASE_TO = Date.UTC(2020, 8, 1);

/** The seven investigation requests of February-August 2020 that Telegram never answered. */
function telegramCase(): DemoRequest[] {
  const dates = ['2020-02-11', '2020-03-04', '2020-03-26', '2020-04-20', '2020-05-14', '2020-06-22', '2020-08-05'];
  return dates.map((day, i) => {
    const sentAt = new Date(`${day}T01:30:00Z`);
    return {
      agency: 'Korean National Police Agency',
      platform: 'telegram',
      type: 'investigation',
      category: 'sextortion',
      channel: 'email',
      reference: `KNPA-2020-TG-${String(i + 1).padStart(2, '0')}`,
      sentAt,
      notes: 'Request for investigative assistance (subscriber information) in a sexual exploitation case.',
      items: [],
      events: [
        { kind: 'sent', occurredAt: sentAt },
        { kind: 'reminder_sent', occurredAt: new Date(sentAt.getTime() + 14 * 24 * HOUR), note: 'Reminder sent by email.' },
      ],
    };
  });
}

export function demoHistory(now: Date, count = 1200, seed = 2020): DemoRequest[] {
  const rnd = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)];
  const platforms = Object.keys(HABITS);
  const start = Date.UTC(2019, 0, 1);
  const end = now.getTime() - 2 * 24 * HOUR;
  const requests: DemoRequest[] = [];
  const sharedHashes: string[] = [];
  const counters = new Map<string, number>();

  while (requests.length < count) {
    const sentAt = new Date(start + Math.floor(rnd() * (end - start)));
    const platform = pick(platforms);
    // Keep February-August 2020 on Telegram to the documented case alone.
    if (platform === 'telegram' && sentAt.getTime() >= TELEGRAM_CASE_FROM && sentAt.getTime() < TELEGRAM_CASE_TO) continue;
    const agency = pick(DEMO_AGENCIES);
    const type: RequestType =
      agency.kind === 'police'
        ? pick(['investigation', 'preservation', 'removal'] as const)
        : pick(['removal', 'removal', 'removal', 'blocking'] as const);
    const category: RequestCategory = pick([
      'ncii',
      'deepfake_sexual',
      'deepfake_sexual',
      'csam',
      'sextortion',
      'grooming',
      'other',
    ] as const);
    const channel: RequestChannel = pick(
      platform === 'telegram' ? (['email', 'email', 'web_form'] as const) : (['portal', 'web_form', 'email', 'api'] as const),
    );
    const year = sentAt.getUTCFullYear();
    const key = `${agency.code}-${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);

    const items: DemoRequest['items'] = [];
    if (type === 'removal' || type === 'blocking') {
      const itemCount = 1 + Math.floor(rnd() * 4);
      for (let i = 0; i < itemCount; i++) {
        // Some content is posted on several platforms: the same hash appears on several requests.
        const hash =
          sharedHashes.length > 0 && rnd() < 0.25
            ? pick(sharedHashes)
            : Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
        if (sharedHashes.length < 200) sharedHashes.push(hash);
        items.push({ url: `https://${HABITS[platform].host}/${Math.floor(rnd() * 1e9).toString(36)}`, contentHash: hash });
      }
    }

    const habits = HABITS[platform];
    const events: DemoEvent[] = [{ kind: 'sent', occurredAt: sentAt }];
    const latest = now.getTime() - HOUR;
    const at = (hours: number) => new Date(Math.min(sentAt.getTime() + hours * HOUR, latest));
    const firstHours = habits.hours * (0.2 + rnd() * 1.8);
    if (rnd() < habits.answers && sentAt.getTime() + firstHours * HOUR < latest) {
      events.push({ kind: 'acknowledged', occurredAt: at(firstHours) });
      const resolveHours = firstHours + habits.hours * (0.5 + rnd() * 3);
      if (sentAt.getTime() + resolveHours * HOUR < latest) {
        if (items.length > 0) {
          const all = rnd() < habits.removes;
          const states: ItemState[] = items.map((_, i) => (all || (i === 0 && rnd() < 0.6) ? 'removed' : 'still_online'));
          const removed = states.filter((s) => s === 'removed').length;
          const outcome: RequestOutcome = removed === states.length ? 'removed' : removed > 0 ? 'partially_removed' : 'refused';
          events.push(
            outcome === 'refused'
              ? { kind: 'refused', occurredAt: at(resolveHours), note: 'The platform considers the content within its terms.' }
              : { kind: 'outcome', occurredAt: at(resolveHours), outcome, itemStates: states },
          );
        } else {
          const outcome: RequestOutcome =
            type === 'investigation' || type === 'preservation'
              ? pick(['data_provided', 'data_provided', 'no_action'] as const)
              : 'no_action';
          events.push({ kind: 'outcome', occurredAt: at(resolveHours), outcome });
        }
      }
    } else if (sentAt.getTime() + 7 * 24 * HOUR < latest) {
      events.push({ kind: 'reminder_sent', occurredAt: at(7 * 24), note: 'No answer after seven days.' });
      if (rnd() < 0.3 && sentAt.getTime() + 21 * 24 * HOUR < latest) {
        events.push({ kind: 'escalated', occurredAt: at(21 * 24), note: 'Raised at the next consultation.' });
      }
    }

    requests.push({
      agency: agency.name,
      platform,
      type,
      category,
      channel,
      reference: `${agency.code}-${year}-${String(n).padStart(5, '0')}`,
      sentAt,
      notes: null,
      items,
      events,
    });
  }
  return [...telegramCase(), ...requests].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
}
