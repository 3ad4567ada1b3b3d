import { z } from 'zod';
import { PEOPLE_SORTS, PersonInputSchema, type Person, type PeoplePage, type TagCount } from './domain/person';
import { PhoneSettingsSchema, type PhoneSettings } from './domain/phone';
import {
  AdvocacyInputSchema,
  Day,
  ClientTestInputSchema,
  InteractionInputSchema,
  LogInteractionInputSchema,
  LinkInputSchema,
  NeedInputSchema,
  PurchaseInputSchema,
  STANDING_LISTS,
  type AdvocacyAct,
  type ClientTestAnswering,
  type Interaction,
  type LoggedInteraction,
  type Need,
  type PersonLink,
  type Purchase,
  type Relationship,
  type StandingList,
  type StandingListPage,
  type TimelineEntry,
} from './domain/relationship';
import { MARKS, STAGES } from './domain/standing';
import type { TrashEntry, TrashKind } from './domain/trash';
import type { FindResults } from './domain/find';
import { ImportantDateInputSchema, type DateReminder, type ImportantDate } from './domain/important-dates';
import type { PersonPhoto } from './domain/photos';
import { BoundaryChoiceSchema, BoundaryFlagsSchema, type BoundaryFlag } from './domain/boundaries';
import { RapportFilterSchema, type IntimacyReport, type RapportReport, type SeminarReport } from './domain/report';
import {
  GuestStateSchema,
  HospitalitySettingsSchema,
  OccasionInputSchema,
  type GuestPairing,
  type HospitalitySettings,
  type HospitalitySuggestions,
  type IntimacyMeasure,
  type Occasion,
  type OccasionSummary,
  type PersonHospitality,
} from './domain/hospitality';
import {
  CadenceSchema,
  FollowUpInputSchema,
  KeepInTouchSchema,
  REVIEW_GROUPS,
  ReviewTemplateSchema,
  type Agenda,
  type DueSummary,
  type FollowUp,
  type KeepInTouch,
  type ReviewGroupSummary,
} from './domain/followup';
import {
  ImportFileInputSchema,
  ImportRunInputSchema,
  type ImportHistoryEntry,
  type ImportPreview,
  type ImportProgress,
  type ImportSummary,
  type ImportUndone,
} from './domain/import';
import { MERGE_FIELDS, type DuplicatePair, type MergeField } from './domain/merge';
import type { CheckInResults } from './domain/registrant-match';
import type { DoorSelf, DoorStatus, PairedDevice } from './domain/door-hub';
import { ClientIdSchema, DEVICE_NAME_MAX, type DoorRoster } from './domain/door';
import { ATTENDANCE_MODES, SeminarInputSchema, type CheckInUndo, type PersonSeminar, type Registration, type Seminar, type SeminarSummary } from './domain/seminar';

export interface PersonMatch {
  id: number;
  name: string;
  organization: string;
  primaryEmail: string;
  /** What made us think it is the same person. */
  reason: 'email' | 'phone' | 'name' | 'given_name' | 'spelling';
  /** The reason in words: "same email, ann@acme.com", "Bob is a form of Robert". */
  why: string;
}

/**
 * The one API contract. Both transports (Electron IPC and station-mode HTTP) and the renderer's
 * client are typed from this map; `electron/core/api.ts` must bind a handler to every entry.
 * Adding a method = an entry here, a handler there, a service function. No second way in.
 */

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Type-only marker for the result; never read at run time. */
  output?: O;
  summary: string;
}

const method =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string): MethodSpec<I, O> => ({ input, summary });

const Id = z.number({ message: 'Expected a numeric id.' }).int().positive();
/** The version of the record the edit was made on (from its `get`); a stale one answers `conflict`. */
const Version = z.number({ message: 'Send the version of the record you edited.' }).int().positive();
const NoInput = z.object({}).strict().default({});

export interface AppInfo {
  version: string;
  mode: 'electron' | 'station';
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  peopleCount: number;
  sampleLoadedAt: string | null;
}

export const BackupRotationSchema = z.object({
  daily: z.number().int().min(1, 'Keep at least one daily backup.').max(90, 'Keep at most 90 daily backups.'),
  weekly: z.number().int().min(0).max(104, 'Keep at most 104 weekly backups.'),
  other: z.number().int().min(1, 'Keep at least one.').max(200, 'Keep at most 200.'),
});
export type BackupRotation = z.output<typeof BackupRotationSchema>;

/** A saved setting that does not pass its schema: its default is in use, and the screen showing it says so. */
export interface SettingNotice {
  key: string;
  label: string;
  message: string;
}

export interface BackupInfo {
  name: string;
  takenAt: string;
  reason: string;
  bytes: number;
}

export interface SampleLoadResult {
  people: number;
  seminars: number;
}

export const PeopleListInput = z.object({
  query: z.string().max(200, 'Keep the search under 200 characters.').default(''),
  tag: z.string().max(40).nullable().default(null),
  stage: z.enum(STAGES).nullable().default(null),
  minScore: z.number().int().min(0, 'A score is 0 to 100.').max(100, 'A score is 0 to 100.').default(0),
  sort: z.enum(PEOPLE_SORTS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const SeminarListInput = z.object({
  when: z.enum(['upcoming', 'past', 'archived']).default('upcoming'),
});

const Selection = z.array(Id).min(1, 'Choose at least one person.').max(100_000, 'Choose at most 100,000 people at once.');
const Removed = method<{ id: number }>();

const ExportInput = z.object({
  personIds: z.array(Id).min(1).max(100_000).nullable().default(null),
  /** Only the people with this tag (with personIds: those of them with it). */
  tag: z.string().trim().min(1).max(100).nullable().default(null),
  /** Home addresses (and, in the full export, partner and family links): off unless asked for. */
  includePersonal: z.boolean().default(false),
});

const Mode = z.enum(ATTENDANCE_MODES, { message: 'Choose in person or live stream.' });

/** An action a device may send again (a retry, an offline queue's replay): its id makes the repeat harmless. */
const Once = { clientId: ClientIdSchema.optional() };
/** …and the name the device gave itself, recorded on the check-ins it makes (none: the owner's table). */
const FromDevice = { ...Once, device: z.string().trim().max(DEVICE_NAME_MAX, `Keep the device name under ${DEVICE_NAME_MAX} characters.`).optional() };

export const contract = {
  'app.info': method<AppInfo>()(NoInput, 'Version, data folder and database facts for Settings.'),
  'people.list': method<PeoplePage>()(PeopleListInput, 'A page of people, searched, filtered by tag and sorted.'),
  'people.get': method<Person>()(z.object({ id: Id }), 'One person with everything known about them.'),
  'people.create': method<Person>()(PersonInputSchema, 'Add a person to the book.'),
  'people.update': method<Person>()(
    z.object({ id: Id, version: Version }).and(PersonInputSchema),
    'Replace a person’s details (the whole record, as edited on `version`; a stale version answers conflict).',
  ),
  'people.delete': method<{ id: number; trashId: number }>()(
    z.object({ id: Id }),
    'Delete a person and what belongs only to them, into the trash (30 days, can be put back).',
  ),
  'tags.list': method<TagCount[]>()(NoInput, 'Every tag in use, with how many people carry it.'),
  'sample.load': method<SampleLoadResult>()(NoInput, 'Load the sample book from resources/ (once).'),
  'seminars.list': method<SeminarSummary[]>()(SeminarListInput, 'Upcoming, past or archived seminars with their counts.'),
  'seminars.get': method<Seminar>()(z.object({ id: Id }), 'One seminar with its registration counts.'),
  'seminars.create': method<Seminar>()(SeminarInputSchema, 'Plan a seminar (wall-clock times in its own time zone).'),
  'seminars.update': method<Seminar>()(z.object({ id: Id, version: Version }).and(SeminarInputSchema), 'Change a seminar’s details (as edited on `version`).'),
  'seminars.archive': method<Seminar>()(z.object({ id: Id, archived: z.boolean() }), 'Archive a seminar, or bring it back.'),
  'seminars.close': method<Seminar>()(
    z.object({ id: Id, closed: z.boolean() }),
    'Close a seminar (registrations never checked in become no-shows), or reopen it.',
  ),
  'registrations.list': method<Registration[]>()(z.object({ seminarId: Id }), 'Everyone registered for a seminar.'),
  'registrations.add': method<{ added: number; alreadyRegistered: number }>()(
    z.object({
      seminarId: Id,
      personIds: z.array(Id).min(1, 'Choose at least one person.').max(10_000, 'Register at most 10,000 people at once.'),
      mode: Mode.default('in_person'),
    }),
    'Register people from the book for a seminar.',
  ),
  'registrations.update': method<Registration>()(
    z.object({ id: Id, mode: Mode.optional(), cancelled: z.boolean().optional() }),
    'Change how someone attends, or cancel / restore their registration.',
  ),
  'registrations.ofPerson': method<PersonSeminar[]>()(z.object({ personId: Id }), 'The seminars a person registered for and how they took part.'),
  'badges.markPrinted': method<{ marked: number; printedAt: string }>()(
    z.object({
      seminarId: Id,
      registrationIds: z.array(Id).min(1, 'Choose at least one badge.').max(100_000, 'Mark at most 100,000 badges at once.'),
    }),
    'Record that badges were printed (or saved as PDF) for these registrations.',
  ),
  'checkin.find': method<CheckInResults>()(
    // A long paste is read up to CHECK_IN_QUERY_MAX characters (and says so), never refused.
    z.object({ seminarId: Id, query: z.string().max(100_000, 'That is far too long to be a name or a ticket.').default('') }),
    'Registrants for what was typed, best match first; the one it identifies, if any; close names when nothing matches as typed.',
  ),
  'checkin.checkIn': method<Registration>()(
    z.object({ registrationId: Id, note: z.string().trim().max(500, 'Keep the note under 500 characters.').default(''), ...FromDevice }),
    'Check a registrant in (one durable transaction), with an optional note; with a client id, a repeat answers as the first call did.',
  ),
  'checkin.byTicket': method<Registration>()(
    z.object({ seminarId: Id, ticket: z.string().max(100), ...FromDevice }),
    'Check in the holder of a full ticket code (typed or scanned): Rapport’s own, or a platform’s (Eventbrite barcode or attendee #, Zoom registrant id), exact match only.',
  ),
  'checkin.undo': method<CheckInUndo>()(
    z.object({ registrationId: Id, ...Once }),
    'Revert a check-in: an expected registrant is expected again; a walk-in is taken back whole (with the person it added, if nothing else refers to them).',
  ),
  'checkin.note': method<Registration>()(
    z.object({ registrationId: Id, note: z.string().trim().min(1, 'Type the note first.').max(500, 'Keep the note under 500 characters.'), ...FromDevice }),
    'Keep a one-line note about an attendee, on the registration and in the person’s notes.',
  ),
  'checkin.walkIn': method<Registration>()(
    z.union([
      z.object({ seminarId: Id, personId: Id, mode: Mode, ...FromDevice }),
      z.object({ seminarId: Id, person: PersonInputSchema, mode: Mode, ...FromDevice }),
    ]),
    'Register and check in someone who arrived unannounced: an existing person or a new one.',
  ),
  'checkin.roster': method<DoorRoster>()(
    z.object({ seminarId: Id }),
    'What a door device keeps to check people in offline: the seminar with its counts, and every registrant (names, organization, emails, ticket and platform codes, introduce-as, state).',
  ),
  'people.matches': method<PersonMatch[]>()(
    z.object({
      givenName: z.string().max(200).default(''),
      familyName: z.string().max(200).default(''),
      email: z.string().max(254).default(''),
      phone: z.string().max(40).default(''),
    }),
    'People already in the book who may be the person being typed: same email or phone, a similar name, another form of the given name, a family name spelled alike.',
  ),
  'relationship.get': method<Relationship>()(
    z.object({ personId: Id }),
    'Where a relationship stands and why: stage, score and its parts, client tests, needs, purchases, links, advocacy.',
  ),
  'relationship.timeline': method<TimelineEntry[]>()(
    z.object({ personId: Id }),
    'Everything that happened with a person, newest first: touches, seminars, stage changes, client tests, purchases, advocacy.',
  ),
  'relationship.counts': method<Partial<Record<StandingList, number>>>()(
    z.object({ lists: z.array(z.enum(STANDING_LISTS)).min(1).default([...STANDING_LISTS]) }).strict().default({ lists: [...STANDING_LISTS] }),
    'How many people are on each of the lists asked for (all four by default): the list tabs and Home.',
  ),
  'relationship.list': method<StandingListPage>()(
    z.object({ list: z.enum(STANDING_LISTS) }),
    'A list that drives action: ready to become clients, at risk, or future clients.',
  ),
  'relationship.mark': method<{ changed: number }>()(
    z.object({ personIds: Selection, mark: z.enum(MARKS), on: z.boolean() }),
    'Mark or unmark people as friend, future client or cultivate.',
  ),
  'people.tag': method<{ changed: number }>()(
    z.object({ personIds: Selection, tag: z.string().trim().min(1, 'Type the tag.').max(40, 'Keep the tag under 40 characters.') }),
    'Add a tag to each of a selection of people.',
  ),
  'clientTest.answer': method<ClientTestAnswering>()(ClientTestInputSchema, 'Answer the four questions of the client test for a person, on a day (kept as history).'),
  'clientTest.delete': Removed(z.object({ id: Id }), 'Remove an answering entered by mistake.'),
  'purchases.add': method<Purchase>()(PurchaseInputSchema, 'Record a purchase or engagement: what, when, and optionally how much.'),
  'purchases.delete': Removed(z.object({ id: Id }), 'Remove a purchase.'),
  'interactions.log': method<LoggedInteraction>()(
    LogInteractionInputSchema,
    'Log a touch with a person: a meeting, call, message, newsletter… Open follow-ups of its kind already due are done with it (or those ticked); crossing a boundary needs confirmBoundaries.',
  ),
  'interactions.update': method<Interaction>()(
    z.object({ id: Id, version: Version }).and(InteractionInputSchema.omit({ personId: true })),
    'Change a logged touch (as edited on `version`).',
  ),
  'interactions.delete': method<{ id: number; trashId: number }>()(z.object({ id: Id }), 'Delete a logged touch, into the trash.'),
  'followUps.delete': method<{ id: number; trashId: number }>()(z.object({ id: Id }), 'Delete a follow-up, into the trash.'),
  'trash.list': method<TrashEntry[]>()(NoInput, 'What was deleted in the last 30 days, newest first.'),
  'trash.restore': method<{ kind: TrashKind; personId: number; restored: number }>()(
    z.object({ id: Id }),
    'Put a deleted person, touch or follow-up back with everything that went with it.',
  ),
  'trash.discard': Removed(z.object({ id: Id }), 'Remove one item from the trash for good.'),
  'dates.ofPerson': method<ImportantDate[]>()(z.object({ personId: Id }), 'A person’s birthday, anniversary and dated life events.'),
  'dates.add': method<ImportantDate>()(z.object({ personId: Id }).and(ImportantDateInputSchema), 'Note a birthday, an anniversary or a dated life event.'),
  'dates.delete': Removed(z.object({ id: Id }), 'Remove an important date.'),
  'dates.upcoming': method<DateReminder[]>()(
    z.object({ days: z.number().int().min(0).max(366).default(0) }),
    'Important dates coming up, each from its own number of days ahead (or within `days`), soonest first.',
  ),
  'dates.calendar': method<{ filename: string; content: string; count: number }>()(
    z.object({ personId: Id.nullable().default(null) }),
    'Every important date (or one person’s) as an iCalendar file of yearly all-day events with a reminder ahead.',
  ),
  'photos.get': method<{ photo: PersonPhoto | null }>()(z.object({ personId: Id }), 'A person’s photo (a data: URL), if they have one.'),
  'photos.set': method<PersonPhoto>()(
    z.object({ personId: Id, data: z.string().max(400_000, 'Choose a smaller photo.'), onBadges: z.boolean().default(false) }),
    'Keep a photo of a person in the book (base64 or a data: URL of a JPEG, PNG, GIF or WebP image).',
  ),
  'photos.setOnBadges': method<{ photo: PersonPhoto | null }>()(z.object({ personId: Id, onBadges: z.boolean() }), 'Print (or not) the person’s photo on their badges.'),
  'photos.remove': method<{ personId: number }>()(z.object({ personId: Id }), 'Remove a person’s photo.'),
  'find.anything': method<FindResults>()(
    z.object({ query: z.string().max(200, 'Keep the search under 200 characters.') }),
    'Find anything: people by name, organization, email or phone, tags, notes, needs, touches, seminars and occasions.',
  ),
  'needs.add': method<Need>()(z.object({ personId: Id }).and(NeedInputSchema), 'Note something a person needs and the problem it solves for them.'),
  'needs.update': method<Need>()(
    z.object({ id: Id, version: Version }).and(NeedInputSchema),
    'Change a need or move it along: noticed → discussed → proposed → met (as seen on `version`).',
  ),
  'needs.delete': Removed(z.object({ id: Id }), 'Remove a need.'),
  'links.add': method<PersonLink>()(LinkInputSchema, 'Link two people: introduced by, works with, partner, family.'),
  'links.delete': Removed(z.object({ id: Id }), 'Remove a link between two people.'),
  'advocacy.add': method<AdvocacyAct>()(
    AdvocacyInputSchema,
    'Record what a person did for you: a referral (of someone in the book or new), testimonial, recommendation or reference.',
  ),
  'advocacy.delete': Removed(z.object({ id: Id }), 'Remove an act of advocacy.'),
  'followUps.create': method<FollowUp>()(
    FollowUpInputSchema.extend({ confirmBoundaries: z.boolean().default(false) }),
    'Capture a promised next step with one person, with an optional due day (one that crosses their boundaries needs confirmBoundaries).',
  ),
  'followUps.createMany': method<{ created: number; leftOut: number }>()(
    z.object({ personIds: Selection, boundaries: BoundaryChoiceSchema }).and(FollowUpInputSchema.omit({ personId: true })),
    'The same next step for each of a selection of people; those whose boundaries it crosses: ask (refused, named), include, or skip.',
  ),
  'followUps.reopen': method<{ reopened: number }>()(
    z.object({ items: z.array(z.object({ id: Id, snoozedUntil: Day.nullable() })).min(1).max(200) }),
    'Put back follow-ups a touch just completed, as they were (open, or snoozed until the day given).',
  ),
  'people.setBoundaries': method<{ flags: BoundaryFlag[] }>()(
    z.object({ personId: Id, flags: BoundaryFlagsSchema }),
    'Set the boundaries the app acts on for a person: no mailings, no calls, no visits, email only, no gifts, no photo on badges.',
  ),
  'followUps.agenda': method<Agenda>()(
    z.object({ personId: Id.nullable().default(null) }),
    'Open follow-ups (of one person, or everyone) in Overdue, Today, This week and Later.',
  ),
  'followUps.closed': method<FollowUp[]>()(z.object({ personId: Id }), 'A person’s done and dropped follow-ups, newest first.'),
  'followUps.complete': method<{ followUp: FollowUp; interaction: Interaction | null }>()(
    z.object({ id: Id, log: z.boolean().default(false), note: z.string().trim().max(2000, 'Keep the note under 2000 characters.').default('') }),
    'Mark a follow-up done today; for a call, meeting… optionally log that touch in the same step.',
  ),
  'followUps.snooze': method<FollowUp>()(z.object({ id: Id, until: Day }), 'Put a follow-up aside until a later day.'),
  'followUps.reschedule': method<FollowUp>()(z.object({ id: Id, dueOn: Day.nullable() }), 'Give a follow-up another due day (or none).'),
  'followUps.drop': method<FollowUp>()(
    z.object({ id: Id, reason: z.string().trim().min(1, 'Say why, in a few words.').max(300, 'Keep the reason under 300 characters.') }),
    'Drop a follow-up that will not happen, with the reason.',
  ),
  'followUps.calendar': method<{ filename: string; content: string; count: number; skipped: { id: number; what: string; reason: string }[] }>()(
    z.object({ ids: z.array(Id).min(1).max(10_000).nullable().default(null) }),
    'An iCalendar (.ics) file of one, some or all open follow-ups with a day, in the owner’s time zone.',
  ),
  'followUps.dueSummary': method<DueSummary>()(NoInput, 'How many follow-ups are overdue and due today, and how many people are due to reconnect.'),
  'seminars.review': method<ReviewGroupSummary[]>()(
    z.object({ seminarId: Id }),
    'A closed seminar’s people grouped by how they took part (in person, stream, walk-in, no-show), with follow-up templates.',
  ),
  'seminars.reviewCreate': method<{ created: number; skipped: number; excluded: number; leftOut: number }>()(
    z.object({
      seminarId: Id,
      group: z.enum(REVIEW_GROUPS),
      template: ReviewTemplateSchema,
      /** People of the group the owner left out of this bulk follow-up (person ids). */
      excludedPersonIds: z.array(Id).max(100_000).default([]),
      boundaries: BoundaryChoiceSchema,
    }),
    'One follow-up per person of a review group (but those left out), linked to the seminar; the wording becomes the group’s template.',
  ),
  'keepInTouch.get': method<KeepInTouch>()(NoInput, 'Cadence per stage, the reminder time and time zone for calendar entries.'),
  'keepInTouch.update': method<KeepInTouch>()(KeepInTouchSchema, 'Change the cadences, reminder time or time zone.'),
  'people.setCadence': method<{ changed: number }>()(
    z.object({ personIds: Selection, days: CadenceSchema.nullable() }),
    'Keep in touch with these people every so many days (null: their stage’s cadence).',
  ),
  'occasions.list': method<OccasionSummary[]>()(
    z.object({ when: z.enum(['upcoming', 'past']).default('upcoming') }),
    'Occasions at home, upcoming (soonest first) or past (latest first), with guest counts.',
  ),
  'occasions.get': method<Occasion>()(z.object({ id: Id }), 'One occasion with its guests, their states and the seat count.'),
  'occasions.create': method<Occasion>()(OccasionInputSchema, 'Plan an occasion at home: kind, day and time, seats, notes.'),
  'occasions.update': method<Occasion>()(
    z.object({ id: Id, version: Version }).and(OccasionInputSchema),
    'Change an occasion (as edited on `version`); home visits move with its day.',
  ),
  'occasions.delete': Removed(z.object({ id: Id }), 'Delete an occasion and the home visits it recorded.'),
  'occasions.invite': method<{ added: number; alreadyInvited: number }>()(
    z.object({ occasionId: Id, personIds: z.array(Id).min(1, 'Choose at least one person.').max(500), withHousehold: z.boolean().default(false) }),
    'Invite people, and if asked their partner and family, in one step.',
  ),
  'occasions.setGuestState': method<Occasion>()(
    z.object({ guestId: Id, state: GuestStateSchema }),
    'Move a guest along: invited, accepted, declined, attended, did not come (dated). Attending records a home visit.',
  ),
  'occasions.removeGuest': method<Occasion>()(z.object({ guestId: Id }), 'Take someone off the guest list.'),
  'occasions.pairings': method<GuestPairing[]>()(z.object({ occasionId: Id }), 'Guests who would enjoy meeting each other, with the reason.'),
  'hospitality.ofPerson': method<PersonHospitality>()(
    z.object({ personId: Id }),
    'Has this person been in my home; times hosted, last hosted, invitations declined.',
  ),
  'hospitality.intimacy': method<IntimacyMeasure>()(NoInput, 'Of the top N clients by rapport score, how many have been in my home.'),
  'hospitality.suggestions': method<HospitalitySuggestions>()(NoInput, 'Best clients never hosted; clients not hosted in the last 12 months.'),
  'hospitality.settings': method<HospitalitySettings>()(NoInput, 'How many top clients the intimacy measure looks at.'),
  'hospitality.updateSettings': method<HospitalitySettings>()(HospitalitySettingsSchema, 'Change how many top clients the intimacy measure looks at.'),
  'phones.settings': method<PhoneSettings>()(NoInput, 'The default region for phone numbers written without a country code.'),
  'phones.updateSettings': method<PhoneSettings & { rekeyed: number }>()(
    PhoneSettingsSchema,
    'Change the default region for phone numbers; the numbers without a country code are matched in it from then on.',
  ),
  'reports.rapport': method<RapportReport>()(
    z.object({ filter: RapportFilterSchema, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).nullable().default(100) }),
    'The rapport report of a segment (tags, stages, seminar, days touched): stage mix, ratio, people with score parts, ready and at risk. limit null: every row.',
  ),
  'reports.rapportCsv': method<{ filename: string; content: string; rows: number }>()(
    z.object({ filter: RapportFilterSchema }),
    'The rapport report’s table as CSV: UTF-8 with a byte-order mark, ISO dates, score parts as columns.',
  ),
  'reports.intimacy': method<IntimacyReport>()(NoInput, 'The intimacy report: the measure, best clients and their home visits, hosted over time, never invited, upcoming occasions.'),
  'reports.seminar': method<SeminarReport>()(
    z.object({ seminarId: Id }),
    'The seminar report: registered against attended, in person and on the stream, walk-ins, no-shows, follow-ups, stage movement since.',
  ),
  'backups.list': method<BackupInfo[]>()(NoInput, 'The backups in the data folder, newest first.'),
  'backups.rotation': method<BackupRotation>()(NoInput, 'How many backups are kept: daily, weekly, and those taken for a reason.'),
  'settings.notices': method<SettingNotice[]>()(NoInput, 'Saved settings that could not be read, so their defaults are in use (key, what it is, what is wrong).'),
  'backups.setRotation': method<{ rotation: BackupRotation; removed: string[] }>()(
    BackupRotationSchema,
    'Change how many backups are kept; backups beyond the new numbers are removed now.',
  ),
  'backups.create': method<BackupInfo>()(NoInput, 'Back up the book now (SQLite online backup, checked before it counts).'),
  'backups.restore': method<{ restored: BackupInfo; safetyCopy: BackupInfo }>()(
    z.object({ name: z.string().min(1).max(200) }),
    'Replace the book with a backup, after backing up its current state.',
  ),
  'exports.vcard': method<{ filename: string; content: string; count: number }>()(ExportInput, 'The people (all, or those chosen) as vCard 4.0.'),
  'exports.peopleCsv': method<{ filename: string; content: string; count: number }>()(ExportInput, 'The people (all, or those chosen) as CSV with a byte-order mark.'),
  'exports.full': method<{ filename: string; content: string; count: number }>()(
    z.object({ includePersonal: z.boolean().default(false) }),
    'Everything in the book as one JSON document (docs/EXPORT.md).',
  ),
  'imports.preview': method<ImportPreview>()(ImportFileInputSchema, 'Read a contact or attendee file: its layout and encoding, the first rows, every problem by line, who is already in the book.'),
  'imports.run': method<ImportSummary>()(
    ImportRunInputSchema,
    'Import a file after a backup, in short steps (all of it or none of it stays): create, merge or skip each match as chosen; with a seminar, register everyone.',
  ),
  'imports.full': method<{ people: number; rows: number; exportedAt: string; backup: string }>()(
    z.object({ content: z.string().max(64 * 1024 * 1024) }),
    'Put a Rapport full export (docs/EXPORT.md, base64) back into an empty book, row for row.',
  ),
  'imports.progress': method<ImportProgress>()(NoInput, 'How far the running import is.'),
  'imports.cancel': method<{ cancelling: boolean }>()(NoInput, 'Cancel the running import; nothing of it is kept.'),
  'imports.list': method<ImportHistoryEntry[]>()(NoInput, 'Past imports, newest first.'),
  'imports.undo': method<ImportUndone>()(
    z.object({ id: Id }),
    'Undo a whole import: remove the people and registrations it added, give merged people their earlier details back (what was changed since is kept).',
  ),
  'people.duplicates': method<DuplicatePair[]>()(NoInput, 'Pairs of people who are likely the same person.'),
  'people.merge': method<Person>()(
    z.object({
      keepId: Id,
      otherId: Id,
      choices: z.partialRecord(z.enum(Object.keys(MERGE_FIELDS) as [MergeField, ...MergeField[]]), z.enum(['keep', 'other'])).default({}),
    }),
    'Merge two people after a backup: details as chosen field by field, emails, phones and tags combined, every record moved to the one kept.',
  ),
  'door.status': method<DoorStatus>()(
    z.object({ seminarId: Id }),
    'The door for a seminar: whether the hub listens on the network, its addresses and certificate fingerprint, the pairing code, the devices.',
  ),
  'door.open': method<DoorStatus>()(
    z.object({ seminarId: Id }),
    'Let other devices check in at a seminar: the hub listens on the local network (HTTPS) and gives a six-digit pairing code for ten minutes.',
  ),
  'door.newCode': method<DoorStatus>()(z.object({ seminarId: Id }), 'A fresh pairing code for a seminar; the one before it stops working.'),
  'door.close': method<{ revoked: number }>()(NoInput, 'Close the door: every paired device is revoked and the hub stops listening on the network.'),
  'door.revoke': method<PairedDevice>()(z.object({ deviceId: Id }), 'Revoke one paired device at once: its next call answers unauthorized.'),
  'door.self': method<DoorSelf>()(NoInput, 'For a paired door device: its name and the seminar it checks people in at.'),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = NonNullable<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
