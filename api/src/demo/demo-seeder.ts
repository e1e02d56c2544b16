import * as argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { ActionItem } from '../consultations/action-item.entity';
import { Consultation } from '../consultations/consultation.entity';
import { Platform } from '../platforms/platform.entity';
import { PlatformRequest } from '../requests/request.entity';
import { RequestEvent } from '../requests/request-event.entity';
import { RequestItem } from '../requests/request-item.entity';
import { RequestItemChange } from '../requests/request-item-change.entity';
import { applyEvent, type Lifecycle } from '../requests/request-lifecycle';
import { User } from '../users/user.entity';
import { DEMO_AGENCIES, type DemoRequest, demoHistory } from './demo-history';
import { seedPublishedFigures } from './demo-figures';
import { seedDemoMail } from './demo-mail';
import { ADVISORY_LOCKS, slaHoursFor } from '../../../domain/src';

const CHUNK = 500;

/** Demo sign-ins, one per role besides the admin; listed in the README. */
export const DEMO_USERS = [
  { email: 'regulator@example.org', name: 'Min-ji Park', role: 'regulator' },
  { email: 'analyst@example.org', name: 'Haruto Sato', role: 'analyst' },
  { email: 'liaison@example.org', name: 'Siti Rahmawati', role: 'liaison' },
] as const;
export const DEMO_PASSWORD = 'demo-password-2026';

async function insertChunked<T extends object>(em: EntityManager, target: new () => T, rows: object[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await em.insert(target, rows.slice(i, i + CHUNK) as never);
    ids.push(...result.identifiers.map((r) => Number(r.id)));
  }
  return ids;
}

/** The request's stored fields, folded from its events by the same state machine as the API uses. */
function lifecycleOf(request: DemoRequest, slaHours: number, now: Date): Lifecycle {
  let state: Lifecycle = {
    status: 'draft',
    sentAt: null,
    dueAt: null,
    outcome: null,
    firstResponseAt: null,
    resolvedAt: null,
    deliveryFailedAt: null,
    deliveryFailure: null,
  };
  for (const event of request.events) {
    state = { ...state, ...applyEvent(state, { ...event, items: [] }, { slaHours, itemIds: [], now }) };
  }
  return state;
}

/** Loads the demo history once: only into a database that has no agencies and no requests yet. */
export async function seedDemo(dataSource: DataSource, now = new Date()): Promise<boolean> {
  return dataSource.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.demoSeed]);
    if ((await em.count(Agency)) > 0 || (await em.count(PlatformRequest)) > 0) return false;

    const agencyIds = await insertChunked(
      em,
      Agency,
      DEMO_AGENCIES.map(({ name, kind, country, jurisdiction, requesterType }) => ({ name, kind, country, jurisdiction, requesterType })),
    );
    const agencyByName = new Map(DEMO_AGENCIES.map((a, i) => [a.name as string, agencyIds[i]]));
    const platforms = new Map((await em.find(Platform)).map((p) => [p.slug, p]));
    const history = demoHistory(now);

    const requestIds = await insertChunked(
      em,
      PlatformRequest,
      history.map((r) => {
        const platform = platforms.get(r.platform)!;
        return {
          agencyId: agencyByName.get(r.agency),
          platformId: platform.id,
          type: r.type,
          category: r.category,
          channel: r.channel,
          reference: r.reference,
          notes: r.notes,
          ...lifecycleOf(r, slaHoursFor(platform, r.type, r.category), now),
        };
      }),
    );

    const items = history.flatMap((r, i) => r.items.map((item) => ({ requestId: requestIds[i], ...item, state: 'pending' })));
    const itemIds = await insertChunked(em, RequestItem, items);
    let next = 0;
    const itemIdsByRequest = history.map((r) => r.items.map(() => itemIds[next++]));

    const events = history.flatMap((r, i) =>
      r.events.map((e) => ({
        requestId: requestIds[i],
        kind: e.kind,
        occurredAt: e.occurredAt,
        note: e.note ?? null,
        outcome: e.kind === 'refused' ? 'refused' : (e.outcome ?? null),
      })),
    );
    const eventIds = await insertChunked(em, RequestEvent, events);
    let e = 0;
    const changes: object[] = [];
    history.forEach((r, i) =>
      r.events.forEach((event) => {
        const eventId = eventIds[e++];
        event.itemStates?.forEach((state, k) =>
          changes.push({ eventId, itemId: itemIdsByRequest[i][k], state, occurredAt: event.occurredAt }),
        );
      }),
    );
    await insertChunked(em, RequestItemChange, changes);
    let nextEvent = 0;
    const eventIdsByRequest = history.map((r) => r.events.map(() => eventIds[nextEvent++]));
    await seedDemoMail(em, platforms, history, requestIds, eventIdsByRequest);
    // Each item's current state is the one from its latest change.
    await em.query(`
      UPDATE request_items i SET state = c.state, checked_at = c.occurred_at
      FROM (SELECT DISTINCT ON (item_id) item_id, state, occurred_at FROM request_item_changes
            ORDER BY item_id, occurred_at DESC, id DESC) c
      WHERE c.item_id = i.id`);

    await seedConsultations(em, platforms, history, requestIds, now);
    await seedPublishedFigures(em);

    const passwordHash = await argon2.hash(DEMO_PASSWORD);
    for (const user of DEMO_USERS) {
      if (!(await em.exists(User, { where: { email: user.email } }))) await em.insert(User, { ...user, passwordHash });
    }
    return true;
  });
}

async function seedConsultations(
  em: EntityManager,
  platforms: Map<string, Platform>,
  history: DemoRequest[],
  requestIds: number[],
  now: Date,
): Promise<void> {
  const sessions = [
    { slug: 'telegram', heldAt: '2024-09-10T05:00:00Z', format: 'video', title: 'Deepfake response channel with Telegram' },
    { slug: 'x', heldAt: '2024-09-12T06:00:00Z', format: 'in_person', title: 'Consultative body: first session with X' },
    { slug: 'facebook', heldAt: '2024-09-12T08:00:00Z', format: 'in_person', title: 'Consultative body: first session with Meta' },
    { slug: 'youtube', heldAt: '2024-09-13T02:00:00Z', format: 'in_person', title: 'Consultative body: first session with Google' },
    { slug: 'tiktok', heldAt: '2025-03-04T04:00:00Z', format: 'call', title: 'Quarterly review of removal times' },
  ] as const;
  for (const s of sessions) {
    const platform = platforms.get(s.slug)!;
    const heldAt = new Date(s.heldAt);
    if (heldAt > now) continue;
    const [consultation] = await insertChunked(em, Consultation, [
      {
        platformId: platform.id,
        heldAt,
        format: s.format,
        title: s.title,
        attendees: ['Korea Communications Standards Commission', `${platform.name} trust & safety`],
        agenda: 'Unanswered requests; sexual deepfakes; a direct channel for urgent cases.',
        minutes: `${platform.name} agreed to review the overdue requests listed by the commission.`,
      },
    ]);
    const overdue = history
      .map((r, i) => ({ r, id: requestIds[i] }))
      .filter(
        ({ r }) => r.platform === s.slug && r.sentAt < heldAt && r.events.length <= 3 && !r.events.some((e) => e.kind === 'acknowledged'),
      )
      .slice(-5);
    if (overdue.length) {
      await em.query('INSERT INTO consultation_requests (consultation_id, request_id) SELECT $1, unnest($2::int[])', [
        consultation,
        overdue.map((o) => o.id),
      ]);
    }
    const due = (days: number) => new Date(heldAt.getTime() + days * 24 * 3600_000).toISOString().slice(0, 10);
    await insertChunked(em, ActionItem, [
      {
        consultationId: consultation,
        ownerSide: 'platform',
        text: 'Answer every overdue request on the list',
        dueDate: due(30),
        state: s.slug === 'telegram' ? 'missed' : 'done',
      },
      {
        consultationId: consultation,
        ownerSide: 'platform',
        text: 'Name a contact person for urgent cases',
        dueDate: due(14),
        state: 'open',
      },
      {
        consultationId: consultation,
        ownerSide: 'regulator',
        text: 'Send the list of requests in a structured format',
        dueDate: due(7),
        state: 'done',
      },
    ]);
  }
}
