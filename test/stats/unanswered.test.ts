import { groupUnanswered, stemsOf } from '../../src/stats/unanswered';

describe('unanswered grouping', () => {
  it('folds word forms and groups by shared stems, largest group first', () => {
    expect([...stemsOf('Комендантского часа, когда?')]).toEqual(['коменд', 'часа', 'когда'].map((s) => s.slice(0, 5)));
    const q = (text: string) => ({ text, source: 'no-match' as const, at: new Date(0), lang: 'ru' as const });
    const groups = groupUnanswered([q('Когда отменят комендантский час?'), q('Когда откроют школы?'), q('комендантский час когда отменят'), q('когда отменят комендантского часа')]);
    expect(groups.map((g) => g.count)).toEqual([3, 1]);
    expect(groups[0].label).toBe('Когда отменят комендантский час?');
  });
});
