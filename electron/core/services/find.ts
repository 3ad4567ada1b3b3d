import { phoneDigits, type FindHit, type FindResults } from '../../../shared/domain/find';
import { INTERACTION_KINDS, NEED_STATUS_LABELS, type InteractionKind, type NeedStatus } from '../../../shared/domain/relationship';
import { foldText } from '../../../shared/domain/names';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { listPeople } from './people';
import { refOf, type NameRow } from './person-records';
import { prefixMatchQuery } from './search-index';

/** At most this many hits of each kind: the palette is for finding, the lists are for browsing. */
export const FIND_PER_GROUP = 6;

const LIKE_ESCAPE = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A short excerpt of `text` around the first word of the query, so the hit says why it matched. */
function excerpt(text: string, query: string, width = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = foldText(query).split(/\s+/).find(Boolean) ?? '';
  const at = first ? foldText(flat).indexOf(first) : -1;
  if (at < 0 || flat.length <= width) return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
  const start = Math.max(0, at - 30);
  const piece = flat.slice(start, start + width);
  return `${start > 0 ? '…' : ''}${piece}${start + width < flat.length ? '…' : ''}`;
}

/**
 * One query across the book: people by name, organization or email (the people search, same
 * speed), phone numbers typed any way, tags, and — through their own full-text indexes — the
 * notes on people, touches and needs; seminars and occasions by title.
 */
export function findAnything(ctx: CoreContext, query: string): FindResults {
  const q = query.trim();
  const hits: FindHit[] = [];
  if (!q) return { query, hits };
  const seen = new Set<number>();
  const addPerson = (h: { id: number; name: string; detail: string }) => {
    if (seen.has(h.id)) return;
    seen.add(h.id);
    hits.push({ type: 'person', id: h.id, title: h.name, detail: h.detail, personId: h.id });
  };

  const digits = phoneDigits(q);
  if (digits) {
    // A national number typed with its country code ("+1 717…") also finds one stored without it.
    const forms = [...new Set([digits, digits.replace(/^(00\d{1,3}|1)(?=\d{7})/, '')])];
    const rows = stmt(
      ctx.db,
      `SELECT p.id, p.given_name, p.family_name, p.display_name, ph.number FROM person_phones ph JOIN people p ON p.id = ph.person_id
       WHERE ${forms.map(() => "ph.digits LIKE ? ESCAPE '\\'").join(' OR ')} ORDER BY p.sort_key, p.id LIMIT ${FIND_PER_GROUP}`,
    ).all(...forms.map((f) => `%${LIKE_ESCAPE(f)}%`)) as (NameRow & { number: string })[];
    for (const r of rows) addPerson({ ...refOf(r), detail: r.number });
  }

  const people = listPeople(ctx, { query: q, tag: null, stage: null, minScore: 0, sort: 'name', direction: 'asc', offset: 0, limit: FIND_PER_GROUP });
  for (const p of people.items) addPerson({ id: p.id, name: p.name, detail: [p.organization, p.primaryEmail].filter(Boolean).join(' · ') });

  const tags = stmt(ctx.db, `SELECT id, name FROM tags WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ${FIND_PER_GROUP}`).all(`%${LIKE_ESCAPE(q)}%`) as {
    id: number;
    name: string;
  }[];
  for (const t of tags) hits.push({ type: 'tag', id: t.id, title: t.name, detail: 'Tag', tag: t.name });

  const match = prefixMatchQuery(q);
  if (match) {
    const notes = stmt(
      ctx.db,
      `SELECT p.id, p.given_name, p.family_name, p.display_name, p.notes AS text FROM people_notes_search s JOIN people p ON p.id = s.rowid
       WHERE people_notes_search MATCH ? ORDER BY s.rowid DESC LIMIT ${FIND_PER_GROUP}`,
    ).all(match) as (NameRow & { text: string })[];
    for (const n of notes) hits.push({ type: 'note', id: n.id, title: refOf(n).name, detail: excerpt(n.text, q), personId: n.id });

    const needs = stmt(
      ctx.db,
      `SELECT n.id AS need_id, n.what, n.problem, n.status, p.id, p.given_name, p.family_name, p.display_name
       FROM needs_search s JOIN needs n ON n.id = s.rowid JOIN people p ON p.id = n.person_id
       WHERE needs_search MATCH ? ORDER BY s.rowid DESC LIMIT ${FIND_PER_GROUP}`,
    ).all(match) as (NameRow & { need_id: number; what: string; problem: string; status: NeedStatus })[];
    for (const n of needs) {
      hits.push({ type: 'need', id: n.need_id, title: `${n.what} — ${refOf(n).name}`, detail: `${NEED_STATUS_LABELS[n.status]}${n.problem ? ` · ${excerpt(n.problem, q)}` : ''}`, personId: n.id });
    }

    const touches = stmt(
      ctx.db,
      `SELECT i.id AS interaction_id, i.kind, i.occurred_on, i.note, p.id, p.given_name, p.family_name, p.display_name
       FROM interactions_search s JOIN interactions i ON i.id = s.rowid JOIN people p ON p.id = i.person_id
       WHERE interactions_search MATCH ? ORDER BY s.rowid DESC LIMIT ${FIND_PER_GROUP}`,
    ).all(match) as (NameRow & { interaction_id: number; kind: InteractionKind; occurred_on: string; note: string })[];
    for (const t of touches) {
      hits.push({
        type: 'interaction',
        id: t.interaction_id,
        title: `${INTERACTION_KINDS[t.kind].label} with ${refOf(t).name}, ${t.occurred_on}`,
        detail: excerpt(t.note, q),
        personId: t.id,
      });
    }
  }

  const like = `%${LIKE_ESCAPE(q)}%`;
  const seminars = stmt(
    ctx.db,
    `SELECT id, title, venue_name, starts_at FROM seminars WHERE title LIKE ? ESCAPE '\\' OR venue_name LIKE ? ESCAPE '\\' ORDER BY starts_at DESC LIMIT ${FIND_PER_GROUP}`,
  ).all(like, like) as { id: number; title: string; venue_name: string; starts_at: string }[];
  for (const s of seminars) hits.push({ type: 'seminar', id: s.id, title: s.title, detail: [s.starts_at.slice(0, 10), s.venue_name].filter(Boolean).join(' · ') });

  const occasions = stmt(
    ctx.db,
    `SELECT id, kind, title, day FROM occasions WHERE title LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\' OR kind LIKE ? ESCAPE '\\' ORDER BY day DESC LIMIT ${FIND_PER_GROUP}`,
  ).all(like, like, like) as { id: number; kind: string; title: string; day: string }[];
  for (const o of occasions) hits.push({ type: 'occasion', id: o.id, title: o.title || o.kind.replace('_', ' '), detail: o.day });

  return { query, hits };
}
