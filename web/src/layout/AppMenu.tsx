import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import PublicIcon from '@mui/icons-material/Public';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ReactElement, ReactNode } from 'react';
import { Menu, useResourceDefinitions } from 'react-admin';
import { useCan } from '../common/hooks';
import { CROSS_CHECK_ROUTE } from '../cross-check';
import { IMPORT_ROUTE } from '../imports';
import { PUBLIC_SNAPSHOTS_ROUTE } from '../public-snapshots/routes';
import { FIGURE_IMPORT_ROUTE } from '../published-figures/routes';

/** The mail screen filtered on what waits to be filed on a request. */
export const TRIAGE_ROUTE = `/messages?filter=${encodeURIComponent(JSON.stringify({ status: 'triage' }))}`;

/**
 * react-admin's menu (dashboard, then every resource with a list), with the screens that are not
 * resources beside the resource they belong with: the import after Requests, the triage inbox after
 * Mail, the cross-check before Published figures and their import after, the public snapshots after
 * Reports.
 */
export function AppMenu() {
  const resources = useResourceDefinitions();
  const mayImport = useCan('requests:write');
  const mayTriage = useCan('requests:respond');
  const mayImportFigures = useCan('figures:write');
  const mayPublish = useCan('snapshots:publish');
  /** A screen that is not a resource, in the menu when the role may use it. */
  const item = (allowed: boolean, key: string, to: string, primaryText: string, icon: ReactElement) =>
    allowed ? [<Menu.Item key={key} to={to} primaryText={primaryText} leftIcon={icon} data-testid={`menu-${key}`} />] : [];
  const before: Record<string, ReactNode[]> = {
    'published-figures': item(true, 'cross-check', CROSS_CHECK_ROUTE, 'app.cross_check.menu', <CompareArrowsIcon />),
  };
  const after: Record<string, ReactNode[]> = {
    requests: item(mayImport, 'import', IMPORT_ROUTE, 'app.import.menu', <UploadFileIcon />),
    'published-figures': item(mayImportFigures, 'import-figures', FIGURE_IMPORT_ROUTE, 'app.figures.import_menu', <UploadFileIcon />),
    reports: item(mayPublish, 'public-snapshots', PUBLIC_SNAPSHOTS_ROUTE, 'app.public_snapshots.menu', <PublicIcon />),
    messages: item(mayTriage, 'triage', TRIAGE_ROUTE, 'app.mail.triage', <MoveToInboxIcon />),
  };
  return (
    <Menu>
      <Menu.DashboardItem />
      {Object.keys(resources)
        .filter((name) => resources[name].hasList)
        .flatMap((name) => [...(before[name] ?? []), <Menu.ResourceItem key={name} name={name} />, ...(after[name] ?? [])])}
    </Menu>
  );
}
