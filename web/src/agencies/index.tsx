import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import {
  Create,
  Datagrid,
  Edit,
  EmailField,
  List,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  email,
  maxLength,
  required,
} from 'react-admin';
import { EnumField, ShowLinkField } from '../common/fields';
import { choices } from '../common/choices';
import { isJurisdiction } from '../../../domain/src';

/** Empty, or an assigned ISO 3166-1 alpha-2 code (the domain's list), as the API requires. */
const jurisdiction = (value: unknown) => (!value || isJurisdiction(value) ? undefined : 'app.agencies.jurisdiction_hint');

const agencyFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices('agencyKind')} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectInput key="requesterType" source="requesterType" choices={choices('requesterType')} sx={{ minWidth: 200 }} />,
  <TextInput key="jurisdiction" source="jurisdiction" validate={jurisdiction} sx={{ width: 120 }} />,
];

function AgencyList() {
  return (
    <List filters={agencyFilters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <ShowLinkField source="name" label="resources.agencies.fields.name" sortBy="name" />
        <EnumField source="kind" enumName="agencyKind" />
        <EnumField source="requesterType" enumName="requesterType" />
        <TextField source="jurisdiction" emptyText="—" />
        <TextField source="country" emptyText="—" />
        <EmailField source="contactEmail" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}

function AgencyShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <EnumField source="kind" enumName="agencyKind" />
        <EnumField source="requesterType" enumName="requesterType" />
        <TextField source="jurisdiction" emptyText="—" />
        <TextField source="country" emptyText="—" />
        <EmailField source="contactEmail" emptyText="—" />
        <TextField source="legalBasis" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      </SimpleShowLayout>
    </Show>
  );
}

function AgencyForm() {
  return (
    <SimpleForm sx={{ maxWidth: 640 }}>
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      <SelectInput source="kind" choices={choices('agencyKind')} validate={required()} />
      <SelectInput source="requesterType" choices={choices('requesterType')} validate={required()} />
      <TextInput source="jurisdiction" validate={jurisdiction} helperText="app.agencies.jurisdiction_hint" />
      <TextInput source="country" validate={maxLength(100)} />
      <TextInput source="contactEmail" type="email" validate={email()} />
      <TextInput source="legalBasis" multiline minRows={2} validate={maxLength(2000)} helperText="app.agencies.legal_basis_hint" />
    </SimpleForm>
  );
}

function AgencyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <AgencyForm />
    </Edit>
  );
}

function AgencyCreate() {
  return (
    <Create redirect="show" record={{ kind: 'regulator', requesterType: 'other' }}>
      <AgencyForm />
    </Create>
  );
}

export default {
  list: AgencyList,
  show: AgencyShow,
  edit: AgencyEdit,
  create: AgencyCreate,
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
