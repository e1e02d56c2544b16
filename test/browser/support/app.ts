import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createTestApp, type TestApp } from '../../api/support/test-app';

export const WEB_ROOT = resolve(__dirname, '../../../web/dist');

export interface RunningApp {
  t: TestApp;
  baseUrl: string;
  api: Api;
  close(): Promise<void>;
}

/** The real app on its own database, listening on a free port, serving the built console. */
export async function startApp(overrides: Record<string, string> = {}): Promise<RunningApp> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`No built web console in ${WEB_ROOT}: run "npm run build -w @tracker/web" first`);
  }
  const t = await createTestApp(overrides, { webRoot: WEB_ROOT });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { t, baseUrl: `http://127.0.0.1:${port}`, api: new Api(t), close: () => t.close() };
}

type Role = 'admin' | 'regulator' | 'analyst' | 'liaison';

/** Seeding and checking through the HTTP API, as a given role. */
export class Api {
  constructor(private readonly t: TestApp) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read whatever JSON the API sends
  async get<T = any>(path: string, role: Role = 'admin'): Promise<T> {
    const res = await this.t.http.get(path).set('Authorization', `Bearer ${await this.t.token(role)}`);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as get
  async post<T = any>(path: string, body: object, role: Role = 'admin'): Promise<T> {
    const res = await this.t.http
      .post(path)
      .set('Authorization', `Bearer ${await this.t.token(role)}`)
      .send(body);
    if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Creates the user of this role (analyst@test.local etc., password role-password-1) if needed. */
  async ensureUser(role: Role): Promise<void> {
    await this.t.token(role);
  }

  async platforms(): Promise<{ id: number; name: string; slug: string }[]> {
    return this.get('/api/platforms?range=[0,99]');
  }

  async platformId(slug: string): Promise<number> {
    const platform = (await this.platforms()).find((p) => p.slug === slug);
    if (!platform) throw new Error(`no platform ${slug}`);
    return platform.id;
  }

  async responsiveness(query = ''): Promise<ResponsivenessRow[]> {
    return this.get(`/api/stats/responsiveness${query}`);
  }
}

export interface ResponsivenessRow {
  platformId: number;
  platform: string;
  sent: number;
  responded: number;
  unanswered: number;
  responseRate: number | null;
  medianResponseHours: number | null;
  p90ResponseHours: number | null;
  kmMedianResponseHours: number | null;
  overdue: number;
  onTimeRate: number | null;
}

export const hoursAgo = (hours: number, now = Date.now()) => new Date(now - hours * 3_600_000).toISOString();

/**
 * A small history to chart: requests to several platforms over the last months, some answered, and a
 * Telegram CSAM request left unanswered past its 24-hour deadline (overdue).
 */
export async function seedHistory(api: Api): Promise<{ agencyId: number; agencyName: string; overdueReference: string }> {
  const agencyName = 'Korean National Police Agency';
  const agency = await api.post<{ id: number }>('/api/agencies', { name: agencyName, kind: 'police', country: 'KR' });
  await api.post('/api/agencies', { name: 'Korea Communications Standards Commission', kind: 'regulator', country: 'KR' });
  const platforms = await api.platforms();
  const bySlug = new Map(platforms.map((p) => [p.slug, p.id]));
  const history: [slug: string, type: string, category: string, daysAgo: number, answerAfterHours: number | null][] = [
    ['telegram', 'investigation', 'deepfake_sexual', 150, null],
    ['telegram', 'removal', 'ncii', 95, null],
    ['x', 'removal', 'deepfake_sexual', 120, 30],
    ['x', 'removal', 'ncii', 60, null],
    ['youtube', 'removal', 'deepfake_sexual', 90, 12],
    ['youtube', 'preservation', 'sextortion', 45, 6],
    ['facebook', 'removal', 'ncii', 75, 20],
    ['instagram', 'investigation', 'grooming', 40, 50],
    ['tiktok', 'removal', 'deepfake_sexual', 30, 8],
  ];
  let i = 0;
  for (const [slug, type, category, daysAgo, answerAfterHours] of history) {
    i += 1;
    const sentAt = hoursAgo(daysAgo * 24);
    const request = await api.post<{ id: number }>('/api/requests', {
      platformId: bySlug.get(slug),
      agencyId: agency.id,
      type,
      category,
      channel: 'email',
      reference: `KNPA-HIST-${String(i).padStart(3, '0')}`,
      sentAt,
      items: type === 'removal' ? [{ url: `https://example.org/${slug}/${i}`, contentHash: `sha256-${i}` }] : [],
    });
    if (answerAfterHours !== null) {
      await api.post(`/api/requests/${request.id}/events`, { kind: 'acknowledged', occurredAt: hoursAgo(daysAgo * 24 - answerAfterHours) });
    }
  }
  const overdueReference = 'KNPA-OVERDUE-001';
  await api.post('/api/requests', {
    platformId: bySlug.get('telegram'),
    agencyId: agency.id,
    type: 'investigation',
    category: 'csam',
    channel: 'email',
    reference: overdueReference,
    sentAt: hoursAgo(10 * 24),
    items: [],
  });
  return { agencyId: agency.id, agencyName, overdueReference };
}
