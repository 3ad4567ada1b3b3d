import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { PeopleScreen } from '../features/people/PeopleScreen';
import { PersonEditScreen, PersonNewScreen } from '../features/people/PersonEditScreen';
import { PersonScreen } from '../features/people/PersonScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { Layout } from './Layout';
import { RouteError } from './RouteError';

// A hash router: the same URLs work from a file:// page in Electron and from the station's `/`.
const router = createHashRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/people" replace /> },
      { path: 'people', element: <PeopleScreen /> },
      { path: 'people/new', element: <PersonNewScreen /> },
      { path: 'people/:id', element: <PersonScreen /> },
      { path: 'people/:id/edit', element: <PersonEditScreen /> },
      { path: 'settings', element: <SettingsScreen /> },
      { path: '*', element: <RouteError /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
