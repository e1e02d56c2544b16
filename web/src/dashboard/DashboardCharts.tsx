/**
 * The dashboard's charts (recharts, loaded lazily so that the main bundle stays small). Every value
 * drawn is one the API returned: the Kaplan-Meier median is the server's kmMedianResponseHours and the
 * curves are the server's /stats/responsiveness/km; nothing is estimated here.
 */
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Text, Tooltip, XAxis, YAxis } from 'recharts';
import { axisWidth, canvasTextWidth, CHART_FONT_SIZE, type MeasureText, niceTicks, platformLayout } from '../common/chart-axes';
import { formatCount, formatHours, formatPercent, formatPeriod } from '../common/format';
import type { KmChartRow, PlatformChartRow, TrendPoint } from './shaping';

/** Legend entries in the order the bars are drawn (recharts sorts them by name otherwise). */
const SERIES_ORDER = ['medianResponseHours', 'p90ResponseHours', 'kmMedianResponseHours', 'sent', 'responded'];
const legendOrder = (item: { dataKey?: unknown }) => SERIES_ORDER.indexOf(String(item.dataKey));

const CHART_HEIGHT = 280;
const TICK = { fontSize: CHART_FONT_SIZE };
const measure: MeasureText = (text) => canvasTextWidth(text);
const PERCENT_TICKS = [0, 25, 50, 75, 100];

/** A value axis' ticks, their domain and the width their longest label needs, in the user's locale. */
function valueAxis(ticks: number[], format: (v: number) => string) {
  const labels = ticks.map(format);
  return {
    ticks,
    domain: [0, ticks[ticks.length - 1]] as [number, number],
    tickFormatter: format,
    tick: TICK,
    width: axisWidth(labels, measure),
  };
}

/** How far the last label of a horizontal value axis overhangs its end (it is centred on its tick). */
const overhang = (ticks: number[], format: (v: number) => string) => Math.ceil(measure(format(ticks[ticks.length - 1])) / 2) + 4;

const COLORS = {
  rate: '#3949ab',
  median: '#1e88e5',
  p90: '#8e24aa',
  km: '#ef6c00',
  sent: '#5c6bc0',
  responded: '#00897b',
};

/** The width of an element, following it as the window or the layout changes (0 until measured). */
function useElementWidth(): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.current.observe(element);
  }, []);
  return [ref, width];
}

function ChartCard({
  title,
  testId,
  note,
  height = CHART_HEIGHT,
  children,
}: {
  title: string;
  testId: string;
  note?: string;
  /** The chart's height, unless the chart is a function of the width it has (which sizes itself). */
  height?: number;
  children: ReactNode | ((width: number) => ReactNode);
}) {
  const translate = useTranslate();
  const [ref, width] = useElementWidth();
  const id = `chart-${testId}`;
  return (
    <Card variant="outlined" component="figure" aria-labelledby={id} data-testid={testId} sx={{ m: 0, minWidth: 0 }}>
      <CardContent>
        <Typography id={id} component="figcaption" variant="subtitle1" sx={{ fontWeight: 600 }} gutterBottom>
          {translate(title)}
        </Typography>
        {typeof children === 'function' ? (
          <Box ref={ref} sx={{ width: '100%' }}>
            {children(width)}
          </Box>
        ) : (
          <Box sx={{ width: '100%', height }}>{children}</Box>
        )}
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

/** A platform's name on the left of horizontal bars: right-aligned, wrapped to two lines, then "…". */
function PlatformTick({ x, y, payload, width }: { x?: number; y?: number; payload?: { value: string }; width: number }) {
  return (
    <Text
      x={x}
      y={y}
      width={width}
      maxLines={2}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={CHART_FONT_SIZE}
      fill="#666"
      className="recharts-cartesian-axis-tick-value"
    >
      {payload?.value ?? ''}
    </Text>
  );
}

/** Height of one platform's row under horizontal bars, by the number of bars in it. */
const ROW_BAND = { 1: 32, 3: 48 } as const;

/**
 * A bar chart with one group per platform. Columns while the names fit under them, horizontal bars
 * past that (platformLayout), so that a dozen long names stay readable; every axis sized to its labels.
 */
function PlatformBars({
  rows,
  width,
  ticks,
  format,
  bars,
  tooltip,
  legend,
}: {
  rows: PlatformChartRow[];
  width: number;
  ticks: number[];
  format: (v: number) => string;
  bars: ReactNode;
  tooltip: ReactNode;
  legend?: ReactNode;
}) {
  const value = valueAxis(ticks, format);
  const labelWidths = rows.map((r) => measure(r.platform));
  const right = 16;
  const layout = platformLayout(labelWidths, width - value.width - right);
  if (layout === 'columns') {
    return (
      <Box sx={{ height: CHART_HEIGHT }} data-layout="columns">
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ top: 8, right, left: 0, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="platform" interval={0} tick={TICK} />
            <YAxis {...value} />
            {tooltip}
            {legend}
            {bars}
          </BarChart>
        </ResponsiveContainer>
      </Box>
    );
  }
  // Names up to two fifths of the width (at least 120 px), wrapped beyond that.
  const nameWidth = axisWidth(
    rows.map((r) => r.platform),
    measure,
    Math.max(120, Math.floor((width || 500) * 0.4)),
  );
  const band = legend ? ROW_BAND[3] : ROW_BAND[1];
  const height = rows.length * band + 40 + (legend ? 40 : 0);
  return (
    <Box sx={{ height }} data-layout="rows">
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: Math.max(right, overhang(ticks, format)), left: 0, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" ticks={value.ticks} domain={value.domain} tickFormatter={value.tickFormatter} tick={TICK} />
          <YAxis type="category" dataKey="platform" interval={0} width={nameWidth} tick={<PlatformTick width={nameWidth - 12} />} />
          {tooltip}
          {legend}
          {bars}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

export default function DashboardCharts({ platforms, trend, kmRows, kmPlatforms, locale }: DashboardChartsProps) {
  const translate = useTranslate();
  const hours = (v: unknown) => formatHours(typeof v === 'number' ? v : null, locale);
  const percent = (v: number) => formatPercent(v / 100, locale);
  const count = (v: number) => formatCount(v, locale);
  const hourTicks = useMemo(
    () =>
      niceTicks(
        Math.max(0, ...platforms.flatMap((p) => [p.medianResponseHours ?? 0, p.p90ResponseHours ?? 0, p.kmMedianResponseHours ?? 0])),
      ),
    [platforms],
  );
  const trendTicks = useMemo(() => niceTicks(Math.max(0, ...trend.map((t) => Math.max(t.sent, t.responded)))), [trend]);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
      <ChartCard title="app.dashboard.charts.response_rate" testId="chart-response-rate">
        {(width) =>
          platforms.length === 0 ? (
            <Box sx={{ height: CHART_HEIGHT }}>
              <NoData />
            </Box>
          ) : (
            <PlatformBars
              rows={platforms}
              width={width}
              ticks={PERCENT_TICKS}
              format={percent}
              tooltip={
                <Tooltip formatter={(_v, _n, item) => formatPercent((item?.payload as PlatformChartRow)?.responseRate ?? null, locale)} />
              }
              bars={
                <Bar dataKey="responseRatePct" name={translate('app.dashboard.charts.rate')} fill={COLORS.rate} isAnimationActive={false} />
              }
            />
          )
        }
      </ChartCard>

      <ChartCard title="app.dashboard.charts.response_time" testId="chart-response-time" note="app.dashboard.charts.km_note">
        {(width) =>
          platforms.length === 0 ? (
            <Box sx={{ height: CHART_HEIGHT }}>
              <NoData />
            </Box>
          ) : (
            <PlatformBars
              rows={platforms}
              width={width}
              ticks={hourTicks}
              format={count}
              tooltip={<Tooltip formatter={(v) => hours(v)} />}
              legend={<Legend itemSorter={legendOrder} />}
              bars={[
                <Bar
                  key="median"
                  dataKey="medianResponseHours"
                  name={translate('app.dashboard.charts.median')}
                  fill={COLORS.median}
                  isAnimationActive={false}
                />,
                <Bar
                  key="p90"
                  dataKey="p90ResponseHours"
                  name={translate('app.dashboard.charts.p90')}
                  fill={COLORS.p90}
                  isAnimationActive={false}
                />,
                <Bar
                  key="km"
                  dataKey="kmMedianResponseHours"
                  name={translate('app.dashboard.charts.km_median')}
                  fill={COLORS.km}
                  isAnimationActive={false}
                />,
              ]}
            />
          )
        }
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
                  tickFormatter={count}
                  tick={TICK}
                  label={{ value: translate('app.dashboard.charts.hours_axis'), position: 'insideBottom', offset: -8, fontSize: 12 }}
                />
                <YAxis {...valueAxis(PERCENT_TICKS, percent)} />
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
                <XAxis dataKey="period" tickFormatter={(p: string) => formatPeriod(p, locale)} tick={TICK} />
                <YAxis allowDecimals={false} {...valueAxis(trendTicks, count)} />
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
