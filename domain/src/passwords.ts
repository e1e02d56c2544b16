/**
 * The password rule: length and a block-list rather than composition rules (NIST SP 800-63B): long
 * passphrases are easy to remember and hard to guess; "Password1!" style rules are neither.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

const COMMON = new Set([
  '123456789012',
  '1234567890ab',
  '111111111111',
  'password1234',
  'password123!',
  'passwordpassword',
  'qwertyuiop12',
  'qwerty123456',
  'qwertyuiopasdf',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'changeme1234',
  'administrator',
  'admin1234567',
  'abcdefghijkl',
  'abc123456789',
]);

/** Why this password is refused, in words for the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string, email?: unknown): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is one of the most common passwords; choose another';
  if (new Set(lower).size < 5) return 'must use at least 5 different characters';
  if (typeof email === 'string' && email && lower.includes(email.toLowerCase())) return 'must not contain the email address';
  return null;
}
