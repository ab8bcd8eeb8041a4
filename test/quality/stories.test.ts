import { STORY_SENTENCES, storied, withStory } from '../../src/quality/stories';
import { tokenize } from '../../src/matcher/normalize';
import { cutQuestionWeights, expectCutCaseByCase } from '../support/message-cuts';

describe('messages with a story before them', () => {
  it('keep the message as it was, after STORY_SENTENCES sentences of a story', () => {
    const text = 'когда откроются банки?';
    const said = withStory(text, 'ru');
    expect(said.endsWith(` ${text}`)).toBe(true);
    const story = said.slice(0, -text.length - 1);
    expect(story.split(/(?<=[.!?])\s+/u)).toHaveLength(STORY_SENTENCES);
    // About fifty words: more than most questions, well under a long message's length.
    expect(tokenize(story).length).toBeGreaterThan(30);
    expect(said.length).toBeLessThan(500);
  });

  it('speak the language of the message', () => {
    expect(withStory('library hours', 'en')).toMatch(/^[A-Z][A-Za-z',. ]+library hours$/u);
    expect(withStory('кітапхана', 'kk')).toMatch(/[әғқңөұүһі]/u);
    expect(withStory('библиотека', 'ru')).toMatch(/^[А-ЯЁ][А-ЯЁа-яё,. ]+библиотека$/u);
  });

  it('vary the story from message to message, each message the same on every run', () => {
    const stories = new Set(Array.from({ length: 40 }, (_, i) => withStory(`когда откроются банки ${i}`, 'ru').replace(/ когда.*$/u, '')));
    expect(stories.size).toBeGreaterThan(4);
    expectCutCaseByCase(storied, withStory);
  });

  it('tell a story the matcher reads as context before a question, not as the question', () => {
    for (const weights of cutQuestionWeights(withStory)) {
      expect(weights.at(-1)).toBe(1);
      expect(weights.slice(0, -1).every((w) => w < 1)).toBe(true);
    }
  });
});
