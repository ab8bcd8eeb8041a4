/**
 * "Unanswered questions": what residents asked that the bot could not settle — tickets opened
 * because nothing matched or the answer did not help, and "did not help" feedback — grouped by
 * similarity so that staff see the ten things people need rather than five hundred messages.
 *
 * Similarity is token overlap (Jaccard) on crude stems: lower-case words of three letters or more,
 * cut to their first five letters, which folds most Russian and Kazakh endings ("часа", "часов").
 * Greedy single pass: a question joins the first group whose stems it shares enough of.
 */
import { WITHDRAW_ACTION, withdrawReasonOf } from '../escalation/withdrawal';
import type { Lang } from '../i18n/languages';
import type { AuditRecord, Ticket } from '../store/types';

/** Two questions belong together from this share of shared stems on. */
const SIMILARITY = 0.4;
const STEM_LENGTH = 5;

export interface UnansweredQuestion {
  text: string;
  lang?: Lang;
  source: 'no-match' | 'not-helpful';
  at: Date;
}

export interface UnansweredGroup {
  /** The group's most frequent wording. */
  label: string;
  count: number;
  /** Distinct wordings, most frequent first. */
  questions: string[];
  /** The language most of its questions are in. */
  lang?: Lang;
  lastAt: Date;
}

/** The stems a question is compared by. */
export function stemsOf(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((w) => w.length >= 3).map((w) => w.slice(0, STEM_LENGTH)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The questions of tickets (no-match, not-helpful) and of "did not help" feedback in the audit log;
 * not those of tickets the resident withdrew because an entry offered with the hand-off answered them
 * (a ticket they cancelled was not answered: its question stays).
 */
export function collectUnanswered(
  tickets: readonly Pick<Ticket, 'id' | 'reason' | 'question' | 'lang' | 'createdAt'>[],
  audit: readonly AuditRecord[],
): UnansweredQuestion[] {
  const out: UnansweredQuestion[] = [];
  const withdrawn = new Set(audit.filter((r) => r.action === WITHDRAW_ACTION && withdrawReasonOf(r) === 'answered').map((r) => r.target));
  for (const t of tickets) {
    if (withdrawn.has(t.id)) continue;
    if (t.reason === 'no-match' || t.reason === 'not-helpful') {
      out.push({ text: t.question, lang: t.lang, source: t.reason, at: t.createdAt });
    }
  }
  for (const r of audit) {
    if (r.action !== 'feedback.not-helpful') continue;
    const question = r.detail?.question;
    if (typeof question !== 'string' || question.trim() === '') continue;
    const lang = r.detail?.lang;
    out.push({ text: question, lang: typeof lang === 'string' ? (lang as Lang) : undefined, source: 'not-helpful', at: r.at });
  }
  return out;
}

/** Words of a group no FAQ entry knows, with how many of its wordings say each. */
export interface UnknownWord {
  word: string;
  wordings: number;
}

/** How many of a group's wordings are read for its unknown words: the most frequent come first. */
const WORDINGS_READ = 20;
const UNKNOWN_WORDS_SHOWN = 8;

/**
 * The words a group's questions say that no FAQ entry knows (`unknownWords`, the matcher's), the
 * most said first: what the FAQ lacks for these residents. Each counts as much as the rarest word
 * the FAQ has and keeps the bot from answering, so an entry that answers them needs their words as
 * a question; read against the FAQ as it is now, a word added to an entry leaves the list.
 */
export function unknownWordsOf(group: Pick<UnansweredGroup, 'questions' | 'lang'>, unknownWords: (text: string, lang: Lang | undefined) => string[]): UnknownWord[] {
  const counts = new Map<string, number>();
  for (const question of group.questions.slice(0, WORDINGS_READ)) {
    for (const word of unknownWords(question, group.lang)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .sort((x, y) => y[1] - x[1])
    .slice(0, UNKNOWN_WORDS_SHOWN)
    .map(([word, wordings]) => ({ word, wordings }));
}

/** The distinct items, most frequent first (ties in order of first appearance). */
function byFrequency<T>(items: readonly T[]): T[] {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts.keys()].sort((x, y) => (counts.get(y) ?? 0) - (counts.get(x) ?? 0));
}

interface Group {
  stems: Set<string>;
  members: UnansweredQuestion[];
}

/**
 * Groups similar questions, largest group first. The same wording asked again joins its group at
 * once (a busy day repeats a few questions thousands of times).
 *
 * @example groupUnanswered(collectUnanswered(tickets, audit))[0] // { label, count, questions, lang }
 */
export function groupUnanswered(questions: readonly UnansweredQuestion[]): UnansweredGroup[] {
  const groups: Group[] = [];
  const homeOf = new Map<string, Group>();
  for (const q of questions) {
    const known = homeOf.get(q.text.trim());
    if (known) {
      known.members.push(q);
      continue;
    }
    const stems = stemsOf(q.text);
    let home = groups.find((g) => jaccard(g.stems, stems) >= SIMILARITY);
    if (home) {
      home.members.push(q);
      for (const s of stems) home.stems.add(s);
    } else {
      home = { stems, members: [q] };
      groups.push(home);
    }
    homeOf.set(q.text.trim(), home);
  }
  return groups
    .map((g) => {
      const byCount = byFrequency(g.members.map((m) => m.text.trim()));
      return {
        label: byCount[0],
        count: g.members.length,
        questions: byCount,
        lang: byFrequency(g.members.map((m) => m.lang).filter((l): l is Lang => l !== undefined))[0],
        lastAt: new Date(g.members.reduce((latest, m) => Math.max(latest, m.at.getTime()), 0)),
      };
    })
    .sort((x, y) => y.count - x.count || y.lastAt.getTime() - x.lastAt.getTime());
}
