/** Sizes and colours of every report, in one place. */
export const THEME = {
  margin: 56,
  font: { body: 10, small: 8, heading: 16, title: 26 },
  colour: { text: '#1f2933', muted: '#616e7c', accent: '#1d4ed8', rule: '#cbd2d9' },
} as const;
