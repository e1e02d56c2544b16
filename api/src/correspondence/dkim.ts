import { Injectable } from '@nestjs/common';
// The DKIM verifier alone: mailauth's main entry loads its BIMI code and an undici that needs Node 22.
import type { DNSResolver } from 'mailauth';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import type { DkimResult } from '../../../domain/src';

export interface DkimCheck {
  dkim: DkimResult;
  domain: string | null;
}

/**
 * The DKIM check at receipt (mailauth). Its DNS look-ups go through `resolver`, which a test replaces
 * with one that knows its own key; unset, mailauth asks the system's DNS.
 */
@Injectable()
export class DkimVerifier {
  resolver: DNSResolver | undefined;

  async check(raw: Buffer): Promise<DkimCheck> {
    try {
      const { results } = await dkimVerify(raw, this.resolver ? { resolver: this.resolver } : {});
      const signed = (results ?? []).filter((r) => r.signingDomain);
      const passed = signed.find((r) => r.status.result === 'pass');
      if (passed) return { dkim: 'pass', domain: passed.signingDomain ?? null };
      return signed.length ? { dkim: 'fail', domain: signed[0].signingDomain ?? null } : { dkim: 'none', domain: null };
    } catch {
      return { dkim: 'none', domain: null };
    }
  }
}
