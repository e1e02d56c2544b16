import AddIcon from '@mui/icons-material/Add';
import Chip, { type ChipProps } from '@mui/material/Chip';
import type { MouseEvent, ReactNode } from 'react';
import {
  Button,
  DateField,
  type DateFieldProps,
  DateTimeInput,
  type DateTimeInputProps,
  FunctionField,
  Link,
  NumberField,
  type NumberFieldProps,
  SelectField,
  type SelectFieldProps,
  useCreatePath,
  useRecordContext,
  useResourceContext,
  useSimpleFormIterator,
  useTranslate,
} from 'react-admin';
import { useIntlLocale } from './hooks';
import { type EnumName, UNCOUNTED_STATUSES } from '../../../domain/src';
import { choices } from './choices';

/** A date and time in the chosen language's format. */
export function DateTimeField(props: DateFieldProps) {
  const locale = useIntlLocale();
  return (
    <DateField showTime locales={locale} options={{ dateStyle: 'medium', timeStyle: 'short' }} sx={{ whiteSpace: 'nowrap' }} {...props} />
  );
}

/** A calendar date (YYYY-MM-DD) in the chosen language's format. */
export function DayField(props: DateFieldProps) {
  const locale = useIntlLocale();
  return <DateField locales={locale} options={{ dateStyle: 'medium', timeZone: 'UTC' }} {...props} />;
}

export function LocaleNumberField(props: NumberFieldProps) {
  const locale = useIntlLocale();
  return <NumberField locales={locale} {...props} />;
}

/** An enum value with its translated label. */
export function EnumField({ enumName, ...props }: Omit<SelectFieldProps, 'choices'> & { enumName: EnumName }) {
  return <SelectField choices={choices(enumName)} {...props} />;
}

const STATUS_COLORS: Record<string, ChipProps['color']> = {
  draft: 'default',
  sent: 'info',
  acknowledged: 'warning',
  resolved: 'success',
  withdrawn: 'default',
  queued: 'default',
  running: 'info',
  done: 'success',
  failed: 'error',
  open: 'info',
  missed: 'error',
};

/** A coloured chip for a status-like enum (the label carries the meaning; colour only helps). */
export function StatusChip({ source, enumName, label, testId }: { source: string; enumName: EnumName; label?: string; testId?: string }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source={source}
      label={label}
      render={(record: Record<string, unknown>) => {
        const value = record?.[source];
        if (value === null || value === undefined) return null;
        return (
          <Chip
            size="small"
            variant={(UNCOUNTED_STATUSES as readonly unknown[]).includes(value) ? 'outlined' : 'filled'}
            color={STATUS_COLORS[String(value)] ?? 'default'}
            label={translate(`enums.${enumName}.${value}`)}
            data-testid={testId}
            data-value={String(value)}
          />
        );
      }}
    />
  );
}

/** The props react-admin's Datagrid reads from a column's element (header label, sorting). */
export interface ColumnProps {
  source?: string;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

/** "Overdue" in words and colour, for a request past its deadline with no answer. */

export function OverdueChip(_props: ColumnProps) {
  const record = useRecordContext<{ overdue?: boolean }>();
  const translate = useTranslate();
  if (!record?.overdue) return null;
  return <Chip size="small" color="error" label={translate('app.requests.overdue')} data-testid="overdue-chip" />;
}

/** "Not delivered": the request's e-mail bounced (the reason in the tooltip) and has not been sent again. */
export function NotDeliveredChip(_props: ColumnProps) {
  const record = useRecordContext<{ deliveryFailedAt?: string | null; deliveryFailure?: string | null }>();
  const translate = useTranslate();
  if (!record?.deliveryFailedAt) return null;
  return (
    <Chip
      size="small"
      color="warning"
      label={translate('app.mail.not_delivered')}
      title={record.deliveryFailure ?? undefined}
      data-testid="not-delivered-chip"
    />
  );
}

/** A date-time input whose value is sent as a UTC ISO-8601 string (the browser's input is local time). */
export function IsoDateTimeInput(props: DateTimeInputProps) {
  return <DateTimeInput parse={toIsoOrNull} {...props} />;
}

export function toIsoOrNull(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A labelled "add a row" button for SimpleFormIterator (the default is an icon alone). */
export function AddRowButton({ label }: { label: string }) {
  const { add, source } = useSimpleFormIterator();
  return (
    <Button label={label} onClick={() => add()} className={`button-add button-add-${source}`}>
      <AddIcon />
    </Button>
  );
}

/**
 * A record's name as a real link to its page: rows open on click, and this makes them reachable with
 * the keyboard too (Tab, Enter).
 */

export function ShowLinkField({ source, children }: ColumnProps & { source: string; children?: ReactNode }) {
  const record = useRecordContext();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Link
      to={createPath({ resource, id: record.id, type: 'show' })}
      onClick={(e: MouseEvent) => e.stopPropagation()}
      underline="hover"
      color="inherit"
    >
      {children ?? String(record[source] ?? '')}
    </Link>
  );
}
