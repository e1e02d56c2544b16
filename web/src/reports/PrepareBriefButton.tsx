import AssignmentIcon from '@mui/icons-material/Assignment';
import { useState } from 'react';
import { Button, useDataProvider, useLocaleState, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { useCan } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';

/**
 * Queues a consultation brief (POST /api/reports/briefs: the platform's open requests and open action
 * items) for the platform of the current record, in the console's language, then opens the report.
 */
export function PrepareBriefButton({ platformIdSource = 'id' }: { platformIdSource?: string }) {
  const record = useRecordContext<Record<string, unknown>>();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [locale] = useLocaleState();
  const mayCreate = useCan('reports:create');
  const [busy, setBusy] = useState(false);
  const platformId = Number(record?.[platformIdSource]);
  if (!record || !mayCreate || !Number.isInteger(platformId)) return null;
  return (
    <Button
      label="app.action.prepare_brief"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const report = await dataProvider.prepareBrief(platformId, { language: locale });
          notify('app.reports.brief_queued', { type: 'info' });
          redirect('show', 'reports', report.id);
        } catch (error) {
          notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
          setBusy(false);
        }
      }}
    >
      <AssignmentIcon />
    </Button>
  );
}
