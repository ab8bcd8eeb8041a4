/**
 * "What would the bot answer?": the same steps as the engine's answer to a question — the live
 * catalog's ranked candidates and the configured confidence bands — without a conversation, so a
 * preview writes nothing (no ticket, no state) and can be asked for a future moment to check a
 * scheduled entry.
 */
import type { FaqCatalog } from '../faq/catalog';
import { FALLBACK_LANG, LANGS, type Lang } from '../i18n/languages';
import { detectLanguage } from '../language/detect';
import { decide, type Thresholds } from '../matcher';

export interface PreviewCandidate {
  id: string;
  topic: string;
  score: number;
  /** The answer in the question's language (or the fallback the bot would use). */
  answer: string;
}

export interface Preview {
  lang: Lang;
  decision: 'answer' | 'suggest' | 'escalate' | 'clarify';
  /** The top score the decision was taken on. */
  score: number;
  /** What the resident would read first: the answer, or undefined for suggest/escalate. */
  answer?: string;
  /** The entry answered, or offered first. */
  faqId?: string;
  /** The entries offered: as "did you mean" (suggest), or to read while waiting (escalate). */
  suggested: string[];
  /** The ranked candidates, best first, with their scores (the runner-ups after the first). */
  candidates: PreviewCandidate[];
  /** Candidates that lead because the question is a wording taught for them (MatchResult.taught). */
  taught: string[];
  /**
   * The question's words no entry knows (FaqMatcher.unknownWords): the bot weighs each as a sign
   * that the question is not the FAQ's, so a question an entry answers in other words is handed
   * over; these are the words to add to it.
   */
  unknownWords: string[];
}

function answerIn(answer: Partial<Record<Lang, string>>, lang: Lang): string {
  return answer[lang] ?? answer[FALLBACK_LANG] ?? LANGS.map((l) => answer[l]).find(Boolean) ?? '';
}

/**
 * Previews the bot's decision for `text` at `now` with the catalog's current entries.
 *
 * @example previewAnswer(app.catalog, config.thresholds, 'когда комендантский час?', undefined, new Date())
 */
export function previewAnswer(catalog: FaqCatalog, thresholds: Thresholds, text: string, lang: Lang | undefined, now: Date): Preview {
  const questionLang = lang ?? detectLanguage(text, undefined, catalog.vocabulary).lang;
  const result = catalog.match(text, questionLang, now, 5);
  const decision = decide(result, thresholds);
  // Only those still offered: one out of its validity window is not what the bot says.
  const taught = (result.taught ?? []).filter((id) => result.candidates.some((c) => c.id === id));
  const candidates = result.candidates.map((m) => ({
    id: m.id,
    topic: m.entry.topic,
    score: Math.round(m.score * 1000) / 1000,
    answer: answerIn(m.entry.answer, questionLang),
  }));
  // What every decision says alike.
  const said = { lang: questionLang, candidates, taught, unknownWords: catalog.unknownWords(text, questionLang) };
  if (decision.kind === 'clarify') return { ...said, decision: 'clarify', score: 0, suggested: [] };
  const score = Math.round(decision.score * 1000) / 1000;
  if (decision.kind === 'answer') {
    const top = candidates.find((c) => c.id === decision.id);
    return { ...said, decision: 'answer', score, answer: top?.answer, faqId: decision.id, suggested: [] };
  }
  if (decision.kind === 'suggest') return { ...said, decision: 'suggest', score, faqId: decision.ids[0], suggested: decision.ids };
  return { ...said, decision: 'escalate', score, suggested: decision.kind === 'none' ? (decision.ids ?? []) : [] };
}
