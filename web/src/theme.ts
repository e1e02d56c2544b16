import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the tracker's colours (contrast-checked against white text). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#283593' },
    secondary: { main: '#00695c' },
  },
  sidebar: { width: 220, closedWidth: 55 },
};
