import { Admin, Resource } from 'react-admin';
import { createAuthProvider } from './authProvider';
import { createDataProvider } from './dataProvider';
import agencies from './agencies';
import consultations from './consultations';
import platforms from './platforms';
import requests from './requests';
import users from './users';

const API_URL = '/api';

export function App() {
  return (
    <Admin
      title="Platform compliance tracker"
      dataProvider={createDataProvider(API_URL)}
      authProvider={createAuthProvider(API_URL)}
      disableTelemetry
      requireAuth
    >
      {(role: string) => [
        <Resource key="requests" name="requests" {...requests} />,
        <Resource key="platforms" name="platforms" {...platforms} />,
        <Resource key="agencies" name="agencies" {...agencies} />,
        <Resource key="consultations" name="consultations" {...consultations} />,
        ...(role === 'admin' ? [<Resource key="users" name="users" {...users} />] : []),
      ]}
    </Admin>
  );
}
