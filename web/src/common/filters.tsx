import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { ENUMS, type EnumName, type EnumValue } from '../../../domain/src';

/** The theme makes fields full width; in a filter bar they sit side by side, small and without margins. */
export const FILTER_FIELD = { size: 'small', fullWidth: false, margin: 'none' } as const;

/** A filter bar: a search form named `label` (Enter submits nothing), its fields side by side, wrapping. */
export function FilterForm({ label, alignItems, children }: { label: string; alignItems: 'center' | 'flex-start'; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box
      component="form"
      role="search"
      aria-label={translate(label)}
      onSubmit={(e) => e.preventDefault()}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems }}
    >
      {children}
    </Box>
  );
}

/** How a filter bar lays out its fields (size, margins, width, label): the bar decides, the field follows. */
export type FilterFieldLayout = Pick<TextFieldProps, 'size' | 'fullWidth' | 'margin' | 'sx' | 'slotProps'>;

/** A filter on one of the domain's vocabularies: "any" (the empty value) first, then each value in the reader's language. */
export function VocabularySelect<N extends EnumName>({
  id,
  enumName,
  label,
  anyLabel,
  value,
  onChange,
  ...layout
}: {
  id: string;
  enumName: N;
  label: string;
  anyLabel: string;
  value: EnumValue<N> | string;
  onChange: (value: EnumValue<N> | '') => void;
} & FilterFieldLayout) {
  const translate = useTranslate();
  const values: readonly EnumValue<N>[] = ENUMS[enumName];
  return (
    <TextField
      select
      id={id}
      label={translate(label)}
      value={value}
      onChange={(e) => onChange(e.target.value as EnumValue<N> | '')}
      {...layout}
    >
      <MenuItem value="">{translate(anyLabel)}</MenuItem>
      {values.map((v) => (
        <MenuItem key={v} value={v}>
          {translate(`enums.${enumName}.${v}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** A period as two calendar dates (YYYY-MM-DD), `<idPrefix>-from` and `<idPrefix>-to`; a change reports the date that changed. */
export function DateRangeFields({
  idPrefix,
  fromLabel,
  toLabel,
  from,
  to,
  onChange,
  ...layout
}: {
  idPrefix: string;
  fromLabel: string;
  toLabel: string;
  from?: string;
  to?: string;
  onChange: (change: { from: string } | { to: string }) => void;
} & FilterFieldLayout) {
  const translate = useTranslate();
  return (
    <>
      <TextField
        type="date"
        id={`${idPrefix}-from`}
        label={translate(fromLabel)}
        value={from ?? ''}
        onChange={(e) => onChange({ from: e.target.value })}
        {...layout}
      />
      <TextField
        type="date"
        id={`${idPrefix}-to`}
        label={translate(toLabel)}
        value={to ?? ''}
        onChange={(e) => onChange({ to: e.target.value })}
        {...layout}
      />
    </>
  );
}
