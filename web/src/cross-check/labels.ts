import { useTranslate } from 'react-admin';
import type { Scope } from './shaping';
import { publishedRequesterDetail } from '../published-figures/requester';

/** A scope in words: "Google · KR · Court (Court Order Directed at Google)". */
export function useScopeLabel(): (scope: Omit<Scope, 'key'>) => string {
  const translate = useTranslate();
  return ({ publisher, jurisdiction, requesterType, requester, category }) => {
    const type = requesterType ? translate(`enums.requesterType.${requesterType}`) : null;
    const detail = publishedRequesterDetail(requesterType, requester);
    const who = type && detail ? `${type} (${detail})` : (type ?? detail ?? translate('app.cross_check.table.all_requesters'));
    return [publisher, jurisdiction ?? translate('app.cross_check.table.all_countries'), who, category]
      .filter((part): part is string => !!part)
      .join(' · ');
  };
}
