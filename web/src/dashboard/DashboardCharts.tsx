/**
 * The dashboard's charts (recharts, loaded lazily so that the main bundle stays small). Every value
 * drawn is one the API returned: the Kaplan-Meier median is the server's kmMedianResponseHours and the
 * curves are the server's /stats/responsiveness/km; nothing is estimated here.
 */
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatHours, formatPercent, formatPeriod } from '../common/format';
import type { KmChartRow, PlatformChartRow, TrendPoint } from './shaping';

/** Legend entries in the order the bars are drawn (recharts sorts them by name otherwise). */
const SERIES_ORDER = ['medianResponseHours', 'p90ResponseHours', 'kmMedianResponseHours', 'sent', 'responded'];
const legendOrder = (item: { dataKey?: unknown }) => SERIES_ORDER.indexOf(String(item.dataKey));

const COLORS = {
  rate: '#3949ab',
  median: '#1e88e5',
  p90: '#8e24aa',
  km: '#ef6c00',
  sent: '#5c6bc0',
  responded: '#00897b',
};

function ChartCard({ title, testId, note, children }: { title: string; testId: string; note?: string; children: ReactNode }) {
  const translate = useTranslate();
  const id = `chart-${testId}`;
  return (
    <Card variant="outlined" component="figure" aria-labelledby={id} data-testid={testId} sx={{ m: 0, minWidth: 0 }}>
      <CardContent>
        <Typography id={id} component="figcaption" variant="subtitle1" sx={{ fontWeight: 600 }} gutterBottom>
          {translate(title)}
        </Typography>
        <Box sx={{ width: '100%', height: 280 }}>{children}</Box>
        {note && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {translate(note)}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

function NoData() {
  const translate = useTranslate();
  return (
    <Box sx={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Typography color="text.secondary">{translate('app.dashboard.charts.no_data')}</Typography>
    </Box>
  );
}

export interface DashboardChartsProps {
  platforms: PlatformChartRow[];
  trend: TrendPoint[];
  kmRows: KmChartRow[];
  kmPlatforms: string[];
  locale: string;
}

/** One colour per platform line, in a fixed order. */
const LINE_COLORS = [
  '#1e88e5',
  '#e53935',
  '#43a047',
  '#8e24aa',
  '#fb8c00',
  '#00897b',
  '#6d4c41',
  '#3949ab',
  '#c0ca33',
  '#d81b60',
  '#546e7a',
  '#fdd835',
];

export default function DashboardCharts({ platforms, trend, kmRows, kmPlatforms, locale }: DashboardChartsProps) {
  const translate = useTranslate();
  const hours = (v: unknown) => formatHours(typeof v === 'number' ? v : null, locale);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
      <ChartCard title="app.dashboard.charts.response_rate" testId="chart-response-rate">
        {platforms.length === 0 ? (
          <NoData />
        ) : (
          <ResponsiveContainer>
            <BarChart data={platforms} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="platform" interval={0} tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 100]} tickFormatter={(v: number) => formatPercent(v / 100, locale)} width={48} />
              <Tooltip formatter={(_v, _n, item) => formatPercent((item?.payload as PlatformChartRow)?.responseRate ?? null, locale)} />
              <Bar dataKey="responseRatePct" name={translate('app.dashboard.charts.rate')} fill={COLORS.rate} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartCard>

      <ChartCard title="app.dashboard.charts.response_time" testId="chart-response-time" note="app.dashboard.charts.km_note">
        {platforms.length === 0 ? (
          <NoData />
        ) : (
          <ResponsiveContainer>
            <BarChart data={platforms} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="platform" interval={0} tick={{ fontSize: 12 }} />
              <YAxis tickFormatter={(v: number) => formatCount(v, locale)} width={48} />
              <Tooltip formatter={(v) => hours(v)} />
              <Legend itemSorter={legendOrder} />
              <Bar
                dataKey="medianResponseHours"
                name={translate('app.dashboard.charts.median')}
                fill={COLORS.median}
                isAnimationActive={false}
              />
              <Bar dataKey="p90ResponseHours" name={translate('app.dashboard.charts.p90')} fill={COLORS.p90} isAnimationActive={false} />
              <Bar
                dataKey="kmMedianResponseHours"
                name={translate('app.dashboard.charts.km_median')}
                fill={COLORS.km}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartCard>

      <Box sx={{ gridColumn: { lg: '1 / -1' } }}>
        <ChartCard title="app.dashboard.charts.km_curve" testId="chart-km-curve" note="app.dashboard.charts.km_curve_note">
          {kmRows.length === 0 ? (
            <NoData />
          ) : (
            <ResponsiveContainer>
              <LineChart data={kmRows} margin={{ top: 8, right: 16, left: 0, bottom: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  dataKey="hour"
                  type="number"
                  domain={[0, 'dataMax']}
                  tickFormatter={(h: number) => formatCount(h, locale)}
                  label={{ value: translate('app.dashboard.charts.hours_axis'), position: 'insideBottom', offset: -8, fontSize: 12 }}
                />
                <YAxis domain={[0, 100]} tickFormatter={(v: number) => formatPercent(v / 100, locale)} width={48} />
                <Tooltip labelFormatter={(h) => hours(Number(h))} formatter={(v) => formatPercent(Number(v) / 100, locale)} />
                <Legend verticalAlign="top" />
                {kmPlatforms.map((platform, i) => (
                  <Line
                    key={platform}
                    dataKey={platform}
                    type="stepAfter"
                    dot={false}
                    stroke={LINE_COLORS[i % LINE_COLORS.length]}
                    isAnimationActive={false}
                    connectNulls
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          )}
        </ChartCard>
      </Box>

      <Box sx={{ gridColumn: { lg: '1 / -1' } }}>
        <ChartCard title="app.dashboard.charts.trend" testId="chart-trend">
          {trend.length === 0 ? (
            <NoData />
          ) : (
            <ResponsiveContainer>
              <BarChart data={trend} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="period" tickFormatter={(p: string) => formatPeriod(p, locale)} tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tickFormatter={(v: number) => formatCount(v, locale)} width={48} />
                <Tooltip labelFormatter={(p) => formatPeriod(String(p), locale)} formatter={(v) => formatCount(Number(v), locale)} />
                <Legend itemSorter={legendOrder} />
                <Bar dataKey="sent" name={translate('app.dashboard.charts.sent')} fill={COLORS.sent} isAnimationActive={false} />
                <Bar
                  dataKey="responded"
                  name={translate('app.dashboard.charts.responded')}
                  fill={COLORS.responded}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          )}
        </ChartCard>
      </Box>
    </Box>
  );
}
