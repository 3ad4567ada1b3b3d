/**
 * Writes resources/sample/relationships.json: purchases, client-test answerings, needs, marks,
 * interactions, advocacy and links for the sample people (by their index in people.json), with
 * days counted back from the day the sample is loaded, so recency means the same whenever it is.
 * Deterministic (seeded). Run: npx tsx scripts/make-sample-relationships.ts
 */
import fs from 'node:fs';
import path from 'node:path';

let seed = 20261122;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number) => rand() < p;
const between = (lo: number, hi: number) => Math.floor(lo + rand() * (hi - lo + 1));

type Answers = [boolean, boolean, boolean, boolean];
interface SampleRelationship {
  person: number;
  purchases?: { what: string; daysAgo: number; amount: number | null }[];
  tests?: { daysAgo: number; answers: Answers; evidence: [string, string, string, string] }[];
  needs?: { what: string; problem: string; status: string }[];
  marks?: { friend?: boolean; futureClient?: boolean; cultivate?: boolean };
  interactions?: { kind: string; daysAgo: number; note: string }[];
  advocacy?: { kind: string; daysAgo: number; referred: number | null; note: string }[];
  links?: { other: number; kind: string }[];
  desiredResults?: string;
  theirWork?: string;
  boundaries?: string;
  /** dueIn: days from the load day (negative: overdue); state done/snoozed is applied after. */
  followUps?: { what: string; kind: string; createdDaysAgo: number; dueIn: number | null; state: 'open' | 'done' | 'snoozed'; snoozeDays?: number }[];
}

const PEOPLE = 320;
const PRODUCTS: [string, number | null][] = [
  ['Referral workshop for their team', 1200],
  ['Networking coaching, 3 sessions', 900],
  ['Seminar ticket', 95],
  ['Speaking engagement at their conference', 2500],
  ['Client-retention audit', 1800],
  ['Annual coaching retainer', 6000],
  ['Book bundle for their staff', 240],
  ['Introduction to a referral partner', null],
];
const NEEDS: [string, string][] = [
  ['A steady source of referrals', 'Most new business comes from cold leads that rarely close'],
  ['A trusted bookkeeper', 'Spends Sunday nights on invoices instead of with family'],
  ['Coaching before a keynote', 'Freezes in front of large rooms; a big talk is in March'],
  ['Introductions to local architects', 'Wants design-build projects, knows no one in the field'],
  ['A succession plan for the practice', 'Plans to retire in five years and has no partner lined up'],
  ['A better client follow-up routine', 'Loses touch with past clients after the first sale'],
  ['Board members for the nonprofit', 'Two seats open since spring; fundraising has stalled'],
  ['A second location lease', 'Current shop is at capacity every Saturday'],
];
const RESULTS = [
  'Double referral business within two years without more advertising.',
  'Work four days a week by next summer.',
  'Be the first name people think of for estate planning in Lancaster County.',
  'Grow the practice to three partners and step back from day-to-day work.',
  'Fund the new community kitchen by the end of next year.',
];
const WORK = [
  'Serves young families buying their first home; cares that nobody is pushed into a loan they cannot carry.',
  'Helps small manufacturers export to Japan; believes in long handshakes, not quick deals.',
  'Runs a dental practice for three generations of local families.',
  'Builds websites for nonprofits at cost; the rest of the year pays for it.',
  'Coaches first-time managers in hospitals.',
];
const BOUNDARIES = [
  'No calls on Sundays. Never pitch in front of their staff.',
  'Prefers email for anything with numbers in it.',
  'Does not want to be on any mailing list; personal notes only.',
  'Keep their clients’ names out of any testimonial.',
];
const PERSONAL_NOTES: Record<string, string[]> = {
  meeting: ['Reviewed their plans for next year', 'Lunch meeting at their office', 'Talked through the referral partnership'],
  call: ['Caught up after the holidays', 'Asked how the marathon went', 'Quick call about an introduction'],
  meal: ['Coffee on Main Street', 'Breakfast at the diner', 'Lunch after the chamber mixer'],
  message: ['Sent the article we talked about', 'Congratulated them on the new location', 'Thank-you note'],
  visit: ['Stopped by the shop', 'Visited the new office'],
  gift: ['Sent a book for their birthday', 'Flowers for the opening'],
};
const BROADCAST_NOTES: Record<string, string[]> = {
  newsletter: ['Monthly newsletter', 'Spring newsletter'],
  mailing: ['Holiday card mailing', 'Seminar announcement postcard'],
  annual_checkin: ['Annual check-in call'],
};

const personal = (count: number, maxDaysAgo: number, minDaysAgo = 0) =>
  Array.from({ length: count }, () => {
    const kind = pick(Object.keys(PERSONAL_NOTES));
    return { kind, daysAgo: between(minDaysAgo, maxDaysAgo), note: pick(PERSONAL_NOTES[kind] ?? ['']) };
  });
const broadcasts = (count: number) =>
  Array.from({ length: count }, () => {
    const kind = pick(Object.keys(BROADCAST_NOTES));
    return { kind, daysAgo: between(5, 360), note: pick(BROADCAST_NOTES[kind] ?? ['']) };
  });
const purchases = (count: number) =>
  Array.from({ length: count }, () => {
    const [what, amount] = pick(PRODUCTS);
    return { what, daysAgo: between(200, 900), amount };
  });
const EVIDENCE: [string, string, string, string] = [
  'Told me exactly what keeps them up at night',
  'Asked them for a LinkedIn recommendation; they wrote it the same week',
  'Named them as a reference twice; both calls went well',
  'Calls me first before any big decision',
];
const test = (daysAgo: number, answers: Answers) => ({
  daysAgo,
  answers,
  evidence: EVIDENCE.map((e, i) => (answers[i] ? e : '')) as [string, string, string, string],
});
const needs = (count: number) =>
  Array.from({ length: count }, () => {
    const [what, problem] = pick(NEEDS);
    return { what, problem, status: pick(['noticed', 'discussed', 'proposed', 'met']) };
  }).filter((n, i, all) => all.findIndex((m) => m.what === n.what) === i);

const STEPS: [string, string][] = [
  ['Call about the referral workshop', 'call'],
  ['Coffee to catch up', 'meal'],
  ['Send the article on client retention', 'message'],
  ['Introduce to a referral partner', 'task'],
  ['Lunch to plan the spring seminar', 'meal'],
  ['Thank-you note for the referral', 'message'],
  ['Meet to review their goals', 'meeting'],
  ['Ask for a LinkedIn recommendation', 'message'],
];
const followUps = (count: number) =>
  Array.from({ length: count }, () => {
    const [what, kind] = pick(STEPS);
    const r = rand();
    const state: 'open' | 'done' | 'snoozed' = r < 0.2 ? 'done' : r < 0.3 ? 'snoozed' : 'open';
    const dueIn = chance(0.1) ? null : between(-10, 20);
    return { what, kind, createdDaysAgo: between(12, 40), dueIn, state, ...(state === 'snoozed' ? { snoozeDays: between(3, 14) } : {}) };
  });

const out: SampleRelationship[] = [];
const taken = new Set<number>();
const linked = new Set<string>(['0-5', '0-6']);
const other = (self: number) => {
  for (;;) {
    const o = between(3, PEOPLE - 1);
    if (o !== self) return o;
  }
};

// Ann Lee of Acme Print & Sign: the client the owner knows best, for the person page.
out.push({
  person: 0,
  purchases: [
    { what: 'Referral workshop for their team', daysAgo: 700, amount: 1200 },
    { what: 'Annual coaching retainer', daysAgo: 320, amount: 6000 },
  ],
  tests: [test(400, [true, true, false, false]), test(150, [true, true, true, false]), test(40, [true, true, true, true])],
  needs: [
    { what: 'A steady source of referrals', problem: 'Most new business comes from walk-ins who want the cheapest banner', status: 'proposed' },
    { what: 'Coaching before a keynote', problem: 'Speaks at the Chamber gala in March and dreads it', status: 'discussed' },
  ],
  marks: { friend: true },
  interactions: [
    { kind: 'meal', daysAgo: 6, note: 'Coffee on Main Street; talked about her daughter’s college search' },
    { kind: 'call', daysAgo: 20, note: 'Asked how the new press is working out' },
    { kind: 'meeting', daysAgo: 45, note: 'Planned the referral workshop for her staff' },
    { kind: 'gift', daysAgo: 90, note: 'Sent a book for her birthday' },
    { kind: 'message', daysAgo: 130, note: 'Congratulated her on the Chamber award' },
    { kind: 'newsletter', daysAgo: 12, note: 'Monthly newsletter' },
  ],
  advocacy: [
    { kind: 'referral', daysAgo: 60, referred: 4, note: 'Sent over a friend who is opening a bakery' },
    { kind: 'testimonial', daysAgo: 200, referred: null, note: 'Wrote two paragraphs for the website' },
    { kind: 'recommendation', daysAgo: 250, referred: null, note: 'LinkedIn recommendation' },
  ],
  links: [
    { other: 5, kind: 'partner' },
    { other: 6, kind: 'works_with' },
  ],
  followUps: [
    { what: 'Call about the keynote coaching', kind: 'call', createdDaysAgo: 6, dueIn: 0, state: 'open' },
    { what: 'Send the workshop outline', kind: 'message', createdDaysAgo: 20, dueIn: -2, state: 'open' },
    { what: 'Lunch with her and Ananya', kind: 'meal', createdDaysAgo: 40, dueIn: -20, state: 'done' },
  ],
  desiredResults: 'Double referral business within two years without more advertising.',
  theirWork: 'Prints signs for half the small businesses in Mount Joy; cares that a new shop looks as good as the big chains.',
  boundaries: 'No calls on Sundays. Never pitch in front of her staff.',
});
taken.add(0);
taken.add(4);
taken.add(5);
taken.add(6);

const clients: number[] = [0];
const customers: number[] = [];
for (let person = 1; person < PEOPLE; person++) {
  if (taken.has(person)) continue;
  const r = rand();
  const entry: SampleRelationship = { person };
  if (r < 0.1) {
    // Clients: four yeses after an earlier answering, frequent personal touches — a few gone quiet.
    const quiet = chance(0.3);
    entry.purchases = purchases(between(1, 3));
    entry.tests = [test(between(300, 500), [true, chance(0.5), false, chance(0.5)]), test(between(20, 200), [true, true, true, true])];
    entry.interactions = quiet ? [...personal(between(2, 5), 400, 75), ...broadcasts(3)] : [...personal(between(5, 14), 300), ...broadcasts(2)];
    entry.needs = needs(between(1, 2));
    if (chance(0.6)) entry.advocacy = [{ kind: 'referral', daysAgo: between(10, 400), referred: other(person), note: 'Made the introduction over lunch' }];
    if (chance(0.4)) (entry.advocacy ??= []).push({ kind: pick(['testimonial', 'recommendation', 'reference']), daysAgo: between(10, 400), referred: null, note: '' });
    entry.marks = { friend: chance(0.4) };
    clients.push(person);
    entry.desiredResults = pick(RESULTS);
    entry.theirWork = pick(WORK);
    if (chance(0.5)) entry.boundaries = pick(BOUNDARIES);
    if (chance(0.5)) entry.followUps = followUps(between(1, 2));
  } else if (r < 0.17) {
    // Customers close to becoming clients: three of four yeses.
    entry.purchases = purchases(between(1, 2));
    const missing = between(1, 3);
    entry.tests = [test(between(15, 180), [0, 1, 2, 3].map((i) => i !== missing) as Answers)];
    entry.interactions = [...personal(between(2, 6), 200), ...broadcasts(2)];
    entry.needs = needs(1);
    entry.desiredResults = pick(RESULTS);
    if (chance(0.6)) entry.followUps = followUps(1);
    customers.push(person);
  } else if (r < 0.4) {
    // Customers: bought, contacted mostly by newsletter; some chosen to cultivate.
    entry.purchases = purchases(between(1, 2));
    if (chance(0.5)) entry.tests = [test(between(30, 400), [chance(0.5), chance(0.3), false, chance(0.3)])];
    entry.interactions = [...broadcasts(between(2, 5)), ...(chance(0.3) ? personal(1, 300, 100) : [])];
    if (chance(0.2)) entry.marks = { cultivate: true };
  } else {
    // Prospects: met at a seminar or through someone; a few worth getting to know.
    if (chance(0.5)) entry.interactions = chance(0.5) ? personal(1, 300) : broadcasts(1);
    if (chance(0.12)) entry.marks = { futureClient: true };
    if (chance(0.05)) entry.marks = { ...entry.marks, friend: true };
    if (entry.marks?.futureClient) entry.needs = needs(1).map((n) => ({ ...n, status: 'noticed' }));
  }
  if (chance(0.06)) {
    const o = other(person);
    const pair = [person, o].sort().join('-');
    if (!linked.has(pair)) {
      linked.add(pair);
      entry.links = [{ other: o, kind: pick(['partner', 'family', 'works_with', 'introduced_by']) }];
    }
  }
  out.push(entry);
}

// Occasions at home: past ones hosted some clients (one over a year ago), upcoming ones are being planned.
type GuestState = 'invited' | 'accepted' | 'declined' | 'attended' | 'absent';
const guestsFrom = (pool: number[], count: number, states: () => GuestState) => {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, pool.length)) chosen.add(pick(pool));
  return [...chosen].map((person) => ({ person, state: states() }));
};
const pastState = (): GuestState => (chance(0.75) ? 'attended' : chance(0.6) ? 'declined' : 'absent');
const upcomingState = (): GuestState => (chance(0.5) ? 'accepted' : chance(0.6) ? 'invited' : 'declined');
// Ann is hosted at the summer barbecue; her partner comes along.
const barbecue = guestsFrom([...clients, ...customers], 10, pastState).filter((g) => g.person !== 0 && g.person !== 5);
barbecue.push({ person: 0, state: 'attended' }, { person: 5, state: 'attended' });
const occasions = [
  { kind: 'dinner', title: 'Autumn dinner', daysFromLoad: -430, time: '19:00', seats: 8, notes: 'Lamb stew; two vegetarians.', guests: guestsFrom(clients, 6, pastState) },
  { kind: 'barbecue', title: 'Summer barbecue', daysFromLoad: -140, time: '17:30', seats: 20, notes: 'Garden, weather permitting.', guests: barbecue },
  { kind: 'holiday_party', title: '', daysFromLoad: -330, time: '18:00', seats: 0, notes: '', guests: guestsFrom(clients, 8, pastState) },
  { kind: 'dinner', title: 'Winter supper', daysFromLoad: 12, time: '19:00', seats: 8, notes: 'Menu: soup, roast vegetables, apple crumble. Ask about allergies.', guests: guestsFrom(clients, 7, upcomingState) },
  { kind: 'holiday_party', title: 'New Year open house', daysFromLoad: 40, time: '16:00', seats: 0, notes: '', guests: guestsFrom([...clients, ...customers], 12, () => 'invited') },
];
fs.writeFileSync(path.join(import.meta.dirname, '..', 'resources', 'sample', 'occasions.json'), `${JSON.stringify(occasions, null, 1)}\n`);

const file = path.join(import.meta.dirname, '..', 'resources', 'sample', 'relationships.json');
fs.writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote relationships for ${out.length} people to ${path.relative(process.cwd(), file)}`);
