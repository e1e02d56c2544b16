/** The API's records and stats rows as the console reads them (DOMAIN.md, "HTTP contract"). */
import {
  type ActionOwnerSide,
  type ActionState,
  type AgencyKind,
  type ConsultationFormat,
  type DkimResult,
  type EventKind,
  type ItemState,
  type MessageClassification,
  type MessageDirection,
  type MessageStatus,
  type ReportKind,
  type ReportStatus,
  type RequestCategory,
  type RequestChannel,
  type RequestOutcome,
  type RequestStatus,
  type RequestType,
  type Role,
} from '../../domain/src';

export interface SlaHours {
  removal: number;
  blocking: number;
  investigation: number;
  preservation: number;
}

export interface Platform {
  id: number;
  name: string;
  slug: string;
  parentCompany: string | null;
  hasLocalRepresentative: boolean;
  contactChannels: { kind: string; value: string }[];
  slaHours: SlaHours;
  notes: string | null;
  version: number;
}

export interface Agency {
  id: number;
  name: string;
  kind: AgencyKind;
  country: string | null;
  contactEmail: string | null;
  version: number;
}

export interface RequestItem {
  id: number;
  /** null for roles that may not see content addresses (analysts). */
  url: string | null;
  contentHash: string | null;
  state: ItemState;
  checkedAt: string | null;
}

export interface PlatformRequest {
  id: number;
  platformId: number;
  agencyId: number;
  type: RequestType;
  category: RequestCategory;
  channel: RequestChannel;
  reference: string;
  platformRef: string | null;
  sentAt: string | null;
  dueAt: string | null;
  status: RequestStatus;
  outcome: RequestOutcome | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  overdue: boolean;
  deliveryFailedAt: string | null;
  deliveryFailure: string | null;
  notes: string | null;
  items: RequestItem[];
  version: number;
}

export interface RequestEvent {
  id: number;
  requestId: number;
  kind: EventKind;
  occurredAt: string;
  authorId: number | null;
  note: string | null;
  outcome: RequestOutcome | null;
  items: { id: number; state: ItemState }[];
  messageId: number | null;
  recordedAt: string;
}

/** A stored e-mail (GET /api/messages): `text` is the body as plain text, never HTML. */
export interface Message {
  id: number;
  direction: MessageDirection;
  requestId: number | null;
  messageId: string | null;
  inReplyTo: string | null;
  from: string | null;
  to: string | null;
  subject: string | null;
  claimedDate: string | null;
  receivedAt: string | null;
  sha256: string;
  size: number;
  truncated: boolean;
  dkim: DkimResult;
  dkimDomain: string | null;
  classification: MessageClassification;
  status: MessageStatus;
  text: string | null;
  note: string | null;
  bounceReason: string | null;
  attachments: { index: number; fileName: string; contentType: string; size: number; sha256: string }[];
}

/** Body of POST /api/requests/:id/events. */
export interface NewEvent {
  kind: EventKind;
  occurredAt: string;
  note?: string;
  outcome?: RequestOutcome;
  items?: { id: number; state: ItemState }[];
  /** The e-mail the event is recorded from (an outcome read in a reply). */
  messageId?: number;
}

export interface ActionItem {
  id?: number;
  ownerSide: ActionOwnerSide;
  text: string;
  dueDate: string | null;
  state: ActionState;
}

export interface Consultation {
  id: number;
  platformId: number;
  heldAt: string;
  format: ConsultationFormat;
  title: string;
  attendees: string[];
  agenda: string | null;
  minutes: string | null;
  requestIds: number[];
  actionItems: ActionItem[];
  version: number;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  version: number;
}

export interface Report {
  id: number;
  kind: ReportKind;
  status: ReportStatus;
  title: string;
  from: string | null;
  to: string | null;
  asOf: string;
  /** Empty: every platform. */
  platformIds: number[];
  agencyId: number | null;
  dataSha256: string | null;
  pageCount: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One row of GET /api/stats/responsiveness. */
export interface ResponsivenessRow {
  platformId: number;
  platform: string;
  sent: number;
  responded: number;
  unanswered: number;
  responseRate: number | null;
  medianResponseHours: number | null;
  p90ResponseHours: number | null;
  overdue: number;
  onTimeRate: number | null;
  itemsRequested: number;
  itemsRemoved: number;
  itemsStillOnline: number;
  removedCompletely: number;
  removedPartially: number;
  notRemoved: number;
  medianRemovalHours: number | null;
  kmMedianResponseHours: number | null;
}

/** One row of GET /api/stats/responsiveness/series. */
export interface SeriesRow extends ResponsivenessRow {
  period: string;
}

/** GET /api/stats/content. */
/** GET /api/stats/responsiveness/km: per platform, the share still unanswered after each hour (a step curve). */
export interface KmCurve {
  platformId: number;
  platform: string;
  points: { hour: number; unanswered: number }[];
}

export interface ContentStats {
  pieces: number;
  items: number;
  removedEverywhere: number;
  removedSomewhere: number;
  stillOnline: number;
}

/** One row of GET /api/stats/overdue. */
export interface OverdueRow {
  id: number;
  reference: string;
  platformId: number;
  agencyId: number;
  type: RequestType;
  category: RequestCategory;
  channel: RequestChannel;
  status: RequestStatus;
  sentAt: string;
  dueAt: string;
  daysWaiting: number;
  hoursOverdue: number;
}
