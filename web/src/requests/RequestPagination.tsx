import type { LabelDisplayedRowsArgs } from '@mui/material/TablePagination';
import { useCallback } from 'react';
import { Pagination, type PaginationProps, useListContext, useTranslate } from 'react-admin';
import { aboutCount } from '../common/format';
import { useIntlLocale } from '../common/hooks';

/**
 * react-admin's pagination, but "1-25 of about 20,000" when the API could only estimate the total
 * (X-Total-Estimated, which the data provider passes on as meta.totalEstimated): a regulator would
 * read a bare figure as the exact count.
 */
export function RequestPagination(props: PaginationProps) {
  const { meta } = useListContext();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const labelDisplayedRows = useCallback(
    ({ from, to, count }: LabelDisplayedRowsArgs) => (
      <span title={translate('app.requests.total_estimated_hint')}>
        {translate('app.requests.page_range_estimated', { offsetBegin: from, offsetEnd: to, total: aboutCount(count, locale) })}
      </span>
    ),
    [translate, locale],
  );
  // Passed on to MUI's TablePagination; left out, react-admin's own label stays.
  return <Pagination {...props} {...(meta?.totalEstimated === true && { labelDisplayedRows })} />;
}
