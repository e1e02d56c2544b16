import { Agency } from '../agencies/agency.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ActionItem } from '../consultations/action-item.entity';
import { Consultation } from '../consultations/consultation.entity';
import { Platform } from '../platforms/platform.entity';
import { PlatformRequest } from '../requests/request.entity';
import { RequestEvent } from '../requests/request-event.entity';
import { RequestItem } from '../requests/request-item.entity';
import { RequestItemChange } from '../requests/request-item-change.entity';
import { JobRun } from '../jobs/job-run.entity';
import { Report } from '../reports/report.entity';
import { User } from '../users/user.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';

export const ENTITIES = [
  Platform,
  Agency,
  PlatformRequest,
  RequestItem,
  RequestEvent,
  RequestItemChange,
  Consultation,
  ActionItem,
  User,
  AuditEntry,
  Report,
  JobRun,
  RefreshToken,
  IdempotencyKey,
];
