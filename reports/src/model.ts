import type { CrossCheckRow } from '../../domain/src';

/** What the reports show: plain data built by the API from the database. Rendering adds nothing to it. */
export interface PlatformMetrics {
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
  itemsRequested: number;
  itemsRemoved: number;
  itemsStillOnline: number;
  removedCompletely: number;
  removedPartially: number;
  notRemoved: number;
  medianRemovalHours: number | null;
}

export interface TrendPoint {
  /** Start of the month, ISO. */
  period: string;
  sent: number;
  responded: number;
}

export interface WaitingRequest {
  reference: string;
  platform: string;
  type: string;
  channel: string;
  sentAt: Date;
  daysWaiting: number;
  /** E-mails the tracker sent for the request by asOf (the request and its reminders), none of them answered. */
  emails: number;
  overdue: boolean;
}

export interface ActionItemLine {
  ownerSide: string;
  text: string;
  dueDate: string | null;
  state: string;
}

export interface ConsultationSummary {
  heldAt: Date;
  platform: string;
  format: string;
  title: string;
  actionItems: ActionItemLine[];
}

export interface ComplianceReportModel {
  title: string;
  agency: string | null;
  periodFrom: Date;
  periodTo: Date;
  asOf: Date;
  generatedAt: Date;
  /** SHA-256 of the data the report was built from. */
  dataSha256: string;
  platforms: PlatformMetrics[];
  trend: TrendPoint[];
  /** Requests without any answer at asOf, oldest first (the first ones, when there are very many). */
  unanswered: WaitingRequest[];
  /** How many requests had no answer at asOf in all. */
  unansweredTotal: number;
  consultations: ConsultationSummary[];
  /**
   * What the platforms published for periods within the report's, beside our figures, most recent
   * period first (the first ones, when there are many); findings already in the report's language.
   */
  crossCheck: CrossCheckRow[];
  /** How many publisher periods there are in all. */
  crossCheckTotal: number;
}

export interface ConsultationBriefModel {
  platform: string;
  asOf: Date;
  generatedAt: Date;
  dataSha256: string;
  metrics: PlatformMetrics;
  openRequests: WaitingRequest[];
  openRequestsTotal: number;
  openActionItems: (ActionItemLine & { consultation: string; heldAt: Date })[];
}
