import PreviewIcon from '@mui/icons-material/Preview';
import PublishIcon from '@mui/icons-material/Publish';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, Title, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useIntlLocale } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { LANGUAGE_NAMES, PUBLIC_INDEX_JSON, PUBLIC_METRICS, PUBLIC_PATH, type PublicFigures } from '../../../domain/src';
import {
  cellText,
  defaultPeriod,
  publicTexts,
  snapshotBody,
  snapshotLinks,
  type SnapshotForm,
  type SnapshotRecord,
  suppressedCells,
} from './shaping';

/** The figures as the public page will show them: one row per platform, the totals last. */
function PreviewTable({ preview, locale }: { preview: SnapshotRecord; locale: string }) {
  const t = publicTexts(locale);
  const document = preview.document!;
  const row = (key: string, name: string, figures: PublicFigures) => (
    <TableRow key={key} data-testid="snapshot-preview-row" data-platform={key}>
      <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
        {name}
      </TableCell>
      {PUBLIC_METRICS.map((m) => (
        <TableCell
          key={m}
          align="right"
          data-metric={m}
          data-status={figures[m].status}
          sx={figures[m].status === 'shown' ? undefined : { color: 'text.secondary', fontStyle: 'italic' }}
        >
          {cellText(m, figures[m], locale, preview.minCell, figures.sent)}
        </TableCell>
      ))}
    </TableRow>
  );
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-labelledby="snapshot-preview-title">
        <TableHead>
          <TableRow>
            <TableCell>{t.columns.platform}</TableCell>
            {PUBLIC_METRICS.map((m) => (
              <TableCell key={m} align="right">
                {t.columns[m]}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{document.platforms.map((p) => row(p.platform, p.name, p.figures))}</TableBody>
        <TableFooter>{row('*', t.total, document.totals)}</TableFooter>
      </Table>
    </TableContainer>
  );
}

function Preview({ preview, locale }: { preview: SnapshotRecord; locale: string }) {
  const translate = useTranslate();
  const document = preview.document!;
  const hidden = suppressedCells(document);
  return (
    <Stack spacing={1.5} data-testid="snapshot-preview" data-sha256={preview.dataSha256}>
      <Typography variant="h6" component="h2" id="snapshot-preview-title">
        {translate('app.public_snapshots.preview_title', { label: preview.label })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.public_snapshots.preview_as_of', { asOf: formatDateTime(preview.asOf, locale) })}
      </Typography>
      <PreviewTable preview={preview} locale={locale} />
      <Alert severity={hidden.fewer + hidden.withheld > 0 ? 'warning' : 'info'} data-testid="snapshot-suppressed">
        {translate('app.public_snapshots.suppressed', { fewer: hidden.fewer, withheld: hidden.withheld, min: preview.minCell })}
      </Alert>
      <Typography variant="body2" data-testid="snapshot-agencies">
        {document.agencies
          ? publicTexts(locale).agencies.replace('%{names}', document.agencies.join(', '))
          : translate('app.public_snapshots.agencies_hidden')}
      </Typography>
    </Stack>
  );
}

function SnapshotList({ snapshots, locale }: { snapshots: SnapshotRecord[]; locale: string }) {
  const translate = useTranslate();
  if (snapshots.length === 0) return <Typography color="text.secondary">{translate('app.public_snapshots.none_yet')}</Typography>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="snapshot-list">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            <TableCell>{translate('app.public_snapshots.period')}</TableCell>
            <TableCell>{translate('app.public_snapshots.published_at')}</TableCell>
            <TableCell>{translate('app.public_snapshots.status')}</TableCell>
            <TableCell>{translate('app.public_snapshots.files')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {snapshots.map((s) => (
            <TableRow key={s.id} data-testid="snapshot-list-row" data-id={s.id}>
              <TableCell>{s.id}</TableCell>
              <TableCell>{s.label}</TableCell>
              <TableCell>{formatDateTime(s.publishedAt, locale)}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={s.status === 'published' ? 'success' : 'default'}
                  label={
                    s.status === 'replaced'
                      ? translate('app.public_snapshots.replaced_by', { id: s.replacedBy })
                      : translate('app.public_snapshots.published')
                  }
                />
                {s.replaces !== null && (
                  <Typography variant="caption" component="p" color="text.secondary">
                    {translate('app.public_snapshots.corrects', { id: s.replaces })}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {snapshotLinks(s).map((l) => (
                    <Link key={l.key} href={l.href} target="_blank" rel="noopener" lang={l.language} data-link={l.key}>
                      {l.language ? LANGUAGE_NAMES[l.language] : translate(`app.public_snapshots.file.${l.key}`)}
                    </Link>
                  ))}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * Public snapshots: choose a period and what to show, preview exactly what the public pages will say
 * (small numbers suppressed), publish it once and for all, and find the published files.
 */
export default function PublicSnapshotsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useIntlLocale();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SnapshotForm>(() => ({
    ...defaultPeriod(new Date()),
    platformIds: [],
    showAgencies: false,
    replaces: null,
  }));
  const [preview, setPreview] = useState<{ form: SnapshotForm; record: SnapshotRecord } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const snapshots = useQuery({ queryKey: ['public-snapshots'], queryFn: () => dataProvider.listPublicSnapshots() });
  const { data: platforms } = useGetList<{ id: number; name: string }>('platforms', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  // A preview stands for the form it was made from: change the form and it must be made again.
  const current = preview && JSON.stringify(preview.form) === JSON.stringify(form) ? preview.record : null;
  const change = (patch: Partial<SnapshotForm>) => setForm((f) => ({ ...f, ...patch }));

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const doPreview = () => run(async () => setPreview({ form, record: await dataProvider.previewPublicSnapshot(snapshotBody(form)) }));
  const doPublish = () =>
    run(async () => {
      setConfirming(false);
      const published = await dataProvider.publishPublicSnapshot({
        ...snapshotBody(form),
        asOf: current!.asOf,
        previewSha256: current!.dataSha256,
      });
      setPreview(null);
      notify('app.public_snapshots.done', { type: 'success', messageArgs: { label: published.label, id: published.id } });
      await queryClient.invalidateQueries({ queryKey: ['public-snapshots'] });
    });

  const correctable = (snapshots.data ?? []).filter((s) => s.status === 'published');
  return (
    <Box sx={{ py: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="public-snapshots">
      <Title title="app.public_snapshots.title" />
      <Box>
        <Typography variant="h5" component="h1">
          {translate('app.public_snapshots.heading')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: '90ch' }}>
          {translate('app.public_snapshots.intro')}
        </Typography>
      </Box>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              type="date"
              label={translate('app.public_snapshots.first_day')}
              value={form.firstDay}
              onChange={(e) => change({ firstDay: e.target.value })}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'snapshot-first-day' } }}
            />
            <TextField
              type="date"
              label={translate('app.public_snapshots.last_day')}
              value={form.lastDay}
              onChange={(e) => change({ lastDay: e.target.value })}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'snapshot-last-day' } }}
            />
            <TextField
              select
              label={translate('app.public_snapshots.replaces')}
              value={form.replaces ?? ''}
              onChange={(e) => change({ replaces: e.target.value === '' ? null : Number(e.target.value) })}
              helperText={translate('app.public_snapshots.replaces_hint')}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              sx={{ minWidth: 220 }}
            >
              <MenuItem value="">{translate('app.public_snapshots.replaces_none')}</MenuItem>
              {correctable.map((s) => (
                <MenuItem key={s.id} value={s.id ?? ''}>
                  #{s.id} {s.label}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
            <FormLabel component="legend">{translate('app.public_snapshots.platforms')}</FormLabel>
            <Typography variant="caption" color="text.secondary">
              {translate('app.public_snapshots.platforms_hint')}
            </Typography>
            <FormGroup row>
              {(platforms ?? []).map((p) => (
                <FormControlLabel
                  key={p.id}
                  label={p.name}
                  control={
                    <Checkbox
                      checked={form.platformIds.includes(p.id)}
                      onChange={(e) =>
                        change({
                          platformIds: e.target.checked ? [...form.platformIds, p.id] : form.platformIds.filter((id) => id !== p.id),
                        })
                      }
                    />
                  }
                />
              ))}
            </FormGroup>
          </Box>
          <FormControlLabel
            control={<Switch checked={form.showAgencies} onChange={(e) => change({ showAgencies: e.target.checked })} />}
            label={translate('app.public_snapshots.show_agencies')}
          />
          <Stack direction="row" spacing={1}>
            <Button
              label="app.public_snapshots.preview"
              variant="outlined"
              onClick={doPreview}
              disabled={busy}
              data-testid="snapshot-preview-button"
            >
              <PreviewIcon />
            </Button>
            <Button
              label="app.public_snapshots.publish"
              variant="contained"
              onClick={() => setConfirming(true)}
              disabled={busy || !current}
              data-testid="snapshot-publish-button"
            >
              <PublishIcon />
            </Button>
          </Stack>
          {!current && <Typography variant="caption">{translate('app.public_snapshots.preview_first')}</Typography>}
          {error && (
            <Alert severity="error" data-testid="snapshot-error">
              {error}
            </Alert>
          )}
        </Stack>
      </Paper>

      {current && <Preview preview={current} locale={locale} />}
      <Confirm
        isOpen={confirming}
        title="app.public_snapshots.confirm_title"
        content="app.public_snapshots.confirm_content"
        translateOptions={{ label: current?.label ?? '' }}
        onConfirm={doPublish}
        onClose={() => setConfirming(false)}
      />

      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {translate('app.public_snapshots.published_heading')}
        </Typography>
        <Link href={`${PUBLIC_PATH}/${PUBLIC_INDEX_JSON}`} target="_blank" rel="noopener">
          {PUBLIC_INDEX_JSON}
        </Link>
        <Link href={`${PUBLIC_PATH}/`} target="_blank" rel="noopener">
          {translate('app.public_snapshots.public_index')}
        </Link>
      </Stack>
      {snapshots.error && <Alert severity="error">{translate('app.common.loading_error')}</Alert>}
      {snapshots.data && <SnapshotList snapshots={snapshots.data} locale={locale} />}
    </Box>
  );
}
