import { z } from 'zod';
import { mayCall } from '../../shared/access';
import { contract, isMethodName, type MethodName, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { AppError, type Envelope } from '../../shared/errors';
import { fieldErrors } from '../../shared/validation';
import type { CoreContext } from './context';
import { storeFailure } from './db/failures';
import { appInfo } from './services/app-info';
import { createPerson, getPerson, listPeople, listTags, tagPeople, updatePerson } from './services/people';
import {
  addAdvocacy,
  addLink,
  addNeed,
  addPurchase,
  answerClientTest,
  deleteAdvocacy,
  deleteClientTest,
  deleteLink,
  deleteNeed,
  deletePurchase,
  getRelationship,
  logInteraction,
  personTimeline,
  setMark,
  standingCounts,
  standingList,
  updateInteraction,
  updateNeed,
} from './services/relationships';
import {
  agenda,
  closedFollowUps,
  completeFollowUp,
  createFollowUp,
  createFollowUps,
  createReviewFollowUps,
  reopenFollowUps,
  dropFollowUp,
  dueSummary,
  followUpsCalendar,
  rescheduleFollowUp,
  seminarReview,
  snoozeFollowUp,
} from './services/followups';
import { keepInTouch, setCadence, updateKeepInTouch } from './services/keep-in-touch';
import { intimacyReport, rapportCsv, rapportReport, seminarReport } from './services/reports';
import { backUpNow, backupRotation, backups, restoreBackup, setBackupRotation } from './services/backups';
import { settingNotices } from './services/settings';
import { exportFull, exportPeopleCsv, exportVCards } from './services/exports';
import { cancelImport, importProgress, previewInWorker, runImport, undoInWorker } from './services/imports';
import { importHistory } from './import/apply';
import { mainTurn } from './jobs/turns';
import { likelyDuplicates, mergePeople } from './services/merge';
import { importFullExport } from './services/full-import';
import { markBadgesPrinted } from './services/badges';
import { setBoundaryFlags } from './services/boundaries';
import { discardFromTrash, listTrash, restoreFromTrash, trashOwned, trashPerson } from './services/trash';
import { findAnything } from './services/find';
import { addDate, datesCalendar, datesOf, deleteDate, upcomingDates } from './services/important-dates';
import { photoOf, removePhoto, setPhoto, setPhotoOnBadges } from './services/photos';
import {
  createOccasion,
  deleteOccasion,
  getOccasion,
  hospitalitySettings,
  hospitalitySuggestions,
  intimacyMeasure,
  inviteGuests,
  listOccasions,
  occasionPairings,
  personHospitality,
  removeGuest,
  setGuestState,
  updateHospitalitySettings,
  updateOccasion,
} from './services/hospitality';
import { searchRegistrants } from './services/registrant-search';
import { matchPeople } from './services/person-matches';
import { checkIn, checkInByTicket, noteAtTable, undoCheckIn, walkIn } from './services/checkin';
import { bookChanged, doorRoster } from './services/door-roster';
import { loadSampleData } from './services/sample';
import { closeDoor, doorSelf, doorStatus, newPairingCode, openDoor, unpairDevice } from './services/door';
import { callAsDoor } from './door/door-views';
import { phoneSettings, updatePhoneSettings } from './services/phones';
import {
  createSeminar,
  getSeminar,
  listRegistrations,
  listSeminars,
  registerPeople,
  seminarsOfPerson,
  setSeminarArchived,
  setSeminarClosed,
  updateRegistration,
  updateSeminar,
} from './services/seminars';

/** Methods whose work cannot finish synchronously (SQLite's online backup API is asynchronous). */
const ASYNC_METHODS = ['backups.create', 'backups.restore', 'imports.run', 'imports.full', 'people.merge', 'imports.preview', 'imports.undo', 'door.open', 'door.close'] as const;
type AsyncMethod = (typeof ASYNC_METHODS)[number];
type SyncMethod = Exclude<MethodName, AsyncMethod>;

type Handlers = { [M in SyncMethod]: (ctx: CoreContext, input: ParsedInputOf<M>) => OutputOf<M> };
type AsyncHandlers = { [M in AsyncMethod]: (ctx: CoreContext, input: ParsedInputOf<M>) => Promise<OutputOf<M>> };

const asyncHandlers: AsyncHandlers = {
  'backups.create': (ctx) => backUpNow(ctx),
  'backups.restore': (ctx, { name }) => restoreBackup(ctx, name),
  'imports.run': (ctx, input) => runImport(ctx, input),
  'imports.full': (ctx, { content }) => importFullExport(ctx, content),
  'people.merge': (ctx, { keepId, otherId, choices }) => mergePeople(ctx, keepId, otherId, choices),
  // Long jobs of the job worker (jobs/host.ts): a file is read, a large import taken back, off the main thread.
  'imports.preview': (ctx, input) => previewInWorker(ctx, input),
  'imports.undo': (ctx, { id }) => undoInWorker(ctx, id),
  'door.open': (ctx, { seminarId }) => openDoor(ctx, seminarId),
  'door.close': (ctx) => closeDoor(ctx),
};

/**
 * Writes that may change any registrant list or name on screen (people renamed or removed, an
 * import, a merge, a restore): after one succeeds every screen and door device reads again what it shows.
 * The check-in services publish their own, finer events (door-roster.ts).
 */
const BOOK_WIDE = new Set<MethodName>(['people.update', 'people.delete', 'people.merge', 'imports.run', 'imports.undo', 'imports.full', 'sample.load', 'backups.restore']);
const told = <E extends Envelope<unknown>>(ctx: CoreContext, method: MethodName, envelope: E): E => {
  if (envelope.ok && BOOK_WIDE.has(method)) bookChanged(ctx);
  return envelope;
};

const isAsyncMethod = (method: MethodName): method is AsyncMethod => (ASYNC_METHODS as readonly string[]).includes(method);

/** Every method of the contract, bound to its service. A method left out here fails to compile. */
const handlers: Handlers = {
  'app.info': (ctx) => appInfo(ctx),
  'people.list': (ctx, input) => listPeople(ctx, input),
  'people.get': (ctx, { id }) => getPerson(ctx, id),
  'people.create': (ctx, input) => createPerson(ctx, input),
  'people.update': (ctx, { id, version, ...person }) => updatePerson(ctx, id, version, person),
  'people.delete': (ctx, { id }) => trashPerson(ctx, id),
  'tags.list': (ctx) => listTags(ctx),
  'sample.load': (ctx) => loadSampleData(ctx),
  'seminars.list': (ctx, input) => listSeminars(ctx, input),
  'seminars.get': (ctx, { id }) => getSeminar(ctx, id),
  'seminars.create': (ctx, input) => createSeminar(ctx, input),
  'seminars.update': (ctx, { id, version, ...seminar }) => updateSeminar(ctx, id, version, seminar),
  'seminars.archive': (ctx, { id, archived }) => setSeminarArchived(ctx, id, archived),
  'seminars.close': (ctx, { id, closed }) => setSeminarClosed(ctx, id, closed),
  'registrations.list': (ctx, { seminarId }) => listRegistrations(ctx, seminarId),
  'registrations.add': (ctx, { seminarId, personIds, mode }) => registerPeople(ctx, seminarId, personIds, mode),
  'registrations.update': (ctx, { id, mode, cancelled }) => updateRegistration(ctx, id, { mode, cancelled }),
  'registrations.ofPerson': (ctx, { personId }) => seminarsOfPerson(ctx, personId),
  'badges.markPrinted': (ctx, { seminarId, registrationIds }) => markBadgesPrinted(ctx, seminarId, registrationIds),
  'checkin.find': (ctx, { seminarId, query }) => searchRegistrants(ctx, seminarId, query),
  'checkin.checkIn': (ctx, { registrationId, note, ...origin }) => checkIn(ctx, registrationId, note, origin),
  'checkin.byTicket': (ctx, { seminarId, ticket, ...origin }) => checkInByTicket(ctx, seminarId, ticket, origin),
  'checkin.undo': (ctx, { registrationId, clientId }) => undoCheckIn(ctx, registrationId, { clientId }),
  'checkin.note': (ctx, { registrationId, note, ...origin }) => noteAtTable(ctx, registrationId, note, origin),
  'checkin.walkIn': (ctx, { clientId, device, ...input }) =>
    walkIn(ctx, input.seminarId, 'personId' in input ? { personId: input.personId } : { person: input.person }, input.mode, { clientId, device }),
  'checkin.roster': (ctx, { seminarId }) => doorRoster(ctx, seminarId),
  'people.matches': (ctx, input) => matchPeople(ctx, input),
  'relationship.get': (ctx, { personId }) => getRelationship(ctx, personId),
  'relationship.timeline': (ctx, { personId }) => personTimeline(ctx, personId),
  'relationship.counts': (ctx, { lists }) => standingCounts(ctx, lists),
  'relationship.list': (ctx, { list }) => standingList(ctx, list),
  'relationship.mark': (ctx, { personIds, mark, on }) => setMark(ctx, personIds, mark, on),
  'people.tag': (ctx, { personIds, tag }) => tagPeople(ctx, personIds, tag),
  'clientTest.answer': (ctx, input) => answerClientTest(ctx, input),
  'clientTest.delete': (ctx, { id }) => deleteClientTest(ctx, id),
  'purchases.add': (ctx, input) => addPurchase(ctx, input),
  'purchases.delete': (ctx, { id }) => deletePurchase(ctx, id),
  'interactions.log': (ctx, input) => logInteraction(ctx, input),
  'interactions.update': (ctx, { id, version, ...input }) => updateInteraction(ctx, id, version, input),
  'interactions.delete': (ctx, { id }) => trashOwned(ctx, 'interaction', id),
  'followUps.delete': (ctx, { id }) => trashOwned(ctx, 'follow_up', id),
  'trash.list': (ctx) => listTrash(ctx),
  'trash.restore': (ctx, { id }) => restoreFromTrash(ctx, id),
  'trash.discard': (ctx, { id }) => discardFromTrash(ctx, id),
  'find.anything': (ctx, { query }) => findAnything(ctx, query),
  'dates.ofPerson': (ctx, { personId }) => datesOf(ctx, personId),
  'dates.add': (ctx, { personId, ...date }) => addDate(ctx, personId, date),
  'dates.delete': (ctx, { id }) => deleteDate(ctx, id),
  'dates.upcoming': (ctx, { days }) => upcomingDates(ctx, days),
  'dates.calendar': (ctx, { personId }) => datesCalendar(ctx, personId),
  'photos.get': (ctx, { personId }) => ({ photo: photoOf(ctx, personId) }),
  'photos.set': (ctx, { personId, data, onBadges }) => setPhoto(ctx, personId, data, onBadges),
  'photos.setOnBadges': (ctx, { personId, onBadges }) => ({ photo: setPhotoOnBadges(ctx, personId, onBadges) }),
  'photos.remove': (ctx, { personId }) => removePhoto(ctx, personId),
  'needs.add': (ctx, { personId, ...need }) => addNeed(ctx, personId, need),
  'needs.update': (ctx, { id, version, ...need }) => updateNeed(ctx, id, version, need),
  'needs.delete': (ctx, { id }) => deleteNeed(ctx, id),
  'links.add': (ctx, input) => addLink(ctx, input),
  'links.delete': (ctx, { id }) => deleteLink(ctx, id),
  'advocacy.add': (ctx, input) => addAdvocacy(ctx, input),
  'advocacy.delete': (ctx, { id }) => deleteAdvocacy(ctx, id),
  'followUps.create': (ctx, { confirmBoundaries, ...input }) => createFollowUp(ctx, input, confirmBoundaries),
  'followUps.createMany': (ctx, { personIds, boundaries, ...followUp }) => createFollowUps(ctx, personIds, followUp, boundaries),
  'followUps.reopen': (ctx, { items }) => reopenFollowUps(ctx, items),
  'people.setBoundaries': (ctx, { personId, flags }) => setBoundaryFlags(ctx, personId, flags),
  'followUps.agenda': (ctx, { personId }) => agenda(ctx, personId),
  'followUps.closed': (ctx, { personId }) => closedFollowUps(ctx, personId),
  'followUps.complete': (ctx, { id, log, note }) => completeFollowUp(ctx, id, log, note),
  'followUps.snooze': (ctx, { id, until }) => snoozeFollowUp(ctx, id, until),
  'followUps.reschedule': (ctx, { id, dueOn }) => rescheduleFollowUp(ctx, id, dueOn),
  'followUps.drop': (ctx, { id, reason }) => dropFollowUp(ctx, id, reason),
  'followUps.calendar': (ctx, { ids }) => followUpsCalendar(ctx, ids),
  'followUps.dueSummary': (ctx) => dueSummary(ctx),
  'seminars.review': (ctx, { seminarId }) => seminarReview(ctx, seminarId),
  'seminars.reviewCreate': (ctx, { seminarId, group, template, excludedPersonIds, boundaries }) =>
    createReviewFollowUps(ctx, seminarId, group, template, excludedPersonIds, boundaries),
  'keepInTouch.get': (ctx) => keepInTouch(ctx),
  'keepInTouch.update': (ctx, input) => updateKeepInTouch(ctx, input),
  'people.setCadence': (ctx, { personIds, days }) => setCadence(ctx, personIds, days),
  'occasions.list': (ctx, { when }) => listOccasions(ctx, when),
  'occasions.get': (ctx, { id }) => getOccasion(ctx, id),
  'occasions.create': (ctx, input) => createOccasion(ctx, input),
  'occasions.update': (ctx, { id, version, ...occasion }) => updateOccasion(ctx, id, version, occasion),
  'occasions.delete': (ctx, { id }) => deleteOccasion(ctx, id),
  'occasions.invite': (ctx, { occasionId, personIds, withHousehold }) => inviteGuests(ctx, occasionId, personIds, withHousehold),
  'occasions.setGuestState': (ctx, { guestId, state }) => setGuestState(ctx, guestId, state),
  'occasions.removeGuest': (ctx, { guestId }) => removeGuest(ctx, guestId),
  'occasions.pairings': (ctx, { occasionId }) => occasionPairings(ctx, occasionId),
  'hospitality.ofPerson': (ctx, { personId }) => personHospitality(ctx, personId),
  'hospitality.intimacy': (ctx) => intimacyMeasure(ctx),
  'hospitality.suggestions': (ctx) => hospitalitySuggestions(ctx),
  'hospitality.settings': (ctx) => hospitalitySettings(ctx),
  'hospitality.updateSettings': (ctx, input) => updateHospitalitySettings(ctx, input),
  'phones.settings': (ctx) => phoneSettings(ctx),
  'phones.updateSettings': (ctx, input) => updatePhoneSettings(ctx, input),
  'reports.rapport': (ctx, { filter, offset, limit }) => rapportReport(ctx, filter, offset, limit),
  'reports.rapportCsv': (ctx, { filter }) => rapportCsv(ctx, filter),
  'reports.intimacy': (ctx) => intimacyReport(ctx),
  'reports.seminar': (ctx, { seminarId }) => seminarReport(ctx, seminarId),
  'backups.list': (ctx) => backups(ctx),
  'backups.rotation': (ctx) => backupRotation(ctx),
  'settings.notices': (ctx) => settingNotices(ctx),
  'backups.setRotation': (ctx, rotation) => setBackupRotation(ctx, rotation),
  'exports.vcard': (ctx, input) => exportVCards(ctx, input),
  'exports.peopleCsv': (ctx, input) => exportPeopleCsv(ctx, input),
  'exports.full': (ctx, { includePersonal }) => exportFull(ctx, includePersonal),
  'imports.progress': () => importProgress(),
  'imports.cancel': () => cancelImport(),
  'imports.list': (ctx) => importHistory(ctx),
  'people.duplicates': (ctx) => likelyDuplicates(ctx),
  'door.status': (ctx, { seminarId }) => doorStatus(ctx, seminarId),
  'door.newCode': (ctx, { seminarId }) => newPairingCode(ctx, seminarId),
  'door.revoke': (ctx, { deviceId }) => unpairDevice(ctx, deviceId),
  'door.self': (ctx) => doorSelf(ctx),
};

function invalidInput(error: z.ZodError): AppError {
  const fields = fieldErrors(error);
  const count = Object.keys(fields).length;
  return new AppError('invalid_input', count === 1 ? 'One field needs attention.' : `${count} fields need attention.`, fields);
}

/** Reports an unexpected failure where the operator can see it, without telling the client any internals. */
export type ErrorReporter = (method: string, error: unknown) => void;

const defaultReporter: ErrorReporter = (method, error) => {
  console.error(`[rapport] ${method} failed:`, error);
};

function failure(method: string, error: unknown, report: ErrorReporter): Envelope<unknown> {
  if (error instanceof AppError) return { ok: false, error: error.toBody() };
  const known = storeFailure(error);
  if (known) return { ok: false, error: known.toBody() };
  report(method, error);
  return { ok: false, error: { code: 'internal', message: 'Something went wrong and nothing was saved. Please try again.' } };
}

function parse(method: MethodName, rawInput: unknown): unknown {
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

const unknownMethod = (method: string): Envelope<unknown> => ({ ok: false, error: { code: 'unknown_method', message: `There is no method called “${method}”.` } });

const notAllowed = (method: string): Envelope<unknown> => ({ ok: false, error: { code: 'forbidden', message: `This device may not use ${method}.` } });

/**
 * The way into the core for callers in the same process that need an answer at once (tests, the
 * benchmark): checks the method name, asks whether `ctx.caller` may call it, validates the input,
 * runs the handler, and turns every outcome into an envelope. The few asynchronous methods are
 * answered only by `dispatchAsync`.
 */
export function dispatch(ctx: CoreContext, method: string, rawInput: unknown, report: ErrorReporter = defaultReporter): Envelope<unknown> {
  if (!isMethodName(method)) return unknownMethod(method);
  if (!mayCall(ctx.caller, method)) return notAllowed(method);
  if (isAsyncMethod(method)) return { ok: false, error: { code: 'bad_request', message: `${method} answers asynchronously.` } };
  try {
    const handler = handlers[method] as (ctx: CoreContext, input: unknown) => unknown;
    const run = (checked: unknown) => handler(ctx, checked);
    // The main thread's turn: a job worker writing in steps waits for it (jobs/turns.ts). A door device
    // is held to its seminar by its method's door view, and answered only what the door needs.
    return told(ctx, method, {
      ok: true,
      value: mainTurn(ctx.store, () => {
        const input = parse(method, rawInput);
        return ctx.caller.role === 'door' ? callAsDoor(ctx, ctx.caller, method, input, run) : run(input);
      }),
    });
  } catch (error) {
    return failure(method, error, report);
  }
}

/**
 * The single way in for both transports (IPC and station HTTP): every method, awaited. The
 * transport has authenticated the caller (`asCaller`); here it is authorized, method by method.
 */
export async function dispatchAsync(ctx: CoreContext, method: string, rawInput: unknown, report: ErrorReporter = defaultReporter): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) return unknownMethod(method);
  if (!mayCall(ctx.caller, method)) return notAllowed(method);
  if (!isAsyncMethod(method)) return dispatch(ctx, method, rawInput, report);
  // No door method is asynchronous: only the owner gets this far (checked again, as a guard against a list edited alone).
  if (ctx.caller.role !== 'owner') return notAllowed(method);
  try {
    const handler = asyncHandlers[method] as (ctx: CoreContext, input: unknown) => Promise<unknown>;
    return told(ctx, method, { ok: true, value: await mainTurn(ctx.store, () => handler(ctx, parse(method, rawInput))) });
  } catch (error) {
    return failure(method, error, report);
  }
}

/** The methods and their input JSON Schemas, for `GET /api` and for people writing clients. */
export function describeApi(): { method: MethodName; summary: string; input: unknown }[] {
  return (Object.keys(contract) as MethodName[]).map((method) => ({
    method,
    summary: contract[method].summary,
    input: z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }),
  }));
}
