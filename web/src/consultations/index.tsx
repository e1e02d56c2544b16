import { Datagrid, DateField, List, ReferenceField, TextField } from 'react-admin';

function ConsultationList() {
  return (
    <List sort={{ field: 'heldAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false}>
        <DateField source="heldAt" showTime />
        <ReferenceField source="platformId" reference="platforms" link={false} />
        <TextField source="format" />
        <TextField source="title" />
      </Datagrid>
    </List>
  );
}

export default { list: ConsultationList, recordRepresentation: 'title' };
