import { formatCount } from '../common/format';

/** GET /api/audit/verify's answer. */
export interface ChainVerification {
  intact: boolean;
  checked: number;
  lastSeq: number | null;
  lastHash: string | null;
  firstBroken: { seq: number; id: number | null; reason: 'entry missing' | 'link to previous entry broken' | 'hash mismatch' } | null;
}

const BROKEN: Record<NonNullable<ChainVerification['firstBroken']>['reason'], string> = {
  'hash mismatch': 'app.audit.verify.altered',
  'link to previous entry broken': 'app.audit.verify.unlinked',
  'entry missing': 'app.audit.verify.missing',
};

/** The check's answer in words: a message key and its arguments. */
export function chainMessage(result: ChainVerification, locale: string): { message: string; messageArgs: Record<string, unknown> } {
  if (!result.firstBroken) {
    return { message: 'app.audit.verify.intact', messageArgs: { smart_count: result.checked, count: formatCount(result.checked, locale) } };
  }
  return { message: BROKEN[result.firstBroken.reason], messageArgs: { seq: String(result.firstBroken.seq) } };
}
