import { allowedEventKinds, can } from './permissions';

describe('permissions', () => {
  it('should follow the API permission table', () => {
    expect(can('admin', 'users:manage')).toBe(true);
    expect(can('regulator', 'users:manage')).toBe(false);
    expect(can('analyst', 'requests:write')).toBe(false);
    expect(can('analyst', 'records:read')).toBe(true);
    expect(can('liaison', 'consultations:write')).toBe(true);
    expect(can('liaison', 'requests:write')).toBe(false);
    expect(can('liaison', 'requests:respond')).toBe(true);
    expect(can('regulator', 'platforms:write')).toBe(false);
    expect(can(undefined, 'records:read')).toBe(false);
  });

  it('should offer platform responses to liaison officers but not our own actions, except notes', () => {
    expect(allowedEventKinds('liaison', 'sent', 'platform')).toEqual(['acknowledged', 'info_requested', 'outcome', 'refused']);
    expect(allowedEventKinds('liaison', 'sent', 'regulator')).toEqual(['note']);
    expect(allowedEventKinds('analyst', 'sent', 'platform')).toEqual([]);
    expect(allowedEventKinds('analyst', 'sent', 'regulator')).toEqual([]);
  });

  it('should follow the request lifecycle', () => {
    expect(allowedEventKinds('regulator', 'draft', 'regulator')).toEqual(['sent', 'note', 'withdrawn']);
    expect(allowedEventKinds('regulator', 'draft', 'platform')).toEqual([]);
    expect(allowedEventKinds('regulator', 'acknowledged', 'regulator')).toEqual([
      'reminder_sent',
      'escalated',
      'note',
      'item_checked',
      'withdrawn',
    ]);
    expect(allowedEventKinds('admin', 'resolved', 'platform')).toEqual([]);
    expect(allowedEventKinds('admin', 'resolved', 'regulator')).toEqual(['note']);
    expect(allowedEventKinds('admin', 'withdrawn', 'regulator')).toEqual(['note']);
  });
});
