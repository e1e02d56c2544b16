import {
  ADVISORY_LOCK_NAMESPACES,
  ADVISORY_LOCKS,
  allowedEventKinds,
  can,
  DOMAIN_MESSAGES,
  ENUMS,
  ERROR_CODE_BY_STATUS,
  ERROR_CODES,
  ERROR_STATUS,
  errorText,
  isCounted,
  isPlatformOriginated,
  isJurisdiction,
  JURISDICTIONS,
  isOverdue,
  languageFrom,
  LANGUAGES,
  nextStatus,
  REQUEST_STATUSES,
  slaHoursFor,
  slaHoursSql,
  EVENT_KINDS,
} from './index';

const platform = { slaRemovalHours: 48, slaBlockingHours: 72, slaInvestigationHours: 168, slaPreservationHours: 12 };
const at = (iso: string) => new Date(iso);

describe('permissions', () => {
  it('should follow the permission table', () => {
    expect(can('admin', 'users:manage')).toBe(true);
    expect(can('regulator', 'users:manage')).toBe(false);
    expect(can('analyst', 'requests:write')).toBe(false);
    expect(can('analyst', 'content:urls')).toBe(false);
    expect(can('liaison', 'content:urls')).toBe(true);
    expect(can('liaison', 'requests:respond')).toBe(true);
    expect(can(undefined, 'records:read')).toBe(false);
    expect(can('nobody', 'records:read')).toBe(false);
  });
});

describe('lifecycle', () => {
  it('should move a request through draft, sent, acknowledged and resolved', () => {
    expect(nextStatus('draft', 'sent')).toBe('sent');
    expect(nextStatus('sent', 'info_requested')).toBe('acknowledged');
    expect(nextStatus('acknowledged', 'outcome')).toBe('resolved');
    expect(nextStatus('sent', 'refused')).toBe('resolved');
    expect(nextStatus('acknowledged', 'reminder_sent')).toBe('acknowledged');
  });

  it("should count a reply by mail as a response and a robot's receipt or a bounce as none", () => {
    expect(nextStatus('sent', 'message_received')).toBe('acknowledged');
    expect(nextStatus('sent', 'receipt_confirmed')).toBe('sent');
    expect(nextStatus('sent', 'delivery_failed')).toBe('sent');
    expect(isPlatformOriginated('message_received')).toBe(true);
    expect(isPlatformOriginated('receipt_confirmed')).toBe(false);
    expect(allowedEventKinds('admin', 'sent', 'regulator')).not.toContain('delivery_failed');
  });

  it('should allow withdrawing any unresolved request and only notes on a closed one', () => {
    for (const status of ['draft', 'sent', 'acknowledged'] as const) expect(nextStatus(status, 'withdrawn')).toBe('withdrawn');
    for (const status of ['resolved', 'withdrawn'] as const) {
      expect(EVENT_KINDS.filter((k) => nextStatus(status, k) !== null)).toEqual(['note']);
    }
    expect(nextStatus('draft', 'acknowledged')).toBeNull();
    expect(nextStatus('sent', 'sent')).toBeNull();
  });

  it('should offer each role the event kinds it may record', () => {
    expect(allowedEventKinds('liaison', 'sent', 'platform')).toEqual([
      'acknowledged',
      'info_requested',
      'outcome',
      'refused',
      'receipt_confirmed',
    ]);
    expect(allowedEventKinds('liaison', 'sent', 'regulator')).toEqual(['note']);
    expect(allowedEventKinds('analyst', 'sent', 'platform')).toEqual([]);
    expect(allowedEventKinds('regulator', 'draft', 'regulator')).toEqual(['sent', 'note', 'withdrawn']);
    expect(allowedEventKinds('regulator', 'acknowledged', 'regulator')).toEqual([
      'reminder_sent',
      'escalated',
      'note',
      'item_checked',
      'withdrawn',
    ]);
    expect(allowedEventKinds('admin', 'resolved', 'platform')).toEqual([]);
  });
});

describe('deadlines', () => {
  it("should use the platform's deadline for the type, and 24 h for child abuse material", () => {
    expect(slaHoursFor(platform, 'removal', 'ncii')).toBe(48);
    expect(slaHoursFor(platform, 'investigation', 'sextortion')).toBe(168);
    expect(slaHoursFor(platform, 'investigation', 'csam')).toBe(24);
  });

  it('should write the same rule in SQL', () => {
    const sql = slaHoursSql('s.type', 's.category', 'p');
    expect(sql).toContain("WHEN s.category = 'csam' THEN 24");
    expect(sql).toContain("WHEN 'removal' THEN p.sla_removal_hours");
    expect(sql).toContain("WHEN 'preservation' THEN p.sla_preservation_hours");
  });
});

describe('what counts and what is overdue', () => {
  const sent = { status: 'sent' as const, sentAt: at('2024-01-01T00:00Z'), dueAt: at('2024-01-04T00:00Z'), firstResponseAt: null };

  it('should not count drafts and withdrawn requests', () => {
    expect(isCounted(sent)).toBe(true);
    expect(isCounted({ ...sent, status: 'draft', sentAt: null })).toBe(false);
    expect(isCounted({ ...sent, status: 'withdrawn' })).toBe(false);
  });

  it('should make a request overdue once asOf is past its deadline with no answer by then', () => {
    expect(isOverdue(sent, at('2024-01-03T00:00Z'))).toBe(false);
    expect(isOverdue(sent, at('2024-01-05T00:00Z'))).toBe(true);
    const answeredLate = { ...sent, status: 'acknowledged' as const, firstResponseAt: at('2024-01-10T00:00Z') };
    expect(isOverdue(answeredLate, at('2024-01-05T00:00Z'))).toBe(true);
    expect(isOverdue(answeredLate, at('2024-01-11T00:00Z'))).toBe(false);
    expect(isOverdue({ ...sent, status: 'withdrawn' }, at('2024-01-05T00:00Z'))).toBe(false);
  });

  it('should not hold a platform silent on a request our mail never delivered', () => {
    const bounced = { ...sent, deliveryFailedAt: at('2024-01-02T00:00Z') };
    expect(isOverdue(bounced, at('2024-01-05T00:00Z'))).toBe(false);
    // Before the bounce it was a request like any other.
    expect(isOverdue({ ...sent, deliveryFailedAt: at('2024-01-06T00:00Z') }, at('2024-01-05T00:00Z'))).toBe(true);
  });
});

describe('advisory locks', () => {
  it('should keep every key distinct', () => {
    const keys = [...Object.values(ADVISORY_LOCKS), ...Object.values(ADVISORY_LOCK_NAMESPACES)];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('error codes', () => {
  it('should give every code a 4xx or 5xx status and every fallback a known code', () => {
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
    for (const code of Object.values(ERROR_CODE_BY_STATUS)) expect(ERROR_CODES).toContain(code);
  });

  it.each(LANGUAGES)('should have a text for every code in %s, with the same placeholders as English', (language) => {
    const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of ERROR_CODES) {
      const text = DOMAIN_MESSAGES[language].errors[code];
      expect([code, typeof text === 'string' && text.trim().length > 0]).toEqual([code, true]);
      expect([code, placeholders(text)]).toEqual([code, placeholders(DOMAIN_MESSAGES.en.errors[code])]);
    }
  });

  it('should write an error in the reader language, enum values by their label', () => {
    const body = {
      code: 'request.closed' as const,
      message: 'the request is resolved; only a note can be added to it',
      params: { status: 'resolved' },
    };
    expect(errorText('ko', body)).toBe("이 요청은 '처리 완료' 상태입니다. 메모만 추가할 수 있습니다.");
    expect(errorText('en', body)).toBe('The request is Resolved; only a note can be added to it.');
    expect(errorText('id', { code: 'input.required', message: 'x', field: 'reference' })).toBe('reference wajib diisi.');
    expect(errorText('ko', { code: 'no.such_code' as never, message: 'as the server said' })).toBe('as the server said');
  });
});

describe('labels', () => {
  it.each(LANGUAGES)('should label every enum value in %s', (language) => {
    for (const [name, values] of Object.entries(ENUMS)) {
      const labels = DOMAIN_MESSAGES[language].enums[name as keyof typeof ENUMS] as Record<string, string>;
      expect([name, Object.keys(labels).sort()]).toEqual([name, [...values].sort()]);
    }
  });

  it('should take the first supported language of Accept-Language', () => {
    expect(languageFrom('ko-KR,ko;q=0.9,en;q=0.8')).toBe('ko');
    expect(languageFrom('fr-FR,id;q=0.5,en;q=0.4')).toBe('id');
    expect(languageFrom('fr')).toBe('en');
    expect(languageFrom(undefined)).toBe('en');
  });

  it('should know every request status', () => {
    expect(Object.keys(DOMAIN_MESSAGES.en.enums.status)).toEqual([...REQUEST_STATUSES]);
  });
});

describe('jurisdictions', () => {
  it('should accept the 249 assigned ISO 3166-1 alpha-2 codes in upper case only', () => {
    expect(JURISDICTIONS.size).toBe(249);
    for (const code of ['KR', 'ID', 'US', 'JP']) expect([code, isJurisdiction(code)]).toEqual([code, true]);
    for (const code of ['XX', 'kr', 'KOR', '', null, 82]) expect([code, isJurisdiction(code)]).toEqual([code, false]);
  });
});
