import { Suspense } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { LoadingScreen } from '../ui/LoadingScreen';
import {
  CheckInScreen,
  DoorScreen,
  AgendaScreen,
  DossierScreen,
  IntimacyReportScreen,
  RapportReportScreen,
  ReportsScreen,
  SeminarReportScreen,
  OccasionEditScreen,
  OccasionNewScreen,
  OccasionScreen,
  OccasionsScreen,
  ReviewScreen,
  RelationshipsScreen,
  PeopleScreen,
  DuplicatesScreen,
  MergeScreen,
  ImportScreen,
  PersonEditScreen,
  PersonNewScreen,
  PersonScreen,
  SeminarEditScreen,
  SeminarNewScreen,
  SeminarScreen,
  SeminarsScreen,
  SettingsScreen,
  BadgesScreen,
  ConfirmationScreen,
} from './lazy-screens';
import { HomeScreen } from '../features/hospitality/HomeScreen';
import { Layout } from './Layout';
import { RouteError } from './RouteError';
import { TrashScreen } from '../features/trash/TrashScreen';

// A hash router: the same URLs work from a file:// page in Electron and from the station's `/`.
const router = createHashRouter([
  // The check-in table takes the whole window: no navigation to stray into.
  { path: '/seminars/:id/check-in', element: <CheckInScreen />, errorElement: <RouteError /> },
  // A door device (phone, tablet): one column, made for touch; keeps working when the hub is away.
  { path: '/door/:seminarId', element: <DoorScreen />, errorElement: <RouteError /> },
  // Print layouts stand alone so nothing but the paper prints.
  { path: '/seminars/:id/badges', element: <BadgesScreen />, errorElement: <RouteError /> },
  { path: '/reports/rapport', element: <RapportReportScreen />, errorElement: <RouteError /> },
  { path: '/reports/intimacy', element: <IntimacyReportScreen />, errorElement: <RouteError /> },
  { path: '/reports/seminar/:id', element: <SeminarReportScreen />, errorElement: <RouteError /> },
  { path: '/reports/dossier/:personId', element: <DossierScreen />, errorElement: <RouteError /> },
  { path: '/seminars/:id/confirmation/:registrationId', element: <ConfirmationScreen />, errorElement: <RouteError /> },
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeScreen /> },
      { path: 'occasions', element: <OccasionsScreen /> },
      { path: 'occasions/new', element: <OccasionNewScreen /> },
      { path: 'occasions/:id', element: <OccasionScreen /> },
      { path: 'occasions/:id/edit', element: <OccasionEditScreen /> },
      { path: 'people', element: <PeopleScreen /> },
      { path: 'people/new', element: <PersonNewScreen /> },
      { path: 'people/duplicates', element: <DuplicatesScreen /> },
      { path: 'people/merge', element: <MergeScreen /> },
      { path: 'import', element: <ImportScreen /> },
      { path: 'people/:id', element: <PersonScreen /> },
      { path: 'people/:id/edit', element: <PersonEditScreen /> },
      { path: 'relationships', element: <RelationshipsScreen /> },
      { path: 'agenda', element: <AgendaScreen /> },
      { path: 'reports', element: <ReportsScreen /> },
      { path: 'seminars', element: <SeminarsScreen /> },
      { path: 'seminars/new', element: <SeminarNewScreen /> },
      { path: 'seminars/:id', element: <SeminarScreen /> },
      { path: 'seminars/:id/edit', element: <SeminarEditScreen /> },
      { path: 'seminars/:id/review', element: <ReviewScreen /> },
      { path: 'settings', element: <SettingsScreen /> },
      { path: 'trash', element: <TrashScreen /> },
      { path: '*', element: <RouteError /> },
    ],
  },
]);

export function AppRouter() {
  // The screens outside the layout (check-in, door, print) load on first visit: this covers that moment.
  return (
    <Suspense fallback={<LoadingScreen />}>
      <RouterProvider router={router} />
    </Suspense>
  );
}
