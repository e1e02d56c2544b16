import { BooleanField, Datagrid, EmailField, List, TextField } from 'react-admin';

function UserList() {
  return (
    <List sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="name" />
        <EmailField source="email" />
        <TextField source="role" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

export default { list: UserList, recordRepresentation: 'name' };
