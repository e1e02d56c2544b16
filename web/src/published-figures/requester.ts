import { DOMAIN_MESSAGES, type RequesterType } from '../../../domain/src';

const ENGLISH_REQUESTER_TYPES: Record<string, string> = DOMAIN_MESSAGES.en.enums.requesterType;

/**
 * The publisher's own requester label when it says more than the requester type (Google's three kinds
 * of court order are all "Court"); null when it only repeats it, or there is none.
 */
export function publishedRequesterDetail(requesterType: RequesterType | null, requester: string | null): string | null {
  if (!requester) return null;
  return requesterType && requester.toLowerCase() === ENGLISH_REQUESTER_TYPES[requesterType]?.toLowerCase() ? null : requester;
}
