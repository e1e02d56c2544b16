import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { DateRangeFields, FILTER_FIELD, FilterForm, VocabularySelect } from '../common/filters';
import type { CrossCheckFilter } from './shaping';
import type { Platform } from '../types';

/** Typing waits this long before the query follows, so that a name is not looked up letter by letter. */
const TYPING_DELAY_MS = 400;

const acceptAny = () => true;

/** A text filter that reports its value once typing pauses, and only when `accept` takes it. */
function TypedFilter({
  id,
  label,
  hint,
  invalidHint,
  value,
  accept = acceptAny,
  onCommit,
  width,
}: {
  id: string;
  label: string;
  hint: string;
  invalidHint?: string;
  value: string;
  accept?: (text: string) => boolean;
  onCommit: (text: string) => void;
  width: number;
}) {
  const translate = useTranslate();
  const [draft, setDraft] = useState(value);
  // The latest callback, without restarting the pause each time the parent renders.
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value || !accept(draft)) return;
    const timer = setTimeout(() => commit.current(draft), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, value, accept]);
  const invalid = !accept(draft);
  return (
    <TextField
      id={id}
      {...FILTER_FIELD}
      label={translate(label)}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      error={invalid}
      helperText={translate(invalid && invalidHint ? invalidHint : hint)}
      sx={{ width }}
    />
  );
}

const isJurisdictionText = (text: string) => text.trim() === '' || /^[A-Za-z]{2}$/.test(text.trim());

/** The cross-check's filters: company or service, our platform, country, requester type, period. */
export function CrossCheckFilters({ filter, onChange }: { filter: CrossCheckFilter; onChange: (filter: CrossCheckFilter) => void }) {
  const translate = useTranslate();
  const set = (patch: Partial<CrossCheckFilter>) => onChange({ ...filter, ...patch });
  const { data: platforms } = useGetList<Platform>('platforms', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const field = { ...FILTER_FIELD, slotProps: { inputLabel: { shrink: true } } };
  return (
    <FilterForm label="app.cross_check.filters" alignItems="flex-start">
      <TypedFilter
        id="cross-check-subject"
        label="app.cross_check.subject"
        hint="app.cross_check.subject_hint"
        value={filter.subject ?? ''}
        onCommit={(subject) => set({ subject })}
        width={240}
      />
      <TextField
        select
        id="cross-check-platform"
        label={translate('app.cross_check.platform')}
        value={filter.platformId ?? ''}
        onChange={(e) => set({ platformId: e.target.value === '' ? '' : Number(e.target.value) })}
        {...field}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="">{translate('app.cross_check.any')}</MenuItem>
        {(platforms ?? []).map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.name}
          </MenuItem>
        ))}
      </TextField>
      <TypedFilter
        id="cross-check-jurisdiction"
        label="app.cross_check.jurisdiction"
        hint="app.cross_check.jurisdiction_hint"
        invalidHint="app.cross_check.jurisdiction_hint"
        value={filter.jurisdiction ?? ''}
        accept={isJurisdictionText}
        onCommit={(jurisdiction) => set({ jurisdiction: jurisdiction.trim().toUpperCase() })}
        width={150}
      />
      <VocabularySelect
        id="cross-check-requester-type"
        enumName="requesterType"
        label="app.cross_check.requester_type"
        anyLabel="app.cross_check.any"
        value={filter.requesterType ?? ''}
        onChange={(requesterType) => set({ requesterType })}
        {...field}
        sx={{ minWidth: 220 }}
      />
      <DateRangeFields
        idPrefix="cross-check"
        fromLabel="app.cross_check.from"
        toLabel="app.cross_check.to"
        from={filter.from}
        to={filter.to}
        onChange={set}
        {...field}
      />
    </FilterForm>
  );
}
