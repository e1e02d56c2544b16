import { Datagrid, List, TextField } from 'react-admin';

function AgencyList() {
  return (
    <List sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="kind" />
        <TextField source="country" />
      </Datagrid>
    </List>
  );
}

export default { list: AgencyList, recordRepresentation: 'name' };
