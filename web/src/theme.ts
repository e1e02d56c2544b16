import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the tracker's colours (contrast-checked against white text). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#283593' },
    secondary: { main: '#1a237e' },
  },
  sidebar: { width: 220, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: {
      styleOverrides: {
        // Korean wraps between words, not inside them.
        'html:lang(ko) body': { wordBreak: 'keep-all', overflowWrap: 'anywhere' },
      },
    },
  },
};
