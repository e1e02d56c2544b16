import BadgeIcon from '@mui/icons-material/Badge';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import { useEffect, type ReactNode } from 'react';
import { AppBar, Layout, Logout, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { AppMenu } from './AppMenu';
import { HtmlLang } from './HtmlLang';

function DocumentTitle() {
  const translate = useTranslate();
  useEffect(() => {
    document.title = translate('app.title');
  }, [translate]);
  return null;
}

/** Who is signed in, with the role in the chosen language. */
function IdentityItem() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) return null;
  return (
    <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
      <ListItemIcon>
        <BadgeIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={identity.email as string} secondary={translate(`enums.role.${identity.role as string}`)} />
    </MenuItem>
  );
}

function TrackerAppBar() {
  return (
    <AppBar
      userMenu={
        <UserMenu>
          <IdentityItem />
          <Logout />
        </UserMenu>
      }
    />
  );
}

/** react-admin's layout (menu from the resources the role may see and the import screen, app bar with the language menu). */
export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={TrackerAppBar} menu={AppMenu}>
      <HtmlLang />
      <DocumentTitle />
      {children}
    </Layout>
  );
}
