import { BooleanField, Datagrid, DateField, List, ReferenceField, SelectInput, TextField, TextInput } from 'react-admin';

const STATUSES = ['draft', 'sent', 'acknowledged', 'resolved', 'withdrawn'].map((id) => ({ id, name: id }));
const filters = [<TextInput key="q" source="q" label="Search" alwaysOn />, <SelectInput key="status" source="status" choices={STATUSES} />];

function RequestList() {
  return (
    <List filters={filters} sort={{ field: 'sentAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="reference" />
        <ReferenceField source="platformId" reference="platforms" link={false} />
        <ReferenceField source="agencyId" reference="agencies" link={false} />
        <TextField source="type" />
        <TextField source="category" />
        <TextField source="status" />
        <DateField source="sentAt" showTime />
        <DateField source="dueAt" showTime />
        <BooleanField source="overdue" />
      </Datagrid>
    </List>
  );
}

export default { list: RequestList, recordRepresentation: 'reference' };
