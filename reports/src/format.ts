/** Number and date formats shared by every report (UTC, so a report reads the same everywhere). */
export const day = (d: Date) => d.toISOString().slice(0, 10);
export const dateTime = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
export const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)} %`);
export const hours = (h: number | null) => (h === null ? '–' : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`);
export const count = (n: number) => n.toLocaleString('en-US');
