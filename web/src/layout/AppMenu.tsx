import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import PublicIcon from '@mui/icons-material/Public';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ReactNode } from 'react';
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
  const before: Record<string, ReactNode[]> = {
    'published-figures': [
      <Menu.Item
        key="cross-check"
        to={CROSS_CHECK_ROUTE}
        primaryText="app.cross_check.menu"
        leftIcon={<CompareArrowsIcon />}
        data-testid="menu-cross-check"
      />,
    ],
  };
  const after: Record<string, ReactNode[]> = {
    requests: mayImport
      ? [<Menu.Item key="import" to={IMPORT_ROUTE} primaryText="app.import.menu" leftIcon={<UploadFileIcon />} data-testid="menu-import" />]
      : [],
    'published-figures': mayImportFigures
      ? [
          <Menu.Item
            key="import-figures"
            to={FIGURE_IMPORT_ROUTE}
            primaryText="app.figures.import_menu"
            leftIcon={<UploadFileIcon />}
            data-testid="menu-import-figures"
          />,
        ]
      : [],
    reports: mayPublish
      ? [
          <Menu.Item
            key="public-snapshots"
            to={PUBLIC_SNAPSHOTS_ROUTE}
            primaryText="app.public_snapshots.menu"
            leftIcon={<PublicIcon />}
            data-testid="menu-public-snapshots"
          />,
        ]
      : [],
    messages: mayTriage
      ? [
          <Menu.Item
            key="triage"
            to={TRIAGE_ROUTE}
            primaryText="app.mail.triage"
            leftIcon={<MoveToInboxIcon />}
            data-testid="menu-triage"
          />,
        ]
      : [],
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
