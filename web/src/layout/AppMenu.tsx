import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Menu, useResourceDefinitions } from 'react-admin';
import { useCan } from '../common/hooks';
import { IMPORT_ROUTE } from '../imports';

/** react-admin's menu (dashboard, then every resource with a list), with the import screen after Requests. */
export function AppMenu() {
  const resources = useResourceDefinitions();
  const mayImport = useCan('requests:write');
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
        ])}
    </Menu>
  );
}
