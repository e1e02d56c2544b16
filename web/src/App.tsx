import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, Loading, reactRouterProvider, Resource, type ResourceProps } from 'react-admin';
import agencies from './agencies';
import audit from './audit';
import { createAuthProvider } from './authProvider';
import consultations from './consultations';
import { CROSS_CHECK_ROUTE } from './cross-check';
import { createDataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { IMPORT_ROUTE, ImportPage } from './imports';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import messages from './messages';
import platforms from './platforms';
import { PUBLIC_SNAPSHOTS_ROUTE } from './public-snapshots/routes';
import publishedFigures from './published-figures';
import { FigureImportPage } from './published-figures/FigureImportPage';
import { FIGURE_IMPORT_ROUTE } from './published-figures/routes';
import reports from './reports';
import requests from './requests';
import { theme } from './theme';
import users from './users';
import { can, type Permission } from '../../domain/src';

const API_URL = '/api';
// react-router's Route (the router react-admin runs on), without a direct dependency on react-router.
const { Route } = reactRouterProvider;

const LazyDashboard = lazy(() => import('./dashboard/Dashboard'));
function Dashboard() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyDashboard />
    </Suspense>
  );
}

// The cross-check carries recharts, like the dashboard: loaded when first opened.
const LazyCrossCheck = lazy(() => import('./cross-check/CrossCheckPage'));
function CrossCheck() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyCrossCheck />
    </Suspense>
  );
}

// The public snapshots' preview shows a table only, but it is an admin's screen: loaded when first opened.
const LazyPublicSnapshots = lazy(() => import('./public-snapshots/PublicSnapshotsPage'));
function PublicSnapshots() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyPublicSnapshots />
    </Suspense>
  );
}

type ResourceScreens = Pick<ResourceProps, 'list' | 'show' | 'edit' | 'create' | 'icon' | 'recordRepresentation'>;

/** A resource with only the screens the role may use: no create/edit screen, no create/edit button. */
function resourceFor(name: string, screens: ResourceScreens, role: string | undefined, write?: Permission) {
  const mayWrite = write === undefined || can(role, write);
  return (
    <Resource
      key={name}
      name={name}
      {...screens}
      create={mayWrite ? screens.create : undefined}
      edit={mayWrite ? screens.edit : undefined}
    />
  );
}

export function App() {
  return (
    <Admin
      title="Platform compliance tracker"
      dataProvider={createDataProvider(API_URL, sessionStorage, () => i18nProvider.getLocale())}
      authProvider={createAuthProvider(API_URL, sessionStorage, () => i18nProvider.getLocale())}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={AppLayout}
      loginPage={LoginPage}
      theme={theme}
      disableTelemetry
      requireAuth
    >
      {(role: string | undefined) => [
        resourceFor('requests', requests, role, 'requests:write'),
        resourceFor('messages', messages, role),
        resourceFor('consultations', consultations, role, 'consultations:write'),
        resourceFor('platforms', platforms, role, 'platforms:write'),
        resourceFor('agencies', agencies, role, 'agencies:write'),
        resourceFor('reports', reports, role, 'reports:create'),
        resourceFor('published-figures', publishedFigures, role, 'figures:write'),
        <CustomRoutes key="cross-check">
          <Route path={CROSS_CHECK_ROUTE} element={<CrossCheck />} />
        </CustomRoutes>,
        ...(can(role, 'users:manage') ? [resourceFor('users', users, role, 'users:manage')] : []),
        ...(can(role, 'audit:read') ? [resourceFor('audit', audit, role, 'audit:read')] : []),
        ...(can(role, 'requests:write')
          ? [
              <CustomRoutes key="import">
                <Route path={IMPORT_ROUTE} element={<ImportPage />} />
              </CustomRoutes>,
            ]
          : []),
        ...(can(role, 'snapshots:publish')
          ? [
              <CustomRoutes key="public-snapshots">
                <Route path={PUBLIC_SNAPSHOTS_ROUTE} element={<PublicSnapshots />} />
              </CustomRoutes>,
            ]
          : []),
        ...(can(role, 'figures:write')
          ? [
              <CustomRoutes key="import-figures">
                <Route path={FIGURE_IMPORT_ROUTE} element={<FigureImportPage />} />
              </CustomRoutes>,
            ]
          : []),
      ]}
    </Admin>
  );
}
