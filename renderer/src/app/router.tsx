import { createHashRouter, RouterProvider } from 'react-router';
import { CheckInScreen } from '../features/checkin/CheckInScreen';
import { DoorScreen } from '../features/door/DoorScreen';
import { AgendaScreen } from '../features/followups/AgendaScreen';
import { DossierScreen } from '../features/reports/DossierScreen';
import { IntimacyReportScreen } from '../features/reports/IntimacyReportScreen';
import { RapportReportScreen } from '../features/reports/RapportReportScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { SeminarReportScreen } from '../features/reports/SeminarReportScreen';
import { HomeScreen } from '../features/hospitality/HomeScreen';
import { OccasionEditScreen, OccasionNewScreen } from '../features/hospitality/OccasionEditScreen';
import { OccasionScreen } from '../features/hospitality/OccasionScreen';
import { OccasionsScreen } from '../features/hospitality/OccasionsScreen';
import { ReviewScreen } from '../features/followups/ReviewScreen';
import { RelationshipsScreen } from '../features/relationships/RelationshipsScreen';
import { PeopleScreen } from '../features/people/PeopleScreen';
import { DuplicatesScreen } from '../features/people/DuplicatesScreen';
import { MergeScreen } from '../features/people/MergeScreen';
import { ImportScreen } from '../features/imports/ImportScreen';
import { PersonEditScreen, PersonNewScreen } from '../features/people/PersonEditScreen';
import { PersonScreen } from '../features/people/PersonScreen';
import { SeminarEditScreen, SeminarNewScreen } from '../features/seminars/SeminarEditScreen';
import { SeminarScreen } from '../features/seminars/SeminarScreen';
import { SeminarsScreen } from '../features/seminars/SeminarsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { BadgesScreen } from '../print/BadgesScreen';
import { ConfirmationScreen } from '../print/ConfirmationScreen';
import { Layout } from './Layout';
import { RouteError } from './RouteError';

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
      { path: '*', element: <RouteError /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
