import { remarked, withRemark } from '../../src/quality/remarks';
import { cutQuestionWeights, expectCutCaseByCase } from '../support/message-cuts';

describe('messages with a remark after them', () => {
  it('keep the message as it was and add one sentence after it, with a full stop between when the message has none', () => {
    const text = 'когда откроются банки';
    const said = withRemark(text, 'ru');
    expect(said.startsWith(`${text}. `)).toBe(true);
    expect(said.slice(text.length + 2)).toMatch(/^\p{Lu}.*[.!]$/u);
    expect(withRemark('Когда откроются банки?', 'ru')).toMatch(/^Когда откроются банки\? \p{Lu}/u);
  });

  it('speak the language of the message', () => {
    expect(withRemark('library hours', 'en')).toMatch(/^library hours\. [A-Z][a-z' ]/u);
    expect(withRemark('кітапхана', 'kk').slice('кітапхана. '.length)).toMatch(/[әғқңөұүһі]/u);
  });

  it('vary the remark from message to message, each message the same on every run', () => {
    const tails = new Set(Array.from({ length: 40 }, (_, i) => withRemark(`когда откроются банки ${i}`, 'ru').split('. ').slice(1).join('. ')));
    expect(tails.size).toBeGreaterThan(4);
    expectCutCaseByCase(remarked, withRemark);
  });

  it('add a sentence the matcher reads as the story, not as the question', () => {
    for (const weights of cutQuestionWeights(withRemark)) {
      expect(weights).toEqual([1, expect.any(Number)]);
      expect(weights[1]).toBeLessThan(1);
    }
  });
});
