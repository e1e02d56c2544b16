import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils, type GetListParams, HttpError } from 'react-admin';
import type { ChainVerification } from './audit/chain';
import { crossCheckQueryString, type CrossCheckFilter } from './cross-check/shaping';
import { statsQueryString, type StatsFilter } from './dashboard/shaping';
import { type ImportOutcome, readImportResponse } from './imports/shaping';
import { uploadFile, type UploadOptions } from './imports/upload';
import { inConsoleLanguage } from './common/errors';
import { type FigureImportOutcome, figureImportPath, readFigureImportResponse } from './published-figures/shaping';
import type { SnapshotBody, SnapshotRecord } from './public-snapshots/shaping';
import { accessToken } from './session';
import type { CrossCheckRow } from '../../domain/src';
import type { ContentStats, KmCurve, Message, NewEvent, OverdueRow, Report, RequestEvent, ResponsivenessRow, SeriesRow } from './types';

export type Interval = 'month' | 'quarter' | 'year';

/** react-admin's data provider plus the calls that are not plain records (stats, timelines, PDFs). */
export interface TrackerDataProvider extends DataProvider {
  getStats(filter: StatsFilter): Promise<ResponsivenessRow[]>;
  getSeries(filter: StatsFilter, interval?: Interval): Promise<SeriesRow[]>;
  getContentStats(filter: StatsFilter): Promise<ContentStats>;
  getKmCurves(filter: StatsFilter): Promise<KmCurve[]>;
  getOverdue(
    params: Pick<GetListParams, 'filter' | 'pagination' | 'sort'>,
  ): Promise<{ data: OverdueRow[]; total: number; totalEstimated: boolean }>;
  getEvents(requestId: number | string): Promise<RequestEvent[]>;
  /** POST /api/requests/:id/dispatch: sends (or, without SMTP, prepares) the request's e-mail. */
  dispatch(
    requestId: number | string,
    body: { language?: string; note?: string },
  ): Promise<{ message: Message; event: RequestEvent | null }>;
  /** The stored e-mail's exact bytes (.eml), or a request's evidence zip. */
  downloadMessage(messageId: number | string): Promise<Blob>;
  downloadEvidence(requestId: number | string): Promise<Blob>;
  downloadAttachment(messageId: number | string, index: number): Promise<Blob>;
  fileMessage(messageId: number | string, requestId: number): Promise<Message>;
  dismissMessage(messageId: number | string): Promise<Message>;
  addEvent(requestId: number | string, event: NewEvent): Promise<RequestEvent>;
  downloadReport(reportId: number | string, format?: 'pdf' | 'csv'): Promise<Blob>;
  prepareBrief(platformId: number, options?: { asOf?: string; language?: string }): Promise<Report>;
  /** POST /api/imports/requests with the file as a text/csv body; rejects with UploadCancelled when aborted. */
  importRequests(file: Blob, options?: Pick<UploadOptions, 'onProgress' | 'onUploaded' | 'signal'>): Promise<ImportOutcome>;
  /** GET /api/imports/requests/template.csv (needs the bearer token, like every route). */
  downloadImportTemplate(): Promise<Blob>;
  /** GET /api/audit/verify: the hash chain recomputed on the server (admins). */
  verifyAuditChain(): Promise<ChainVerification>;
  /** GET /api/cross-check: published figures beside ours, the findings written in `language`. */
  getCrossCheck(filter: CrossCheckFilter, language: string): Promise<CrossCheckRow[]>;
  /** POST /api/published-figures/import with the file as a text/csv body, the publisher and the source named. */
  importPublishedFigures(
    file: Blob,
    source: { publisher?: string; sourceUrl?: string },
    options?: Pick<UploadOptions, 'onProgress' | 'onUploaded' | 'signal'>,
  ): Promise<FigureImportOutcome>;
  /** GET /api/public/snapshots: every public snapshot, newest first. */
  listPublicSnapshots(): Promise<SnapshotRecord[]>;
  /** POST /api/public/snapshots/preview: what a snapshot would show, nothing recorded. */
  previewPublicSnapshot(body: SnapshotBody): Promise<SnapshotRecord>;
  /** POST /api/public/snapshots: publishes it, exactly as previewed (`asOf` and `previewSha256` from the preview). */
  publishPublicSnapshot(body: SnapshotBody & { asOf: string; previewSha256: string }): Promise<SnapshotRecord>;
  /** A file the API makes (a template, an export), fetched with the bearer token; `path` is under /api. */
  downloadFile(path: string): Promise<Blob>;
}

/** The stock simple-REST provider with the bearer token on every call, and the tracker's own calls. */
export function createDataProvider(
  apiUrl: string,
  storage: Storage = sessionStorage,
  locale: () => string = () => 'en',
): TrackerDataProvider {
  const authHeader = async (): Promise<string | undefined> => {
    const token = await accessToken(apiUrl, storage);
    return token ? `Bearer ${token}` : undefined;
  };
  const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
    const token = await authHeader();
    return fetchUtils
      .fetchJson(url, { ...options, user: token ? { authenticated: true, token } : undefined })
      .catch((error: unknown) => Promise.reject(inConsoleLanguage(error, locale())));
  };
  const base = simpleRestProvider(apiUrl, httpClient);
  const getJson = async <T>(path: string): Promise<T> => (await httpClient(`${apiUrl}${path}`)).json as T;
  // Files that need the bearer token, fetched as blobs (a plain link would carry no token).
  const getBlob = async (path: string): Promise<Blob> => {
    const token = await authHeader();
    const res = await fetch(`${apiUrl}${path}`, { headers: token ? { Authorization: token } : {} });
    if (!res.ok) throw new HttpError(res.statusText, res.status, null);
    return res.blob();
  };

  return {
    ...base,
    // The stock getList, with the API's X-Total-Estimated as meta.totalEstimated: the total in
    // Content-Range stays a bare number either way, and the pagination says "about" for an estimate.
    getList: async (resource, params) => {
      let estimated = false;
      const list = simpleRestProvider(apiUrl, async (url, options) => {
        const response = await httpClient(url, options);
        estimated = response.headers.get('X-Total-Estimated') === 'true';
        return response;
      });
      const result = await list.getList(resource, params);
      return estimated ? { ...result, meta: { ...result.meta, totalEstimated: true } } : result;
    },
    // The stock getMany sends no range, so the API's default page of 25 would cut long id lists short.
    getMany: async (resource, params) => {
      if (params.ids.length === 0) return { data: [] };
      const query = new URLSearchParams({
        filter: JSON.stringify({ id: params.ids }),
        range: JSON.stringify([0, params.ids.length - 1]),
      });
      const { json } = await httpClient(`${apiUrl}/${resource}?${query}`, { signal: params.signal });
      return { data: json };
    },
    getStats: (filter) => getJson(`/stats/responsiveness${statsQueryString(filter)}`),
    getSeries: (filter, interval = 'month') => getJson(`/stats/responsiveness/series${statsQueryString(filter, { interval })}`),
    verifyAuditChain: () => getJson('/audit/verify'),
    getContentStats: (filter) => getJson(`/stats/content${statsQueryString(filter)}`),
    getKmCurves: (filter) => getJson(`/stats/responsiveness/km${statsQueryString(filter)}`),
    getOverdue: async ({ filter, pagination, sort }) => {
      const { page, perPage } = pagination ?? { page: 1, perPage: 10 };
      const query = new URLSearchParams({
        sort: JSON.stringify([sort?.field ?? 'dueAt', sort?.order ?? 'ASC']),
        range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]),
        filter: JSON.stringify(filter ?? {}),
      });
      const { json, headers } = await httpClient(`${apiUrl}/stats/overdue?${query}`);
      const total = Number((headers.get('content-range') ?? '').split('/').pop());
      return {
        data: json,
        total: Number.isFinite(total) ? total : json.length,
        totalEstimated: headers.get('X-Total-Estimated') === 'true',
      };
    },
    getEvents: (requestId) => getJson(`/requests/${encodeURIComponent(requestId)}/events`),
    addEvent: async (requestId, event) =>
      (
        await httpClient(`${apiUrl}/requests/${encodeURIComponent(requestId)}/events`, {
          method: 'POST',
          body: JSON.stringify(event),
        })
      ).json,
    dispatch: async (requestId, body) =>
      (await httpClient(`${apiUrl}/requests/${encodeURIComponent(requestId)}/dispatch`, { method: 'POST', body: JSON.stringify(body) }))
        .json,
    downloadMessage: (messageId) => getBlob(`/messages/${encodeURIComponent(messageId)}/raw`),
    downloadAttachment: (messageId, index) => getBlob(`/messages/${encodeURIComponent(messageId)}/attachments/${index}`),
    downloadEvidence: (requestId) => getBlob(`/requests/${encodeURIComponent(requestId)}/evidence.zip`),
    fileMessage: async (messageId, requestId) =>
      (
        await httpClient(`${apiUrl}/messages/${encodeURIComponent(messageId)}/file`, {
          method: 'POST',
          body: JSON.stringify({ requestId }),
        })
      ).json,
    dismissMessage: async (messageId) =>
      (await httpClient(`${apiUrl}/messages/${encodeURIComponent(messageId)}/dismiss`, { method: 'POST', body: '{}' })).json,
    downloadReport: (reportId, format = 'pdf') => getBlob(`/reports/${encodeURIComponent(reportId)}/${format}`),
    importRequests: async (file, options = {}) => {
      const { status, body } = await uploadFile(`${apiUrl}/imports/requests`, file, {
        ...options,
        authorization: await authHeader(),
        contentType: 'text/csv',
      });
      return readImportResponse(status, body);
    },
    downloadImportTemplate: () => getBlob('/imports/requests/template.csv'),
    getCrossCheck: (filter, language) => getJson(`/cross-check${crossCheckQueryString(filter, { language })}`),
    importPublishedFigures: async (file, source, options = {}) => {
      const { status, body } = await uploadFile(`${apiUrl}${figureImportPath(source)}`, file, {
        ...options,
        authorization: await authHeader(),
        contentType: 'text/csv',
      });
      return readFigureImportResponse(status, body);
    },
    downloadFile: (path) => getBlob(path),
    listPublicSnapshots: () => getJson('/public/snapshots'),
    previewPublicSnapshot: async (body) =>
      (await httpClient(`${apiUrl}/public/snapshots/preview`, { method: 'POST', body: JSON.stringify(body) })).json,
    publishPublicSnapshot: async (body) =>
      (await httpClient(`${apiUrl}/public/snapshots`, { method: 'POST', body: JSON.stringify(body) })).json,
    prepareBrief: async (platformId, options = {}) =>
      (await httpClient(`${apiUrl}/reports/briefs`, { method: 'POST', body: JSON.stringify({ platformId, ...options }) })).json,
  };
}
