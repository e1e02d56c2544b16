/**
 * The dashboard's charts (recharts, loaded lazily so that the main bundle stays small). Every value
 * drawn is one the API returned: the Kaplan-Meier median is the server's kmMedianResponseHours, and no
 * survival curve is estimated here.
 */
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatHours, formatPercent, formatPeriod } from '../format';
import type { PlatformChartRow, TrendPoint } from './shaping';

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
  locale: string;
}

export default function DashboardCharts({ platforms, trend, locale }: DashboardChartsProps) {
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
              <Bar dataKey="medianResponseHours" name={translate('app.dashboard.charts.median')} fill={COLORS.median} isAnimationActive={false} />
              <Bar dataKey="p90ResponseHours" name={translate('app.dashboard.charts.p90')} fill={COLORS.p90} isAnimationActive={false} />
              <Bar dataKey="kmMedianResponseHours" name={translate('app.dashboard.charts.km_median')} fill={COLORS.km} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartCard>

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
                <Bar dataKey="responded" name={translate('app.dashboard.charts.responded')} fill={COLORS.responded} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </ChartCard>
      </Box>
    </Box>
  );
}
