/** The vocabulary of DOMAIN.md. The strings are the API's; labels live in i18n under `enums.<name>.<value>`. */
export const ENUMS = {
  type: ['removal', 'blocking', 'investigation', 'preservation'],
  category: ['ncii', 'deepfake_sexual', 'csam', 'sextortion', 'grooming', 'other'],
  channel: ['email', 'web_form', 'portal', 'api', 'letter', 'in_person'],
  status: ['draft', 'sent', 'acknowledged', 'resolved', 'withdrawn'],
  outcome: ['removed', 'partially_removed', 'refused', 'data_provided', 'no_action'],
  itemState: ['pending', 'removed', 'still_online', 'geo_blocked', 'not_found'],
  eventKind: [
    'acknowledged',
    'info_requested',
    'outcome',
    'refused',
    'sent',
    'reminder_sent',
    'escalated',
    'note',
    'item_checked',
    'withdrawn',
  ],
  format: ['in_person', 'video', 'call', 'letter', 'email'],
  ownerSide: ['platform', 'regulator'],
  actionState: ['open', 'done', 'missed'],
  role: ['admin', 'regulator', 'analyst', 'liaison'],
  agencyKind: ['regulator', 'police', 'ngo', 'other'],
  reportStatus: ['queued', 'running', 'done', 'failed'],
  reportKind: ['compliance', 'consultation_brief'],
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<N extends EnumName> = (typeof ENUMS)[N][number];

export type RequestType = EnumValue<'type'>;
export type RequestCategory = EnumValue<'category'>;
export type RequestChannel = EnumValue<'channel'>;
export type RequestStatus = EnumValue<'status'>;
export type RequestOutcome = EnumValue<'outcome'>;
export type ItemState = EnumValue<'itemState'>;
export type EventKind = EnumValue<'eventKind'>;
export type ConsultationFormat = EnumValue<'format'>;
export type ActionOwnerSide = EnumValue<'ownerSide'>;
export type ActionState = EnumValue<'actionState'>;
export type Role = EnumValue<'role'>;
export type AgencyKind = EnumValue<'agencyKind'>;
export type ReportStatus = EnumValue<'reportStatus'>;
export type ReportKind = EnumValue<'reportKind'>;

export const PLATFORM_EVENT_KINDS: readonly EventKind[] = ['acknowledged', 'info_requested', 'outcome', 'refused'];
export const REGULATOR_EVENT_KINDS: readonly EventKind[] = ['sent', 'reminder_sent', 'escalated', 'note', 'item_checked', 'withdrawn'];

export const isPlatformEvent = (kind: EventKind): boolean => PLATFORM_EVENT_KINDS.includes(kind);

/** Choices for react-admin's SelectInput / SelectField; the name is a translation key. */
export const choices = <N extends EnumName>(name: N, only?: readonly string[]) =>
  ENUMS[name].filter((id) => !only || only.includes(id)).map((id) => ({ id, name: `enums.${name}.${id}` }));

export const enumLabelKey = (name: EnumName, value: string): string => `enums.${name}.${value}`;
