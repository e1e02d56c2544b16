import OutboxIcon from '@mui/icons-material/MarkEmailRead';
import { RequestCreate, RequestEdit } from './RequestForm';
import { RequestList } from './RequestList';
import { RequestShow } from './RequestShow';

export default {
  list: RequestList,
  show: RequestShow,
  edit: RequestEdit,
  create: RequestCreate,
  icon: OutboxIcon,
  recordRepresentation: 'reference',
};
