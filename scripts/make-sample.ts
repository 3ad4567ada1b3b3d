/**
 * Writes resources/sample/people.json: the fictional sample book behind "Load sample data".
 * Deterministic (seeded), so re-running it changes nothing unless this file changes.
 * Run: npx tsx scripts/make-sample.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PersonInput } from '../shared/domain/person';

let seed = 20230119;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number) => rand() < p;

interface NameSet {
  given: string[];
  family: string[];
  eastAsian?: boolean;
  weight: number;
}

const NAME_SETS: NameSet[] = [
  {
    weight: 40,
    given: ['Ann', 'Robert', 'Linda', 'Michael', 'Sarah', 'David', 'Karen', 'James', 'Emily', 'Thomas', 'Rachel', 'Daniel',
      'Megan', 'Paul', 'Laura', 'Brian', 'Heather', 'Kevin', 'Amanda', 'Greg', 'Nicole', 'Hugh', 'Dean', 'Pete', 'Josephine',
      'Dorothy', 'Walter', 'Beth', 'Carl', 'Joanne'],
    family: ['Lee', 'Miller', 'Hoover', 'Stoltzfus', 'Zimmerman', 'Martin', 'Weaver', 'Brubaker', 'Kauffman', 'Landis',
      'Hershey', 'Snyder', 'Baker', 'Geiger', 'Schneider', 'Kerr', 'Clark', 'Walsh', "O'Brien", 'McCord', 'Fisher', 'Yoder',
      'Ebersole', 'Hess', 'Murphy', 'Rhoads', 'Nolt', 'Sensenig'],
  },
  {
    weight: 14,
    given: ['José', 'María', 'Lucía', 'Álvaro', 'Sofía', 'Andrés', 'Inés', 'Joaquín', 'Marta', 'Raúl', 'Verónica', 'Ramón'],
    family: ['Álvarez', 'García', 'Núñez', 'Rodríguez', 'Peña', 'Muñoz', 'Fernández', 'Ibáñez', 'Gómez', 'Ortega'],
  },
  {
    weight: 10,
    given: ['François', 'Hélène', 'Zoë', 'Jürgen', 'Søren', 'Małgorzata', 'Łukasz', 'Björn', 'Anaïs', 'Renée', 'Tomáš'],
    family: ['Müller', 'Lefèvre', 'Øster', 'Kowalczyk', 'Nowak', 'Schäfer', 'Brontë', 'Dubois', 'Jäger', 'Łęcki', 'Dvořák'],
  },
  { weight: 8, eastAsian: true, given: ['太郎', '花子', '健', '美咲', '翔太', '由美'], family: ['田中', '佐藤', '鈴木', '高橋', '山本', '渡辺'] },
  { weight: 4, eastAsian: true, given: ['伟', '芳', '静', '磊'], family: ['王', '李', '张', '刘'] },
  { weight: 6, given: ['Priya', 'Arjun', 'Ananya', 'Vikram', 'Deepa', 'Rohan'], family: ['Patel', 'Sharma', 'Iyer', 'Reddy', 'Nair'] },
  { weight: 6, given: ['Amara', 'Kwame', 'Chiamaka', 'Tunde', 'Nia', 'Kofi'], family: ['Okafor', 'Mensah', 'Adeyemi', 'Boateng'] },
  { weight: 5, given: ['Minh', 'Linh', 'Thảo', 'Quang'], family: ['Nguyễn', 'Trần', 'Phạm', 'Lê'] },
  { weight: 4, given: ['Yusuf', 'Leila', 'Omar', 'Zeynep'], family: ['Haddad', 'Yılmaz', 'Karimi', 'Aziz'] },
];

const ORGS = [
  ['SagePresence Coaching', ['Speaking coach', 'Co-founder', 'Executive coach']],
  ['Spirited Prosperity', ['Founder', 'Program director']],
  ['Keystone Stained Glass', ['Artist', 'Studio owner']],
  ['Lancaster Family Dental', ['Dentist', 'Practice manager']],
  ['Susquehanna Financial Planning', ['Financial planner', 'Partner', 'Client service associate']],
  ['Red Rose Realty', ['Realtor', 'Broker', 'Team lead']],
  ['Conestoga Insurance Group', ['Agent', 'Owner']],
  ['Mount Joy Hardware', ['Owner', 'Manager']],
  ['Melhorn Manor', ['Innkeeper', 'Events coordinator']],
  ['Hershey Community Hospital', ['Nurse manager', 'Director of development', 'Physician']],
  ['Harrisburg Chamber of Commerce', ['Membership director', 'President']],
  ['Lititz Craft Bakery', ['Owner', 'Head baker']],
  ['Blue Ridge IT Services', ['CEO', 'Account manager', 'Network engineer']],
  ['Elizabethtown College', ['Professor of marketing', 'Career services director']],
  ['Riverside Law Partners', ['Attorney', 'Paralegal', 'Managing partner']],
  ['Garden Spot Landscaping', ['Owner', 'Designer']],
  ['Habitat for Humanity Lancaster', ['Volunteer coordinator', 'Executive director']],
  ['Tanaka Trading 株式会社', ['Sales director', 'Export manager']],
  ['Ibáñez & Peña Arquitectos', ['Architect', 'Partner']],
  ['Müller Präzisionstechnik GmbH', ['Managing director', 'Sales engineer']],
  ['Nguyễn Family Pho', ['Owner']],
  ['Okafor Consulting', ['Principal consultant']],
  ['Patel Pharmacy', ['Pharmacist', 'Owner']],
  ['Strasburg Rail Tours', ['Marketing manager']],
  ['Independent', ['Consultant', 'Author', 'Photographer', 'Bookkeeper', 'Interior designer']],
] as const;

const TAGS = ['Real estate', 'Financial services', 'Healthcare', 'Nonprofit', 'Small business', 'Speakers', 'Creative',
  'Legal', 'Technology', 'Hospitality', 'Education', 'Referral partner', 'Board member'];

const SEMINARS = [
  'Become a Master Networker — Mount Joy, January 2023',
  'Become a Master Networker — live stream, January 2023',
  'Clients, Not Customers — Lancaster, May 2024',
  'Referral Partnerships breakfast — Lititz, October 2024',
  'Chamber mixer, Harrisburg',
  'Met at church',
  'Neighbor',
  'LinkedIn introduction',
];

const NOTES = [
  'Prefers a phone call to email. Best reached before 9 AM.',
  'Wants to talk about referrals after the next seminar.',
  'Daughter starts college in the fall; asked for advice on scholarships.',
  'Training for a half marathon. Ask how it went.',
  'Vegetarian. Loves the coffee shop on Main Street.',
  'Looking for a bookkeeper they can trust; introduce to our accountant friends.',
  'Just opened a second location. Busy season is spring.',
  'Volunteers at the food bank on Saturdays.',
  'Does not like being called on in group settings.',
  'Gave a wonderful testimonial in 2024.',
  '',
  '',
];

const INTRODUCE = ['my friend {g}', '{g}, a great friend', '{g}, who runs {o}', 'my friend {g} from {o}', '', '', ''];

const STREETS = ['Main Street', 'Market Street', 'Orange Street', 'Chestnut Street', 'Marietta Avenue', 'Donegal Springs Road',
  'Fruitville Pike', 'Lititz Pike', 'Queen Street', 'Walnut Street'];
const TOWNS = [['Mount Joy', '17552'], ['Lancaster', '17601'], ['Lititz', '17543'], ['Elizabethtown', '17022'],
  ['Hershey', '17033'], ['Harrisburg', '17101'], ['Manheim', '17545'], ['Strasburg', '17579']] as const;

const totalWeight = NAME_SETS.reduce((s, n) => s + n.weight, 0);
function nameSet(): NameSet {
  let r = rand() * totalWeight;
  for (const set of NAME_SETS) {
    r -= set.weight;
    if (r <= 0) return set;
  }
  return NAME_SETS[0] as NameSet;
}

function ascii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

// A few fixed people that the workflows need to be meaningful: namesakes told apart by
// organization, and a Japanese name written family-first.
const people: PersonInput[] = [
  { givenName: 'Ann', familyName: 'Lee', organization: 'Acme Print & Sign', role: 'Owner', emails: [{ label: 'Work', address: 'ann@acmeprint.com' }],
    phones: [{ label: 'Mobile', number: '(717) 555-0142' }], tags: ['Small business', 'Referral partner'], introduceAs: 'my friend Ann',
    howWeMet: 'Become a Master Networker — Mount Joy, January 2023', notes: 'Wants to talk about referrals.' },
  { givenName: 'Ann', familyName: 'Lee', organization: 'Blue Ridge IT Services', role: 'Account manager', emails: [{ label: 'Work', address: 'ann.lee@blueridgeit.com' }],
    tags: ['Technology'], introduceAs: 'Ann, who keeps half of Lancaster online', howWeMet: 'Chamber mixer, Harrisburg' },
  { givenName: '太郎', familyName: '田中', organization: 'Tanaka Trading 株式会社', role: '営業部長', emails: [{ label: 'Work', address: 'taro.tanaka@tanakatrading.jp' }],
    tags: ['Small business'], introduceAs: '田中さん, my friend from Osaka', howWeMet: 'Become a Master Networker — live stream, January 2023' },
];
const usedNames = new Set<string>();
while (people.length < 320) {
  const set = nameSet();
  const given = pick(set.given);
  const family = pick(set.family);
  const key = `${given} ${family}`;
  if (usedNames.has(key) && !chance(0.03)) continue; // a few true namesakes, as in any real book
  usedNames.add(key);
  const [org, roles] = pick(ORGS);
  const organization = chance(0.9) ? org : '';
  const role = organization ? pick(roles) : '';
  const domain = organization && organization !== 'Independent' ? `${ascii(organization.split(/\s+/).slice(0, 2).join(''))}.com` : pick(['gmail.com', 'outlook.com', 'icloud.com', 'yahoo.com']);
  const local = set.eastAsian ? `${pick(['taro', 'hana', 'ken', 'yumi', 'wei', 'fang'])}${Math.floor(rand() * 90 + 10)}` : `${ascii(given)}.${ascii(family)}`;
  const emails = [{ label: organization ? 'Work' : 'Personal', address: `${local}@${domain}` }];
  if (chance(0.3)) emails.push({ label: 'Personal', address: `${local}${Math.floor(rand() * 90 + 10)}@${pick(['gmail.com', 'icloud.com'])}` });
  const phones = chance(0.85)
    ? [{ label: 'Mobile', number: `(717) ${Math.floor(rand() * 800 + 200)}-${String(Math.floor(rand() * 10000)).padStart(4, '0')}` }]
    : [];
  if (chance(0.2)) phones.push({ label: 'Work', number: `+1 717 ${Math.floor(rand() * 800 + 200)} ${String(Math.floor(rand() * 10000)).padStart(4, '0')}` });
  const town = pick(TOWNS);
  const address = chance(0.55)
    ? { street: `${Math.floor(rand() * 900 + 10)} ${pick(STREETS)}`, city: town[0], region: 'PA', postalCode: town[1], country: 'United States' }
    : undefined;
  const tags = TAGS.filter(() => chance(0.12)).slice(0, 3);
  const intro = pick(INTRODUCE).replace('{g}', given).replace('{o}', organization || 'town');
  people.push({
    givenName: given,
    familyName: family,
    ...(chance(0.04) && !set.eastAsian ? { displayName: `${given.slice(0, 1)}. ${family}` } : {}),
    organization,
    role,
    emails,
    phones,
    ...(address ? { address } : {}),
    ...(organization && organization !== 'Independent' && chance(0.5) ? { website: `https://www.${domain}` } : {}),
    ...(chance(0.35) ? { linkedin: `https://www.linkedin.com/in/${ascii(given)}-${ascii(family)}-${Math.floor(rand() * 9000 + 1000)}` } : {}),
    tags,
    notes: pick(NOTES),
    introduceAs: intro,
    howWeMet: pick(SEMINARS),
  });
}

const out = path.join(import.meta.dirname, '..', 'resources', 'sample', 'people.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(people, null, 1)}\n`);
console.log(`wrote ${people.length} people to ${path.relative(process.cwd(), out)}`);
