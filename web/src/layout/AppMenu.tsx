import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Menu, useResourceDefinitions } from 'react-admin';
import { useCan } from '../common/hooks';
import { IMPORT_ROUTE } from '../imports';

/** The mail screen filtered on what waits to be filed on a request. */
export const TRIAGE_ROUTE = `/messages?filter=${encodeURIComponent(JSON.stringify({ status: 'triage' }))}`;

/** react-admin's menu (dashboard, then every resource with a list), with the import screen after Requests and the triage inbox after Mail. */
export function AppMenu() {
  const resources = useResourceDefinitions();
  const mayImport = useCan('requests:write');
  const mayTriage = useCan('requests:respond');
  return (
    <Menu>
      <Menu.DashboardItem />
      {Object.keys(resources)
        .filter((name) => resources[name].hasList)
        .flatMap((name) => [
          <Menu.ResourceItem key={name} name={name} />,
          ...(name === 'requests' && mayImport
            ? [
                <Menu.Item
                  key="import"
                  to={IMPORT_ROUTE}
                  primaryText="app.import.menu"
                  leftIcon={<UploadFileIcon />}
                  data-testid="menu-import"
                />,
              ]
            : []),
          ...(name === 'messages' && mayTriage
            ? [
                <Menu.Item
                  key="triage"
                  to={TRIAGE_ROUTE}
                  primaryText="app.mail.triage"
                  leftIcon={<MoveToInboxIcon />}
                  data-testid="menu-triage"
                />,
              ]
            : []),
        ])}
    </Menu>
  );
}
