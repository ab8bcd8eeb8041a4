import fs from 'node:fs';
import path from 'node:path';
import { russianDictionaryPath } from '../../scripts/loanwords';
import { dictionarySpelling, hunspellEntries } from '../../src/language/loanwords';

/**
 * Every word form a Hunspell dictionary spells (its words and what their suffix rules make of
 * them), lowercase, ё as е: what a claim that "no Russian word ends so" is checked against. Only
 * the parts dictionary-ru uses: one-letter flags, SFX rules, no prefixes.
 */
export function* hunspellForms(dic: string, aff: string): Generator<string> {
  const rules = new Map<string, Array<{ strip: string; add: string; condition: RegExp }>>();
  for (const line of aff.split('\n')) {
    const [kind, flag, strip, add, condition] = line.trim().split(/\s+/);
    // "SFX flag strip add condition"; the block's header ("SFX flag Y count") has no condition.
    if (kind !== 'SFX' || condition === undefined) continue;
    const list = rules.get(flag) ?? [];
    list.push({ strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add.split('/')[0], condition: new RegExp(`${condition === '.' ? '' : condition}$`) });
    rules.set(flag, list);
  }
  for (const { word, flags } of hunspellEntries(dic)) {
    yield dictionarySpelling(word);
    for (const flag of flags) {
      for (const rule of rules.get(flag) ?? []) {
        if (word.endsWith(rule.strip) && rule.condition.test(word)) yield dictionarySpelling(word.slice(0, word.length - rule.strip.length) + rule.add);
      }
    }
  }
}

/** The forms of the Russian dictionary the loanwords come from (dictionary-ru): some 1.5 million. */
export function russianDictionaryForms(): Generator<string> {
  const dic = russianDictionaryPath();
  return hunspellForms(fs.readFileSync(dic, 'utf8'), fs.readFileSync(path.join(path.dirname(dic), 'index.aff'), 'utf8'));
}
