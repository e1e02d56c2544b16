import { chainMessage } from './chain';

describe('audit chain message', () => {
  it('should count the entries checked in the locale', () => {
    expect(chainMessage({ intact: true, checked: 1234, lastSeq: 1234, lastHash: 'ab', firstBroken: null }, 'en')).toEqual({
      message: 'app.audit.verify.intact',
      messageArgs: { smart_count: 1234, count: '1,234' },
    });
  });

  it.each([
    ['hash mismatch', 'app.audit.verify.altered'],
    ['link to previous entry broken', 'app.audit.verify.unlinked'],
    ['entry missing', 'app.audit.verify.missing'],
  ] as const)('should name the first broken entry (%s)', (reason, message) => {
    expect(
      chainMessage({ intact: false, checked: 1233, lastSeq: 1234, lastHash: 'ab', firstBroken: { seq: 1057, id: null, reason } }, 'en'),
    ).toEqual({
      message,
      messageArgs: { seq: '1057' },
    });
  });
});
