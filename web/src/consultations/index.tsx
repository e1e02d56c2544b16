import ForumIcon from '@mui/icons-material/Forum';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useWatch } from 'react-hook-form';
import {
  ArrayField,
  ArrayInput,
  AutocompleteArrayInput,
  ChipField,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  FunctionField,
  List,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  SimpleShowLayout,
  SingleFieldList,
  TextArrayField,
  TextArrayInput,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { PrepareBriefButton } from '../reports/PrepareBriefButton';
import { AddRowButton, DateTimeField, DayField, EnumField, IsoDateTimeInput, ShowLinkField, StatusChip } from '../common/fields';
import type { Consultation } from '../types';
import { choices } from '../common/choices';

const consultationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="platformId" source="platformId" reference="platforms" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" sx={{ minWidth: 160 }} />
  </ReferenceInput>,
  <SelectInput key="format" source="format" choices={choices('format')} sx={{ minWidth: 160 }} />,
  <DateInput key="heldAt_gte" source="heldAt_gte" />,
  <DateInput key="heldAt_lt" source="heldAt_lt" />,
];

function ConsultationList() {
  const translate = useTranslate();
  return (
    <List filters={consultationFilters} sort={{ field: 'heldAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateTimeField source="heldAt" />
        <ReferenceField source="platformId" reference="platforms" link={false} />
        <EnumField source="format" enumName="format" />
        <ShowLinkField source="title" label="resources.consultations.fields.title" sortBy="title" />
        <FunctionField
          source="actionItems"
          sortable={false}
          render={(c: Consultation) => {
            const open = c.actionItems.filter((a) => a.state === 'open').length;
            return `${open} ${translate('enums.actionState.open').toLowerCase()} / ${c.actionItems.length}`;
          }}
        />
      </Datagrid>
    </List>
  );
}

function ConsultationShowActions() {
  const { hasEdit } = useResourceDefinition();
  return (
    <TopToolbar>
      <PrepareBriefButton platformIdSource="platformId" />
      {hasEdit && <EditButton />}
    </TopToolbar>
  );
}

function ConsultationShow() {
  return (
    <Show actions={<ConsultationShowActions />}>
      <SimpleShowLayout>
        <TextField source="title" />
        <DateTimeField source="heldAt" />
        <ReferenceField source="platformId" reference="platforms" />
        <EnumField source="format" enumName="format" />
        <TextArrayField source="attendees" />
        <TextField source="agenda" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <TextField source="minutes" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <ReferenceArrayField source="requestIds" reference="requests">
          <SingleFieldList linkType="show">
            <ChipField source="reference" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <ArrayField source="actionItems">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <EnumField source="ownerSide" enumName="ownerSide" label="resources.consultations.fields.ownerSide" />
            <TextField source="text" label="resources.consultations.fields.text" />
            <DayField source="dueDate" label="resources.consultations.fields.dueDate" emptyText="—" />
            <StatusChip source="state" enumName="actionState" label="resources.consultations.fields.state" />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
}

/** Requests discussed: only those sent to the consultation's platform (the API refuses others). */
function LinkedRequestsInput() {
  const translate = useTranslate();
  const platformId = useWatch({ name: 'platformId' });
  return (
    <ReferenceArrayInput
      source="requestIds"
      reference="requests"
      filter={platformId ? { platformId } : {}}
      perPage={50}
      sort={{ field: 'sentAt', order: 'DESC' }}
    >
      <AutocompleteArrayInput
        optionText="reference"
        label="resources.consultations.fields.requestIds"
        helperText={translate('app.consultations.linked_hint')}
        disabled={!platformId}
      />
    </ReferenceArrayInput>
  );
}

function ConsultationForm() {
  const translate = useTranslate();
  return (
    <SimpleForm sx={{ maxWidth: 1040 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, width: '100%' }}>
        <TextInput source="title" validate={[required(), maxLength(300)]} />
        <ReferenceInput source="platformId" reference="platforms" sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <IsoDateTimeInput source="heldAt" validate={required()} />
        <SelectInput source="format" choices={choices('format')} validate={required()} />
      </Box>
      <TextArrayInput source="attendees" helperText={translate('app.consultations.attendees_hint')} />
      <TextInput source="agenda" multiline minRows={2} validate={maxLength(20000)} />
      <TextInput source="minutes" multiline minRows={4} validate={maxLength(100000)} />
      <LinkedRequestsInput />
      <Typography variant="h6" component="h2" sx={{ mt: 1 }}>
        {translate('app.consultations.action_items')}
      </Typography>
      <ArrayInput source="actionItems" label={false}>
        <SimpleFormIterator inline disableReordering addButton={<AddRowButton label="ra.action.add" />}>
          <SelectInput
            source="ownerSide"
            label="resources.consultations.fields.ownerSide"
            choices={choices('ownerSide')}
            validate={required()}
            helperText={false}
            defaultValue="platform"
          />
          <TextInput
            source="text"
            label="resources.consultations.fields.text"
            validate={[required(), maxLength(2000)]}
            helperText={false}
            sx={{ minWidth: { md: 360 } }}
          />
          <DateInput source="dueDate" label="resources.consultations.fields.dueDate" helperText={false} />
          <SelectInput
            source="state"
            label="resources.consultations.fields.state"
            choices={choices('actionState')}
            validate={required()}
            helperText={false}
            defaultValue="open"
          />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}

function ConsultationEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <ConsultationForm />
    </Edit>
  );
}

function ConsultationCreate() {
  return (
    <Create redirect="show" record={{ format: 'in_person', attendees: [], requestIds: [], actionItems: [] }}>
      <ConsultationForm />
    </Create>
  );
}

export default {
  list: ConsultationList,
  show: ConsultationShow,
  edit: ConsultationEdit,
  create: ConsultationCreate,
  icon: ForumIcon,
  recordRepresentation: 'title',
};
