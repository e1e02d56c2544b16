import { BooleanField, Datagrid, List, NumberField, TextField } from 'react-admin';

function PlatformList() {
  return (
    <List sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="slug" />
        <TextField source="parentCompany" />
        <BooleanField source="hasLocalRepresentative" />
        <NumberField source="slaHours.removal" label="Removal SLA (h)" />
      </Datagrid>
    </List>
  );
}

export default { list: PlatformList, recordRepresentation: 'name' };
