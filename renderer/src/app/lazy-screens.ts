import { lazy, type ComponentType } from 'react';

/**
 * Every screen but Home (the landing screen, in the first bundle) loads on first visit: its code,
 * and what only it uses (charts, the barcode reader, the import preview), stays out of the
 * JavaScript the window must parse before showing anything. A route's Suspense boundary
 * (Layout, AppRouter) covers the moment it loads; later visits find it loaded.
 */
function screen<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType }))) as M[K];
}

export const CheckInScreen = screen(() => import('../features/checkin/CheckInScreen'), 'CheckInScreen');
export const DoorScreen = screen(() => import('../features/door/DoorScreen'), 'DoorScreen');
export const AgendaScreen = screen(() => import('../features/followups/AgendaScreen'), 'AgendaScreen');
export const DossierScreen = screen(() => import('../features/reports/DossierScreen'), 'DossierScreen');
export const IntimacyReportScreen = screen(() => import('../features/reports/IntimacyReportScreen'), 'IntimacyReportScreen');
export const RapportReportScreen = screen(() => import('../features/reports/RapportReportScreen'), 'RapportReportScreen');
export const ReportsScreen = screen(() => import('../features/reports/ReportsScreen'), 'ReportsScreen');
export const SeminarReportScreen = screen(() => import('../features/reports/SeminarReportScreen'), 'SeminarReportScreen');
export const OccasionEditScreen = screen(() => import('../features/hospitality/OccasionEditScreen'), 'OccasionEditScreen');
export const OccasionNewScreen = screen(() => import('../features/hospitality/OccasionEditScreen'), 'OccasionNewScreen');
export const OccasionScreen = screen(() => import('../features/hospitality/OccasionScreen'), 'OccasionScreen');
export const OccasionsScreen = screen(() => import('../features/hospitality/OccasionsScreen'), 'OccasionsScreen');
export const ReviewScreen = screen(() => import('../features/followups/ReviewScreen'), 'ReviewScreen');
export const RelationshipsScreen = screen(() => import('../features/relationships/RelationshipsScreen'), 'RelationshipsScreen');
export const PeopleScreen = screen(() => import('../features/people/PeopleScreen'), 'PeopleScreen');
export const DuplicatesScreen = screen(() => import('../features/people/DuplicatesScreen'), 'DuplicatesScreen');
export const MergeScreen = screen(() => import('../features/people/MergeScreen'), 'MergeScreen');
export const ImportScreen = screen(() => import('../features/imports/ImportScreen'), 'ImportScreen');
export const PersonEditScreen = screen(() => import('../features/people/PersonEditScreen'), 'PersonEditScreen');
export const PersonNewScreen = screen(() => import('../features/people/PersonEditScreen'), 'PersonNewScreen');
export const PersonScreen = screen(() => import('../features/people/PersonScreen'), 'PersonScreen');
export const SeminarEditScreen = screen(() => import('../features/seminars/SeminarEditScreen'), 'SeminarEditScreen');
export const SeminarNewScreen = screen(() => import('../features/seminars/SeminarEditScreen'), 'SeminarNewScreen');
export const SeminarScreen = screen(() => import('../features/seminars/SeminarScreen'), 'SeminarScreen');
export const SeminarsScreen = screen(() => import('../features/seminars/SeminarsScreen'), 'SeminarsScreen');
export const SettingsScreen = screen(() => import('../features/settings/SettingsScreen'), 'SettingsScreen');
export const BadgesScreen = screen(() => import('../print/BadgesScreen'), 'BadgesScreen');
export const ConfirmationScreen = screen(() => import('../print/ConfirmationScreen'), 'ConfirmationScreen');
