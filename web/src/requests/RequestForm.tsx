import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  ArrayInput,
  Create,
  Edit,
  Labeled,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxLength,
  regex,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AddRowButton, DateTimeField, EnumField, IsoDateTimeInput } from '../common/fields';
import type { PlatformRequest } from '../types';
import { choices } from '../common/choices';

const urlValidators = [required(), regex(/^https?:\/\/\S+$/i, 'http(s)://…'), maxLength(2048)];

const twoColumns = {
  display: 'grid',
  gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
  columnGap: 2,
  width: '100%',
  maxWidth: 960,
} as const;

function SectionTitle({ children }: { children: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="h6" component="h2" sx={{ mt: 2, mb: 1 }}>
      {translate(children)}
    </Typography>
  );
}

function ContentItemsInput() {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 960 }}>
      <SectionTitle>app.requests.content_items</SectionTitle>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.requests.items_hint')}
      </Typography>
      <ArrayInput source="items" label={false}>
        <SimpleFormIterator inline disableReordering addButton={<AddRowButton label="app.action.add_item" />}>
          <TextInput
            source="url"
            type="url"
            label="resources.requests.fields.itemUrl"
            validate={urlValidators}
            sx={{ minWidth: { xs: '100%', md: 420 } }}
            helperText={false}
          />
          <TextInput
            source="contentHash"
            label="resources.requests.fields.itemContentHash"
            validate={maxLength(256)}
            sx={{ minWidth: { xs: '100%', md: 300 } }}
            helperText={false}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
}

/** The read-only lifecycle of a request being edited: it changes through timeline events only. */
function LifecycleSummary() {
  const record = useRecordContext<PlatformRequest>();
  if (!record) return null;
  return (
    <Box sx={{ ...twoColumns, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' }, mb: 2 }}>
      <Labeled source="status">
        <EnumField source="status" enumName="status" />
      </Labeled>
      <Labeled source="sentAt">
        <DateTimeField source="sentAt" />
      </Labeled>
      <Labeled source="dueAt">
        <DateTimeField source="dueAt" />
      </Labeled>
      <Labeled source="outcome">
        <EnumField source="outcome" enumName="outcome" emptyText="—" />
      </Labeled>
    </Box>
  );
}

function RequestFields({ creating }: { creating: boolean }) {
  const translate = useTranslate();
  return (
    <>
      {!creating && <LifecycleSummary />}
      <Box sx={twoColumns}>
        <ReferenceInput source="platformId" reference="platforms" sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <ReferenceInput source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="reference" validate={[required(), maxLength(200)]} />
        <TextInput source="platformRef" validate={maxLength(200)} />
        <SelectInput source="type" choices={choices('type')} validate={required()} />
        <SelectInput source="category" choices={choices('category')} validate={required()} />
        <SelectInput source="channel" choices={choices('channel')} validate={required()} />
        {creating ? <IsoDateTimeInput source="sentAt" helperText={translate('app.requests.draft_hint')} /> : <Box />}
      </Box>
      <Box sx={{ width: '100%', maxWidth: 960 }}>
        <TextInput source="notes" multiline minRows={3} validate={maxLength(10000)} />
      </Box>
      <ContentItemsInput />
    </>
  );
}

export function RequestCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ items: [], channel: 'email' }}>
        <RequestFields creating />
      </SimpleForm>
    </Create>
  );
}

export function RequestEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <RequestFields creating={false} />
      </SimpleForm>
    </Edit>
  );
}
