/** The request vocabulary of DOMAIN.md; these strings are part of the HTTP contract. */
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

export const ITEM_STATES = ['pending', 'removed', 'still_online', 'geo_blocked', 'not_found'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const PLATFORM_EVENT_KINDS = ['acknowledged', 'info_requested', 'outcome', 'refused'] as const;
export const REGULATOR_EVENT_KINDS = ['sent', 'reminder_sent', 'escalated', 'note', 'item_checked', 'withdrawn'] as const;
export const EVENT_KINDS = [...PLATFORM_EVENT_KINDS, ...REGULATOR_EVENT_KINDS] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const isPlatformOriginated = (kind: EventKind): boolean =>
  (PLATFORM_EVENT_KINDS as readonly string[]).includes(kind);

/** Requests about child sexual abuse material always get this deadline, whatever the platform's SLA. */
export const CSAM_SLA_HOURS = 24;
export const DEFAULT_SLA_HOURS = 72;
