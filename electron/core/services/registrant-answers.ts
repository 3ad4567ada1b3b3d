import { foldText, searchTokens } from '../../../shared/domain/names';
import { seminarMemo } from '../db/seminar-memo';
import { stmt } from '../db/statements';
import type { CoreContext } from '../context';

/**
 * The check-in table finds registrants by what their ticket says too: the ticket type ("VIP",
 * "Livestream") and the answers on the platform's form ("vegetarian", "wheelchair"). Such a match
 * is listed with what matched and never identifies anyone on its own: many share an answer, so the
 * volunteer chooses.
 */

interface Said {
  id: number;
  question: string;
  text: string;
  words: string[];
}

/** A seminar's ticket types and answers, each with its words; read once until the book changes. */
const ticketTexts = seminarMemo((db, seminarId): Said[] =>
  stmt<[number, number], { id: number; question: string; text: string }>(
    db,
    `SELECT r.id, '' AS question, t.ticket_type AS text
       FROM registrations r JOIN registration_tickets t ON t.registration_id = r.id
      WHERE r.seminar_id = ? AND r.state != 'cancelled' AND t.ticket_type != ''
     UNION ALL
     SELECT r.id, a.question, a.answer
       FROM registrations r JOIN registration_answers a ON a.registration_id = r.id
      WHERE r.seminar_id = ? AND r.state != 'cancelled'`,
  )
    .all(seminarId, seminarId)
    .map((row) => ({ ...row, words: searchTokens(row.text) })),
);

const SHOWN = 60;
const QUESTION_SHOWN = 24;
const clip = (text: string, room: number) => (text.length > room ? `${text.slice(0, room - 1)}…` : text);

/**
 * What matched, as the list shows it ("VIP ticket", "Dietary needs: vegetarian"): a long answer
 * is shown around the typed word, so the volunteer sees why this person is listed.
 */
function describe(said: Said, firstTyped: string): string {
  if (!said.question) return `${clip(said.text, SHOWN - 7)} ticket`;
  const whole = `${said.question}: ${said.text}`;
  if (whole.length <= SHOWN) return whole;
  const question = clip(said.question, QUESTION_SHOWN);
  const room = SHOWN - question.length - 2;
  if (said.text.length <= room) return `${question}: ${said.text}`;
  // Folding keeps Latin text's length, so the folded position is near enough to start the window.
  const at = Math.max(0, foldText(said.text).search(new RegExp(`(?<![\\p{L}\\p{N}])${firstTyped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u')));
  const from = Math.min(at, said.text.length - room + 1);
  const lead = from > 0 ? '…' : '';
  return `${question}: ${lead}${clip(said.text.slice(from), room - lead.length)}`;
}

/**
 * Registrations of this seminar whose ticket type or one answer holds a word beginning with each
 * typed word, with the first such text as the reason. Every typed word must be met by the same
 * text, so "vip lunch" is not a VIP who answered something else about lunch.
 */
export function findByTicketText(ctx: CoreContext, seminarId: number, typedWords: readonly string[]): Map<number, string> {
  const found = new Map<number, string>();
  if (typedWords.length === 0) return found;
  for (const said of ticketTexts(ctx.db, seminarId)) {
    if (found.has(said.id)) continue;
    if (typedWords.every((w) => said.words.some((word) => word.startsWith(w)))) found.set(said.id, describe(said, typedWords[0] as string));
  }
  return found;
}
