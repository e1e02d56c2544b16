/**
 * The product's vocabulary (docs/domain.md). These strings are part of the HTTP contract, the
 * database's check constraints and the CSV format; their labels in each language are in ./i18n.
 */
export const REQUEST_TYPES = ['removal', 'blocking', 'investigation', 'preservation'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_CATEGORIES = ['ncii', 'deepfake_sexual', 'csam', 'sextortion', 'grooming', 'other'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const REQUEST_CHANNELS = ['email', 'web_form', 'portal', 'api', 'letter', 'in_person'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_STATUSES = ['draft', 'sent', 'acknowledged', 'resolved', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_OUTCOMES = ['removed', 'partially_removed', 'refused', 'data_provided', 'no_action'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/** Outcomes that count as content taken down (the removal medians). */
export const REMOVAL_OUTCOMES = ['removed', 'partially_removed'] as const satisfies readonly RequestOutcome[];

export const ITEM_STATES = ['pending', 'removed', 'still_online', 'geo_blocked', 'not_found'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** Events the platform originates: each one is a response (`message_received` is a person's reply by mail). */
export const PLATFORM_EVENT_KINDS = ['acknowledged', 'info_requested', 'outcome', 'refused', 'message_received'] as const;
/** Platform-side events that are not a response: a robot's or a ticket system's confirmation of receipt. */
export const RECEIPT_EVENT_KINDS = ['receipt_confirmed'] as const;
/** Events the regulator originates (`delivery_failed` is a bounce of the regulator's own mail). */
export const REGULATOR_EVENT_KINDS = [
  'sent',
  'reminder_sent',
  'escalated',
  'note',
  'item_checked',
  'withdrawn',
  'delivery_failed',
] as const;
export const EVENT_KINDS = [...PLATFORM_EVENT_KINDS, ...RECEIPT_EVENT_KINDS, ...REGULATOR_EVENT_KINDS] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const isPlatformOriginated = (kind: EventKind): boolean => (PLATFORM_EVENT_KINDS as readonly string[]).includes(kind);
/** Anything the platform's side did, a robot's receipt included: where the DSA's "time to confirm receipt" ends. */
export const PLATFORM_SIDE_EVENT_KINDS = [...PLATFORM_EVENT_KINDS, ...RECEIPT_EVENT_KINDS] as const;
/** Recorded only from a stored message (a reply, a bounce), never typed in: the message is their evidence. */
export const MESSAGE_EVENT_KINDS = ['message_received', 'delivery_failed'] as const satisfies readonly EventKind[];

/** A mail kept byte for byte: sent by us (`out`) or received (`in`). */
export const MESSAGE_DIRECTIONS = ['in', 'out'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** What a received mail is: a person's reply, an automatic reply or ticket receipt, a bounce, or unreadable. */
export const MESSAGE_CLASSIFICATIONS = ['human', 'auto_reply', 'bounce', 'unreadable'] as const;
export type MessageClassification = (typeof MESSAGE_CLASSIFICATIONS)[number];

/** `triage`: matched no request yet; `filed`: on a request; `dismissed`: kept, on no request. */
export const MESSAGE_STATUSES = ['filed', 'triage', 'dismissed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** The DKIM check at receipt. */
export const DKIM_RESULTS = ['pass', 'fail', 'none'] as const;
export type DkimResult = (typeof DKIM_RESULTS)[number];

/** The event a received message records on its request, by classification (none for unreadable mail). */
export const MESSAGE_EVENT_BY_CLASSIFICATION: Record<MessageClassification, EventKind | null> = {
  human: 'message_received',
  auto_reply: 'receipt_confirmed',
  bounce: 'delivery_failed',
  unreadable: null,
};

export const CONSULTATION_FORMATS = ['in_person', 'video', 'call', 'letter', 'email'] as const;
export type ConsultationFormat = (typeof CONSULTATION_FORMATS)[number];

export const ACTION_OWNER_SIDES = ['platform', 'regulator'] as const;
export type ActionOwnerSide = (typeof ACTION_OWNER_SIDES)[number];

export const ACTION_STATES = ['open', 'done', 'missed'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const ROLES = ['admin', 'regulator', 'analyst', 'liaison'] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_KINDS = ['regulator', 'police', 'ngo', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Who asked, in the categories platforms publish their transparency figures by. */
export const REQUESTER_TYPES = [
  'information_communications_authority',
  'police',
  'government_officials',
  'court',
  'data_protection_authority',
  'consumer_protection_authority',
  'military',
  'other',
] as const;
export type RequesterType = (typeof REQUESTER_TYPES)[number];

export const REPORT_KINDS = ['compliance', 'consultation_brief'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed', 'skipped'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

/** Every enum by the name its labels go under (`enums.<name>.<value>` in each language). */
export const ENUMS = {
  type: REQUEST_TYPES,
  category: REQUEST_CATEGORIES,
  channel: REQUEST_CHANNELS,
  status: REQUEST_STATUSES,
  outcome: REQUEST_OUTCOMES,
  itemState: ITEM_STATES,
  eventKind: EVENT_KINDS,
  format: CONSULTATION_FORMATS,
  ownerSide: ACTION_OWNER_SIDES,
  actionState: ACTION_STATES,
  role: ROLES,
  agencyKind: AGENCY_KINDS,
  requesterType: REQUESTER_TYPES,
  reportStatus: REPORT_STATUSES,
  reportKind: REPORT_KINDS,
  messageDirection: MESSAGE_DIRECTIONS,
  messageClassification: MESSAGE_CLASSIFICATIONS,
  messageStatus: MESSAGE_STATUSES,
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<N extends EnumName> = (typeof ENUMS)[N][number];
/** Labels for every value of every enum, in one language. */
export type EnumLabels = { [N in EnumName]: Record<EnumValue<N>, string> };
