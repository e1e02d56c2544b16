import PeopleIcon from '@mui/icons-material/People';
import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  EmailField,
  List,
  NullableBooleanInput,
  PasswordInput,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  useNotify,
  useRecordContext,
  useUpdate,
  email,
  maxLength,
  minLength,
  required,
  useTranslate,
} from 'react-admin';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { DateTimeField, EnumField, ShowLinkField } from '../common/fields';
import { choices } from '../common/choices';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={choices('role')} alwaysOn sx={{ minWidth: 160 }} />,
  <NullableBooleanInput key="active" source="active" />,
];

function UserList() {
  return (
    <List filters={userFilters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <ShowLinkField source="name" label="resources.users.fields.name" sortBy="name" />
        <EmailField source="email" />
        <EnumField source="role" enumName="role" />
        <BooleanField source="active" />
        <DateTimeField source="createdAt" />
      </Datagrid>
    </List>
  );
}

/** Shown while failed sign-ins keep the account locked; saving with lockedUntil null unlocks it. */
function LockNotice() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  if (!record?.lockedUntil) return null;
  const unlock = () =>
    update(
      'users',
      { id: record.id, data: { ...record, lockedUntil: null }, previousData: record },
      { mutationMode: 'pessimistic', onSuccess: () => notify('app.users.unlocked', { type: 'success' }) },
    );
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      action={
        <Button color="inherit" size="small" startIcon={<LockOpenIcon />} onClick={unlock} disabled={isPending}>
          {translate('app.users.unlock')}
        </Button>
      }
    >
      {translate('app.users.locked_notice', { until: new Date(record.lockedUntil).toLocaleString() })}
    </Alert>
  );
}

function UserShow() {
  return (
    <Show>
      <LockNotice />
      <SimpleShowLayout>
        <TextField source="name" />
        <EmailField source="email" />
        <EnumField source="role" enumName="role" />
        <BooleanField source="active" />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}

function UserForm({ creating }: { creating: boolean }) {
  const translate = useTranslate();
  return (
    <SimpleForm sx={{ maxWidth: 640 }}>
      <TextInput source="name" validate={[required(), maxLength(200)]} autoComplete="name" />
      <TextInput source="email" type="email" validate={[required(), email()]} autoComplete="off" />
      <SelectInput source="role" choices={choices('role')} validate={required()} />
      <PasswordInput
        source="password"
        validate={creating ? [required(), minLength(12), maxLength(200)] : [minLength(12), maxLength(200)]}
        autoComplete="new-password"
        helperText={translate(creating ? 'app.users.create_password_hint' : 'app.users.password_hint')}
      />
      <BooleanInput source="active" />
    </SimpleForm>
  );
}

function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <UserForm creating={false} />
    </Edit>
  );
}

function UserCreate() {
  return (
    <Create redirect="show" record={{ role: 'analyst', active: true }}>
      <UserForm creating />
    </Create>
  );
}

export default {
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
