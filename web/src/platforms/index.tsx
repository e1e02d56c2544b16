import HubIcon from '@mui/icons-material/Hub';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  ArrayField,
  ArrayInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  EditButton,
  FunctionField,
  List,
  NullableBooleanInput,
  NumberInput,
  SearchInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  email,
  maxLength,
  maxValue,
  minValue,
  number,
  regex,
  required,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { PrepareBriefButton } from '../reports/PrepareBriefButton';
import { AddRowButton, LocaleNumberField, ShowLinkField } from '../common/fields';
import { DEFAULT_SLA_HOURS } from '../../../domain/src';

const SLA_TYPES = [
  ['removal', 'slaRemoval'],
  ['blocking', 'slaBlocking'],
  ['investigation', 'slaInvestigation'],
  ['preservation', 'slaPreservation'],
] as const;

const wholeNumber = (value: unknown) =>
  value === null || value === undefined || Number.isInteger(value) ? undefined : 'ra.validation.number';
const slaValidators = [required(), number(), wholeNumber, minValue(1), maxValue(8760)];

/** Empty addresses left out, and no re-notice unless both its numbers are given (the API takes null for "off"). */
export function platformPayload<
  T extends { mailTo?: Record<string, string | null>; renotice?: { everyHours?: number | null; times?: number | null } | null },
>(values: T): T {
  const mailTo = Object.fromEntries(
    Object.entries(values.mailTo ?? {}).filter(([, address]) => typeof address === 'string' && address.trim()),
  );
  const { everyHours, times } = values.renotice ?? {};
  return { ...values, mailTo, renotice: everyHours && times ? { everyHours, times } : null };
}

const platformFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="hasLocalRepresentative" source="hasLocalRepresentative" />,
];

function PlatformList() {
  return (
    <List filters={platformFilters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <ShowLinkField source="name" label="resources.platforms.fields.name" sortBy="name" />
        <TextField source="slug" />
        <TextField source="parentCompany" emptyText="—" />
        <BooleanField source="hasLocalRepresentative" sortable={false} />
        {SLA_TYPES.map(([type, label]) => (
          <LocaleNumberField key={type} source={`slaHours.${type}`} label={`resources.platforms.fields.${label}`} sortable={false} />
        ))}
      </Datagrid>
    </List>
  );
}

function PlatformShowActions() {
  const { hasEdit } = useResourceDefinition();
  return (
    <TopToolbar>
      <PrepareBriefButton />
      {hasEdit && <EditButton />}
    </TopToolbar>
  );
}

function PlatformShow() {
  const translate = useTranslate();
  return (
    <Show actions={<PlatformShowActions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="slug" />
        <TextField source="parentCompany" emptyText="—" />
        <BooleanField source="hasLocalRepresentative" />
        <Box
          component="section"
          sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 160px))', gap: 2 }}
          aria-label={translate('app.platforms.sla')}
        >
          {SLA_TYPES.map(([type, label]) => (
            <Box key={type}>
              <Typography variant="caption" color="text.secondary">
                {translate(`resources.platforms.fields.${label}`)}
              </Typography>
              <Typography>
                <LocaleNumberField source={`slaHours.${type}`} />
              </Typography>
            </Box>
          ))}
        </Box>
        <Box component="section" aria-label={translate('app.platforms.mail_to')}>
          <Typography variant="caption" color="text.secondary">
            {translate('app.platforms.mail_to')}
          </Typography>
          {SLA_TYPES.map(([type, label]) => (
            <Typography key={type} variant="body2">
              {translate(`resources.platforms.fields.${label}`)}: <TextField source={`mailTo.${type}`} emptyText="—" />
            </Typography>
          ))}
        </Box>
        <FunctionField
          source="renotice"
          render={(p: { renotice: { everyHours: number; times: number } | null }) =>
            p.renotice
              ? translate('app.platforms.renotice_value', { hours: p.renotice.everyHours, times: p.renotice.times })
              : translate('app.platforms.renotice_off')
          }
        />
        <ArrayField source="contactChannels">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="kind" label="resources.platforms.fields.channelKind" />
            <TextField source="value" label="resources.platforms.fields.channelValue" />
          </Datagrid>
        </ArrayField>
        <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      </SimpleShowLayout>
    </Show>
  );
}

function PlatformForm() {
  const translate = useTranslate();
  return (
    <SimpleForm sx={{ maxWidth: 960 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, width: '100%' }}>
        <TextInput source="name" validate={[required(), maxLength(200)]} />
        <TextInput source="slug" validate={[required(), regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a-z, 0-9, -')]} helperText="a-z, 0-9, -" />
        <TextInput source="parentCompany" validate={maxLength(200)} />
        <BooleanInput source="hasLocalRepresentative" />
      </Box>
      <Typography variant="h6" component="h2">
        {translate('app.platforms.sla')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.platforms.sla_hint')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' }, columnGap: 2, width: '100%' }}>
        {SLA_TYPES.map(([type, label]) => (
          <NumberInput
            key={type}
            source={`slaHours.${type}`}
            label={`resources.platforms.fields.${label}`}
            validate={slaValidators}
            step={1}
            min={1}
          />
        ))}
      </Box>
      <ArrayInput source="contactChannels">
        <SimpleFormIterator inline disableReordering addButton={<AddRowButton label="ra.action.add" />}>
          <TextInput
            source="kind"
            label="resources.platforms.fields.channelKind"
            validate={[required(), maxLength(50)]}
            helperText={false}
          />
          <TextInput
            source="value"
            label="resources.platforms.fields.channelValue"
            validate={[required(), maxLength(500)]}
            helperText={false}
            sx={{ minWidth: 320 }}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <Typography variant="h6" component="h2">
        {translate('app.platforms.mail_to')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, width: '100%' }}>
        {SLA_TYPES.map(([type, label]) => (
          <TextInput key={type} source={`mailTo.${type}`} label={`resources.platforms.fields.${label}`} type="email" validate={email()} />
        ))}
      </Box>
      <Typography variant="h6" component="h2">
        {translate('resources.platforms.fields.renotice')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.platforms.renotice_hint')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' }, columnGap: 2, width: '100%' }}>
        <NumberInput
          source="renotice.everyHours"
          label="app.platforms.renotice_every"
          validate={[number(), wholeNumber, minValue(1), maxValue(8760)]}
          step={1}
        />
        <NumberInput
          source="renotice.times"
          label="app.platforms.renotice_times"
          validate={[number(), wholeNumber, minValue(1), maxValue(50)]}
          step={1}
        />
      </Box>
      <TextInput source="notes" multiline minRows={3} validate={maxLength(5000)} />
    </SimpleForm>
  );
}

function PlatformEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={platformPayload}>
      <PlatformForm />
    </Edit>
  );
}

function PlatformCreate() {
  return (
    <Create
      transform={platformPayload}
      redirect="show"
      record={{
        hasLocalRepresentative: false,
        contactChannels: [],
        slaHours: {
          removal: DEFAULT_SLA_HOURS,
          blocking: DEFAULT_SLA_HOURS,
          investigation: DEFAULT_SLA_HOURS,
          preservation: DEFAULT_SLA_HOURS,
        },
      }}
    >
      <PlatformForm />
    </Create>
  );
}

export default {
  list: PlatformList,
  show: PlatformShow,
  edit: PlatformEdit,
  create: PlatformCreate,
  icon: HubIcon,
  recordRepresentation: 'name',
};
