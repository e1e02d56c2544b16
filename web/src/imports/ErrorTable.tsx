import DownloadIcon from '@mui/icons-material/Download';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Button, useTranslate } from 'react-admin';
import { saveBlob } from '../reports/download';
import { errorsToCsv, type ImportRowError } from './shaping';
import { mono } from './styles';

/** How many error rows the table shows; the whole list can be downloaded. */
const MAX_SHOWN_ERRORS = 200;

/** The errors of a rejected file, line by line (the first 200), and the whole list as a CSV to download. */
export function ErrorTable({ errors }: { errors: ImportRowError[] }) {
  const translate = useTranslate();
  const shown = errors.slice(0, MAX_SHOWN_ERRORS);
  return (
    <>
      <TableContainer sx={{ maxHeight: 480, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader data-testid="import-errors">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 16px', fontWeight: 500 }}>
            {translate('app.import.errors_caption')}
          </caption>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '5em' }} align="right">
                {translate('app.import.line')}
              </TableCell>
              <TableCell sx={{ width: '10em' }}>{translate('app.import.column')}</TableCell>
              <TableCell>{translate('app.import.problem')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((e, i) => (
              <TableRow key={i} data-line={e.line} data-field={e.field ?? ''}>
                <TableCell align="right">{e.line || '—'}</TableCell>
                <TableCell sx={e.field ? { ...mono, whiteSpace: 'nowrap' } : { color: 'text.secondary' }}>
                  {e.field ?? translate('app.import.whole_row')}
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{e.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
        {errors.length > shown.length && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.import.more_errors', { shown: shown.length, total: errors.length })}
          </Typography>
        )}
        <Button
          label="app.import.download_errors"
          onClick={() => saveBlob(new Blob([errorsToCsv(errors)], { type: 'text/csv;charset=utf-8' }), 'import-errors.csv')}
        >
          <DownloadIcon />
        </Button>
      </Stack>
    </>
  );
}
