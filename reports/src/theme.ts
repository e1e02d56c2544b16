import { createRequire } from 'node:module';

const require_ = createRequire(__filename);

/** Sizes, colours and fonts of every report, in one place. */
export const THEME = {
  margin: 50,
  headerHeight: 28,
  font: { body: 9, small: 7.5, heading: 15, subheading: 11, title: 26 },
  colour: {
    text: '#1f2933',
    muted: '#616e7c',
    accent: '#1d4ed8',
    accentLight: '#93c5fd',
    danger: '#b91c1c',
    rule: '#cbd2d9',
    band: '#f1f5f9',
  },
  // Noto Sans KR covers Hangul, kana, common kanji and Latin: Korean, Japanese and Indonesian names alike.
  fonts: {
    regular: require_.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'),
    bold: require_.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'),
  },
} as const;
