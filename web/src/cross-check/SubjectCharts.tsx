/**
 * A company's or service's charts: per half-year, the requests the platform reports beside those we
 * sent, and the share of items it says it removed (the range its rounding allows) beside the share we
 * saw. One scope at a time (publisher, country, requester), chosen when there are several.
 */
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type ReactNode, useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useScopeLabel } from './labels';
import { formatInterval, type IntervalKind, type ScopeSeries } from './shaping';

const COLORS = { published: '#8e24aa', ours: '#00897b' };

/** The platform's figures first in the legend, as the bars are drawn (recharts sorts them by name otherwise). */
const legendOrder = (item: { dataKey?: unknown }) => (String(item.dataKey).startsWith('published') ? 0 : 1);

/** A bar's value as the tooltip says it: "886–899" for a range, else the number. */
const tooltipValue = (value: unknown, locale: string, kind: IntervalKind): string => {
  if (Array.isArray(value)) return formatInterval({ low: Number(value[0]), high: Number(value[1]) }, locale, kind);
  return typeof value === 'number' ? formatInterval({ low: value, high: value }, locale, kind) : '—';
};

function ChartCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const translate = useTranslate();
  const id = useId();
  return (
    <Card variant="outlined" component="figure" aria-labelledby={id} data-testid={testId} sx={{ m: 0, minWidth: 0 }}>
      <CardContent>
        <Typography id={id} component="figcaption" variant="subtitle2" gutterBottom>
          {translate(title)}
        </Typography>
        <Box sx={{ width: '100%', height: 240 }}>{children}</Box>
      </CardContent>
    </Card>
  );
}

function ComparisonChart({
  series,
  locale,
  kind,
  published,
  ours,
  publishedName,
}: {
  series: ScopeSeries;
  locale: string;
  kind: IntervalKind;
  published: 'publishedRequests' | 'publishedRemovalPct';
  ours: 'ourRequests' | 'ourRemovalPct';
  publishedName: string;
}) {
  const translate = useTranslate();
  const hasData = series.points.some((p) => p[published] !== null || p[ours] !== null);
  if (!hasData) {
    return (
      <Box sx={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Typography color="text.secondary">{translate('app.cross_check.chart.no_data')}</Typography>
      </Box>
    );
  }
  return (
    <ResponsiveContainer>
      <BarChart data={series.points} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="period" tick={{ fontSize: 12 }} />
        <YAxis
          domain={kind === 'percent' ? [0, 100] : [0, 'auto']}
          allowDecimals={false}
          tickFormatter={(v: number) => formatInterval({ low: v, high: v }, locale, kind)}
          width={56}
        />
        <Tooltip formatter={(value) => tooltipValue(value, locale, kind)} />
        <Legend verticalAlign="top" itemSorter={legendOrder} />
        <Bar dataKey={published} name={translate(publishedName)} fill={COLORS.published} isAnimationActive={false} />
        <Bar dataKey={ours} name={translate('app.cross_check.chart.ours')} fill={COLORS.ours} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export default function SubjectCharts({ series, locale }: { series: ScopeSeries[]; locale: string }) {
  const translate = useTranslate();
  const scopeLabel = useScopeLabel();
  const [key, setKey] = useState(series[0]?.key);
  const shown = series.find((s) => s.key === key) ?? series[0];
  if (!shown) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      {series.length > 1 && (
        <TextField
          select
          size="small"
          label={translate('app.cross_check.chart.scope')}
          value={shown.key}
          onChange={(e) => setKey(e.target.value)}
          sx={{ maxWidth: 560 }}
          data-testid="cross-check-scope"
        >
          {series.map((s) => (
            <MenuItem key={s.key} value={s.key}>
              {scopeLabel(s)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {series.length === 1 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.cross_check.chart.scope')}: {scopeLabel(shown)}
        </Typography>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <ChartCard title="app.cross_check.chart.requests" testId="cross-check-chart-requests">
          <ComparisonChart
            series={shown}
            locale={locale}
            kind="count"
            published="publishedRequests"
            ours="ourRequests"
            publishedName="app.cross_check.chart.published"
          />
        </ChartCard>
        <ChartCard title="app.cross_check.chart.removal" testId="cross-check-chart-removal">
          <ComparisonChart
            series={shown}
            locale={locale}
            kind="percent"
            published="publishedRemovalPct"
            ours="ourRemovalPct"
            publishedName="app.cross_check.chart.published_range"
          />
        </ChartCard>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate('app.cross_check.chart.range_note')}
      </Typography>
    </Box>
  );
}
