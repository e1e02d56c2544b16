import { HttpError } from 'ra-core';
import { errorMessage, inConsoleLanguage } from './errors';

const stale = {
  statusCode: 409,
  error: 'Conflict',
  code: 'record.stale_version' as const,
  message: 'platforms 3 was changed by someone else (version 1 is stale, current is 2); reload and retry',
};

describe('API errors in the console', () => {
  it("should show an error in the console's language, from its code", () => {
    expect(errorMessage(stale, 'ko', 'x')).toBe('편집하는 동안 다른 사람이 이 기록을 변경했습니다. 다시 불러온 후 변경해 주십시오.');
    expect(errorMessage(stale, 'id', 'x')).toMatch(/^Orang lain mengubah catatan ini/);
    expect(errorMessage({ code: 'input.required', message: 'reference must not be empty', field: 'reference' }, 'ko', 'x')).toBe(
      'reference은(는) 필수 항목입니다.',
    );
  });

  it('should fall back to English for a language it does not have, and to the message for an unknown code', () => {
    expect(errorMessage(stale, 'fr', 'x')).toMatch(/^Someone else changed this record/);
    expect(errorMessage({ code: 'not.a_code' as never, message: 'as the server said' }, 'ko', 'x')).toBe('as the server said');
    expect(errorMessage(undefined, 'ko', 'Sign-in failed')).toBe('Sign-in failed');
  });

  it('should rewrite the message of an HttpError that has a code, and leave other errors as they are', () => {
    const translated = inConsoleLanguage(new HttpError(stale.message, 409, stale), 'ko') as HttpError;
    expect([translated.message, translated.status, translated.body]).toEqual([errorMessage(stale, 'ko', ''), 409, stale]);
    const plain = new HttpError('Not Found', 404, null);
    expect(inConsoleLanguage(plain, 'ko')).toBe(plain);
  });
});
