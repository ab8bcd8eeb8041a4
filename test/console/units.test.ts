import { columnChart } from '../../src/console/charts';
import { lineDiff, wordDiff } from '../../src/console/diff';
import { escapeHtml, html } from '../../src/console/html';
import { LoginLimiter } from '../../src/console/login-limiter';
import { preferredLang } from '../../src/console/view';

describe('html', () => {
  it('escapes interpolated values but not nested html', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x\''}">${inner}${['a&', null, undefined, false, 0]}</p>`.value).toBe(
      '<p title="&quot;x&#39;"><b>&lt;i&gt;</b>a&amp;0</p>',
    );
    expect(escapeHtml('<>&"\'')).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('lineDiff', () => {
  it('marks removed and added lines around the unchanged ones', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'x' },
      { op: ' ', text: 'c' },
      { op: '+', text: 'd' },
    ]);
    expect(lineDiff('same', 'same')).toEqual([{ op: ' ', text: 'same' }]);
    expect(lineDiff('', 'new')).toEqual([
      { op: '-', text: '' },
      { op: '+', text: 'new' },
    ]);
  });
});

describe('LoginLimiter', () => {
  /** A wrong password: the attempt is let through and ends as a failure. */
  function fail(limiter: LoginLimiter, ip: string, email: string, now: number): void {
    const attempt = limiter.attempt(ip, email, now);
    if (!attempt.granted) throw new Error('attempt refused');
    attempt.fail();
  }

  it('blocks after the limit within the window, per IP and e-mail, and forgets on success', () => {
    const limiter = new LoginLimiter(2, 60_000);
    fail(limiter, '1.1.1.1', 'A@x', 0);
    expect(limiter.retryAfter('1.1.1.1', 'a@x', 1000)).toBe(0);
    fail(limiter, '1.1.1.1', 'a@x', 1000);
    expect(limiter.retryAfter('1.1.1.1', 'a@x', 2000)).toBe(58);
    expect(limiter.attempt('1.1.1.1', 'a@x', 2000)).toEqual({ granted: false, retryAfter: 58 });
    expect(limiter.retryAfter('2.2.2.2', 'a@x', 2000)).toBe(0);
    expect(limiter.retryAfter('1.1.1.1', 'a@x', 60_001)).toBe(0);
    fail(limiter, '3.3.3.3', 'b@x', 0);
    const right = limiter.attempt('3.3.3.3', 'b@x', 0);
    if (right.granted) right.succeed();
    fail(limiter, '3.3.3.3', 'b@x', 1);
    expect(limiter.retryAfter('3.3.3.3', 'b@x', 2)).toBe(0);
  });

  it('counts an attempt while its password is being checked, and a success forgives only settled failures', () => {
    const limiter = new LoginLimiter(3, 60_000);
    const checking = [limiter.attempt('1.1.1.1', 'a@x', 0), limiter.attempt('1.1.1.1', 'a@x', 0), limiter.attempt('1.1.1.1', 'a@x', 0)];
    expect(checking.map((a) => a.granted)).toEqual([true, true, true]);
    // Nothing has failed yet, but three checks are running: a fourth waits.
    expect(limiter.attempt('1.1.1.1', 'a@x', 0).granted).toBe(false);
    const [first, second, third] = checking;
    if (!first.granted || !second.granted || !third.granted) throw new Error('unreachable');
    first.fail();
    second.succeed();
    // The settled failure and the success are gone; the attempt still being checked is not.
    expect(limiter.attempt('1.1.1.1', 'a@x', 1).granted).toBe(true);
    expect(limiter.attempt('1.1.1.1', 'a@x', 1).granted).toBe(true);
    expect(limiter.attempt('1.1.1.1', 'a@x', 1).granted).toBe(false);
    third.fail();
  });
});

describe('wordDiff', () => {
  it('marks changed words and keeps the rest, so that both texts can be read back', () => {
    const before = 'Banks open 10:00–17:00 on weekdays.\nClosed on Sunday.';
    const after = 'Banks open 09:00–18:00 on weekdays.\nClosed on Saturday and Sunday.';
    const parts = wordDiff(before, after);
    expect(parts).toEqual([
      { op: ' ', text: 'Banks open ' },
      { op: '-', text: '10:00–17:00' },
      { op: '+', text: '09:00–18:00' },
      { op: ' ', text: ' on weekdays.\nClosed on ' },
      { op: '+', text: 'Saturday and ' },
      { op: ' ', text: 'Sunday.' },
    ]);
    expect(parts.filter((p) => p.op !== '+').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.op !== '-').map((p) => p.text).join('')).toBe(after);
  });

  it('reads a rewrite as one removal and one addition, not word salad', () => {
    expect(wordDiff('from 23:00 to 07:00', 'since noon until midnight')).toEqual([
      { op: '-', text: 'from 23:00 to 07:00' },
      { op: '+', text: 'since noon until midnight' },
    ]);
    expect(wordDiff('same', 'same')).toEqual([{ op: ' ', text: 'same' }]);
    expect(wordDiff('', 'new')).toEqual([{ op: '+', text: 'new' }]);
  });
});

describe('preferredLang', () => {
  it('takes the most preferred language the console speaks', () => {
    expect(preferredLang('kk-KZ,kk;q=0.9,ru;q=0.8,en;q=0.7')).toBe('kk');
    expect(preferredLang('de-DE,de;q=0.9,ru;q=0.5,en;q=0.4')).toBe('ru');
    expect(preferredLang('en;q=0.3, ru;q=0.8')).toBe('ru');
    expect(preferredLang('kz')).toBe('kk');
    expect(preferredLang('kk;q=0, en')).toBe('en');
    expect(preferredLang('fr, de')).toBeUndefined();
    expect(preferredLang('*')).toBeUndefined();
    expect(preferredLang(undefined)).toBeUndefined();
  });
});

describe('columnChart', () => {
  it('draws each value in proportion to a round maximum, with every column titled', () => {
    const svg = columnChart(
      [
        { label: '09', title: '09:00: 8', values: [8, 2] },
        { label: '10', title: '10:00: 4', values: [4, 0] },
      ],
      ['messages', 'escalations'],
      'Messages per hour',
    ).value;
    // The axis goes to 10: 8 is 80 % of the height, 2 is 20 %.
    expect(svg).toContain('<span class="y max">10</span>');
    expect(svg).toMatch(/class="bar messages" x="[\d.]+" y="20" width="7" height="80"/);
    expect(svg).toMatch(/class="bar escalations" x="[\d.]+" y="80" width="7" height="20"/);
    expect(svg).toContain('<title>10:00: 4</title>');
    expect(svg).not.toMatch(/style=/);
  });
});
