/**
 * A resident who says that what came before is not the question: "Лифт починили, спасибо. Но вопрос
 * другой: …", "Thanks, the streetlight was fixed. My question is different: …", "Қоқысты уақытында
 * әкетті, рахмет. Басқа сұрағым бар: …". The words before name a subject the FAQ knows (they are
 * often thanks for it), and read as context they answered the message with that subject's entry.
 * What follows the turn is the question; what precedes it is dropped.
 */
import { foldKazakh } from '../normalize';

/**
 * The phrases that turn away from what was said, in lowercase with Kazakh letters folded: "a
 * different question" and "the question is a different one" in each language, and "on another
 * note". Not "ещё вопрос", "one more question", "тағы бір сұрақ": those add a question to the one
 * before, which several-questions.ts reads.
 */
const TURNS = [
  // Russian: другой вопрос, у меня другой вопрос, вопрос другой, вопрос у меня в другом, вопрос не об этом.
  '(?:другой|иной) вопрос(?:ик)?',
  'вопрос(?:ик)?(?: у меня)? (?:другой|иной|в другом|не об этом|не про это|не по этому поводу|по другому поводу|на другую тему|по другой теме)',
  // English: another question, a different question, my question is different, on another note.
  '(?:another|a different|a separate|an unrelated) (?:question|matter)',
  '(?:my )?question is (?:a )?(?:different|another|unrelated|separate)(?: one)?',
  'on (?:another|a different) (?:note|matter|subject|topic)',
  // Kazakh: басқа сұрақ, басқа сұрағым бар, сұрағым басқа, өзге мәселе.
  '(?:баска|озге) (?:сурак|сурагым|сураным|маселе)(?: бар)?',
  '(?:сурак|сурагым|сураным) (?:баска|озге)',
];

/** A turn as a phrase of its own: no letter or digit just before or after it; then words that only round it off, and the break after it. */
const TURN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${TURNS.join('|')})(?![\\p{L}\\p{N}])(?:\\s+(?:though|however|then|тогда|однако|такой|вот|бар|еди|едим))?[\\s:,.;!…—–-]*`,
  'gu',
);

/** A noun every turn has: a question, a matter, a note, a subject or a topic. */
const TURN_NOUN = /вопрос|question|с[ұу]ра|м[әа]селе|note|matter|subject|topic/i;

/**
 * The message after its last turn away from what came before, when something with letters follows
 * and nothing before it asks ("Когда работают банки? Другой вопрос: …" asks twice and stays whole);
 * the message as it is otherwise.
 */
export function afterTopicShift(text: string): string {
  // Every message comes this way (ARCHITECTURE.md, "Hot paths"), and almost none has a turn: a
  // look for its nouns first (0.1 µs against 1.5 µs for the whole reading).
  if (!TURN_NOUN.test(text)) return text;
  const folded = foldKazakh(text.toLowerCase());
  // Lowercasing keeps the length of Cyrillic and Latin text; a text it does not keep is left whole.
  if (folded.length !== text.length) return text;
  let end = -1;
  let start = -1;
  TURN.lastIndex = 0;
  for (let m = TURN.exec(folded); m; m = TURN.exec(folded)) {
    start = m.index;
    end = m.index + m[0].length;
  }
  if (end < 0 || text.slice(0, start).includes('?')) return text;
  const after = text.slice(end);
  return /\p{L}/u.test(after) ? after : text;
}
