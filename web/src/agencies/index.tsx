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

const agencyFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices('agencyKind')} alwaysOn sx={{ minWidth: 160 }} />,
];

function AgencyList() {
  return (
    <List filters={agencyFilters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <ShowLinkField source="name" label="resources.agencies.fields.name" sortBy="name" />
        <EnumField source="kind" enumName="agencyKind" />
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
        <TextField source="country" emptyText="—" />
        <EmailField source="contactEmail" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}

function AgencyForm() {
  return (
    <SimpleForm sx={{ maxWidth: 640 }}>
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      <SelectInput source="kind" choices={choices('agencyKind')} validate={required()} />
      <TextInput source="country" validate={maxLength(100)} />
      <TextInput source="contactEmail" type="email" validate={email()} />
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
    <Create redirect="show" record={{ kind: 'regulator' }}>
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
