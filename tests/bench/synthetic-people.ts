import type { PersonInput } from '../../shared/domain/person';

/**
 * A large, plausible book for benchmarks: names from several scripts and cultures, with the
 * skew of real books (many Smiths and Marías, a long tail of rare names).
 */
const GIVEN = [
  'Ann', 'Robert', 'Linda', 'Michael', 'Sarah', 'David', 'Karen', 'James', 'Emily', 'Thomas', 'Rachel', 'Daniel', 'Megan',
  'Paul', 'Laura', 'Brian', 'Heather', 'Kevin', 'Amanda', 'Greg', 'Nicole', 'Mark', 'Martin', 'Mary', 'Marcus', 'Margaret',
  'José', 'María', 'Lucía', 'Álvaro', 'Sofía', 'Andrés', 'Inés', 'Joaquín', 'Marta', 'Raúl', 'François', 'Hélène', 'Zoë',
  'Jürgen', 'Søren', 'Małgorzata', 'Łukasz', 'Björn', 'Priya', 'Arjun', 'Ananya', 'Amara', 'Kwame', 'Minh', 'Thảo', 'Yusuf',
  'Leila', 'Siobhan', 'Seán', 'Aoife', '太郎', '花子', '健', '美咲', '伟', '芳',
];
const FAMILY = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
  'Martin', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Hill', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter',
  'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris',
  'Hoover', 'Stoltzfus', 'Zimmerman', 'Weaver', 'Brubaker', 'Kauffman', 'Landis', 'Hershey', "O'Brien", "O'Neill", 'McCord',
  'Álvarez', 'García', 'Núñez', 'Rodríguez', 'Peña', 'Muñoz', 'Fernández', 'Müller', 'Lefèvre', 'Øster', 'Kowalczyk',
  'Schäfer', 'Nguyễn', 'Trần', 'Patel', 'Sharma', 'Okafor', 'Mensah', 'Yılmaz', 'Haddad', '田中', '佐藤', '鈴木', '王', '李',
];
const ORG_WORDS = ['Acme', 'Keystone', 'Susquehanna', 'Conestoga', 'Red Rose', 'Blue Ridge', 'Garden Spot', 'Lititz', 'Hershey',
  'Harrisburg', 'Riverside', 'Summit', 'Pioneer', 'Heritage', 'Liberty', 'Meridian', 'Northstar', 'Evergreen', 'Cornerstone', 'Beacon'];
const ORG_KINDS = ['Realty', 'Financial', 'Dental', 'Insurance', 'Law Partners', 'IT Services', 'Bakery', 'Consulting', 'Hardware',
  'Landscaping', 'Coaching', 'Health', 'Studio', 'Trading', 'Foundation'];
const TAGS = ['Real estate', 'Financial services', 'Healthcare', 'Nonprofit', 'Small business', 'Speakers', 'Creative', 'Legal',
  'Technology', 'Hospitality', 'Education', 'Referral partner', 'Board member'];

/** Deterministic pseudo-random numbers, so every run benchmarks the same book. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Skewed pick: early entries are common, late ones rare — like names in a real book. */
function skewed<T>(xs: readonly T[], r: number): T {
  return xs[Math.floor(Math.pow(r, 1.6) * xs.length)] as T;
}

function ascii(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

export function makePeople(count: number): PersonInput[] {
  const random = rng(42);
  const people: PersonInput[] = [];
  for (let i = 0; i < count; i++) {
    const givenName = skewed(GIVEN, random());
    const familyName = skewed(FAMILY, random());
    const organization = random() < 0.8 ? `${skewed(ORG_WORDS, random())} ${skewed(ORG_KINDS, random())}` : '';
    const local = `${ascii(givenName) || 'user'}.${ascii(familyName) || 'name'}${i}`;
    const domain = organization ? `${ascii(organization)}.com` : 'gmail.com';
    people.push({
      givenName,
      familyName,
      organization,
      role: random() < 0.5 ? 'Owner' : '',
      emails: [{ label: 'Work', address: `${local}@${domain}` }],
      phones: random() < 0.7 ? [{ label: 'Mobile', number: `+1 717 ${String(200 + Math.floor(random() * 800))} ${String(Math.floor(random() * 10000)).padStart(4, '0')}` }] : [],
      tags: TAGS.filter(() => random() < 0.08),
    });
  }
  return people;
}
