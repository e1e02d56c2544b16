import Chip, { type ChipProps } from '@mui/material/Chip';
import {
  DateField,
  type DateFieldProps,
  DateTimeInput,
  type DateTimeInputProps,
  FunctionField,
  NumberField,
  type NumberFieldProps,
  SelectField,
  type SelectFieldProps,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { choices, type EnumName } from '../enums';
import { useIntlLocale } from './hooks';

/** A date and time in the chosen language's format. */
export function DateTimeField(props: DateFieldProps) {
  const locale = useIntlLocale();
  return <DateField showTime locales={locale} options={{ dateStyle: 'medium', timeStyle: 'short' }} {...props} />;
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
export function StatusChip({ source, enumName, label }: { source: string; enumName: EnumName; label?: string }) {
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
            variant={value === 'draft' || value === 'withdrawn' ? 'outlined' : 'filled'}
            color={STATUS_COLORS[String(value)] ?? 'default'}
            label={translate(`enums.${enumName}.${value}`)}
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
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function OverdueChip(_props: ColumnProps) {
  const record = useRecordContext<{ overdue?: boolean }>();
  const translate = useTranslate();
  if (!record?.overdue) return null;
  return <Chip size="small" color="error" label={translate('app.requests.overdue')} data-testid="overdue-chip" />;
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
