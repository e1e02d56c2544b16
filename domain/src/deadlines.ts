import type { RequestCategory, RequestType } from './vocabulary';

/** A platform's response deadline when none is set for the request type. */
export const DEFAULT_SLA_HOURS = 72;
/** Requests about child sexual abuse material always get this deadline, whatever the platform's SLA. */
export const CSAM_SLA_HOURS = 24;

/** A platform's deadlines per request type, in hours (the platform record's columns). */
export interface PlatformSlas {
  slaRemovalHours: number;
  slaBlockingHours: number;
  slaInvestigationHours: number;
  slaPreservationHours: number;
}

const SLA_FIELD: Record<RequestType, keyof PlatformSlas> = {
  removal: 'slaRemovalHours',
  blocking: 'slaBlockingHours',
  investigation: 'slaInvestigationHours',
  preservation: 'slaPreservationHours',
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The response deadline in hours for a request of this type and category sent to this platform. */
export const slaHoursFor = (platform: PlatformSlas, type: RequestType, category: RequestCategory): number =>
  category === 'csam' ? CSAM_SLA_HOURS : platform[SLA_FIELD[type]];

/** The same rule in SQL: the deadline in hours, given SQL expressions for the type, the category and the platform's alias. */
export const slaHoursSql = (type: string, category: string, platform: string): string =>
  `CASE WHEN ${category} = 'csam' THEN ${CSAM_SLA_HOURS} ELSE CASE ${type} ${Object.entries(SLA_FIELD)
    .map(([t, field]) => `WHEN '${t}' THEN ${platform}.${snake(field)}`)
    .join(' ')} END END`;

const HOUR_MS = 3_600_000;
/** dueAt: the sending time plus the deadline in force when the request was sent (stored, never recomputed). */
export const dueAt = (sentAt: Date, slaHours: number): Date => new Date(sentAt.getTime() + slaHours * HOUR_MS);
