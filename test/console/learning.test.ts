import { consoleFixture, type ConsoleFixture, type Session } from './helpers';

interface Variant {
  id: string;
  entryId: string;
  text: string;
  picked: number;
  helpful: number;
  status: string;
}

describe('console: suggested question variants', () => {
  let f: ConsoleFixture;
  let editor: Session;
  beforeEach(async () => {
    f = await consoleFixture();
    editor = await f.login('editor');
    for (let i = 0; i < 3; i += 1) await f.store.learning.note({ entryId: 'post-hours', lang: 'ru', text: 'почта до скольки', source: 'picked' });
    await f.store.learning.note({ entryId: 'post-hours', lang: 'ru', text: 'почта до скольки', source: 'helpful' });
    await f.store.learning.note({ entryId: 'water-outage', lang: 'en', text: 'no water in the taps', source: 'picked' });
  });
  afterEach(() => f.close());

  const list = async (query = '') =>
    (await f.call('GET', `/api/learning${query}`, { session: editor })).json<{ variants: Variant[] }>().variants;

  it('lists pending suggestions with their counts, most seen first, per entry on request', async () => {
    expect((await list()).map((v) => [v.entryId, v.text, v.picked, v.helpful])).toEqual([
      ['post-hours', 'почта до скольки', 3, 1],
      ['water-outage', 'no water in the taps', 1, 0],
    ]);
    expect((await list('?entry=water-outage')).map((v) => v.entryId)).toEqual(['water-outage']);
    expect((await f.call('GET', '/api/learning?status=nonsense', { session: editor })).statusCode).toBe(400);
  });

  it("accepting adds the words to the entry's learned wordings: a new version, in the audit log", async () => {
    const [v] = await list('?entry=post-hours');
    const before = await f.store.faq.get('post-hours');
    const res = await f.call('POST', `/api/learning/${v.id}/accept`, { session: editor });
    expect(res.statusCode).toBe(200);
    const after = await f.store.faq.get('post-hours');
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(after?.learned?.ru).toEqual(['почта до скольки']);
    expect(after?.questions).toEqual(before?.questions);
    expect(after?.updatedBy).toBe('editor@helpline.kz');
    const actions = (await f.store.audit.list()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['faq.update', 'faq.variant.accepted']));
    expect(await list('?entry=post-hours')).toEqual([]);
    // Settled once: a second click says so.
    expect((await f.call('POST', `/api/learning/${v.id}/accept`, { session: editor })).statusCode).toBe(409);
  });

  it('the editor may cut the words down before adding them; the audit keeps what residents wrote', async () => {
    const story = 'мы с мужем пенсионеры, живём на пятом этаже, почта до скольки работает в субботу';
    await f.store.learning.note({ entryId: 'post-hours', lang: 'ru', text: story, source: 'operator' });
    const v = (await list('?entry=post-hours')).find((x) => x.text === story)!;
    expect(v.picked).toBe(1);
    const page = await f.call('GET', '/learning', { session: editor });
    expect(page.body).toContain(`<textarea form="accept-${v.id}" name="text"`);
    expect(page.body).toContain(`<form id="accept-${v.id}" data-api="/api/learning/${v.id}/accept"`);

    expect((await f.call('POST', `/api/learning/${v.id}/accept`, { session: editor, body: { text: '   ' } })).statusCode).toBe(400);
    expect((await f.call('POST', `/api/learning/${v.id}/accept`, { session: editor, body: { text: 'x'.repeat(501) } })).statusCode).toBe(400);
    const res = await f.call('POST', `/api/learning/${v.id}/accept`, { session: editor, body: { text: '  почта до скольки   работает в субботу ' } });
    expect(res.statusCode).toBe(200);
    expect((await f.store.faq.get('post-hours'))?.learned?.ru?.at(-1)).toBe('почта до скольки работает в субботу');
    const audit = (await f.store.audit.list()).find((r) => r.action === 'faq.variant.accepted');
    expect(audit?.detail).toMatchObject({ text: 'почта до скольки работает в субботу', suggested: story });
  });

  it('proposes a long message cut down to its question without courtesy, with the whole message shown above it', async () => {
    const story = 'Мы с мужем пенсионеры, живём на пятом этаже. Подскажите, пожалуйста, почта до скольки работает в субботу?';
    await f.store.learning.note({ entryId: 'post-hours', lang: 'ru', text: story, source: 'helpful' });
    const v = (await list('?entry=post-hours')).find((x) => x.text === story)!;
    const page = (await f.call('GET', '/learning', { session: editor })).body;
    const card = page.slice(page.indexOf(story) - 200, page.indexOf(`id="accept-${v.id}"`));
    expect(card).toContain(`<p class="muted">${story}</p>`);
    expect(card).toMatch(new RegExp(`<textarea form="accept-${v.id}"[^>]*>почта до скольки работает в субботу\\?</textarea>`));
  });

  it('rejecting keeps the words out of the list and out of the entry', async () => {
    const [v] = await list('?entry=water-outage');
    expect((await f.call('POST', `/api/learning/${v.id}/reject`, { session: editor })).statusCode).toBe(200);
    expect(await list('?entry=water-outage')).toEqual([]);
    const entry = await f.store.faq.get('water-outage');
    expect(entry?.learned).toBeUndefined();
    expect(entry?.questions.en).not.toContain('no water in the taps');
    expect((await f.store.audit.list()).map((r) => r.action)).toContain('faq.variant.rejected');
  });

  it('only editors and admins decide; unknown ids are 404', async () => {
    const [v] = await list();
    const operator = await f.login('operator');
    expect((await f.call('POST', `/api/learning/${v.id}/accept`, { session: operator })).statusCode).toBe(403);
    expect((await f.call('POST', '/api/learning/99999/accept', { session: editor })).statusCode).toBe(404);
    expect((await f.call('POST', `/api/learning/${v.id}/accept`, { session: editor, csrf: false })).statusCode).toBe(403);
  });

  it('shows the suggestions on the overview page and on the entry page', async () => {
    const overview = await f.call('GET', '/learning', { session: editor });
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('почта до скольки');
    expect(overview.body).toContain('/api/learning/');
    const entry = await f.call('GET', '/faq/water-outage', { session: editor });
    expect(entry.body).toContain('no water in the taps');
    expect(entry.body).not.toContain('почта до скольки');
  });

  it("shows the entry's learned wordings on its page; a revert to a version before them takes them back", async () => {
    const [v] = await list('?entry=water-outage');
    const before = (await f.store.faq.get('water-outage'))!;
    const empty = (await f.call('GET', '/faq/water-outage', { session: editor })).body;
    expect(empty).toContain('Wordings the bot learnt from residents');
    expect(empty).toContain('None yet.');
    await f.call('POST', `/api/learning/${v.id}/accept`, { session: editor });
    const page = (await f.call('GET', '/faq/water-outage', { session: editor })).body;
    expect(page).toMatch(/<ul class="learned"><li>no water in the taps<\/li><\/ul>/);
    // An edit through the form, which does not list them, keeps them.
    const edited = { ...before, topic: 'water' } as Record<string, unknown>;
    for (const key of ['version', 'updatedBy', 'updatedAt']) delete edited[key];
    expect((await f.call('PUT', '/api/faq/water-outage', { session: editor, body: { entry: edited } })).statusCode).toBe(200);
    expect((await f.store.faq.get('water-outage'))?.learned).toEqual({ en: ['no water in the taps'] });
    const reverted = await f.call('POST', '/api/faq/water-outage/revert', { session: editor, body: { version: before.version } });
    expect(reverted.statusCode).toBe(200);
    expect((await f.store.faq.get('water-outage'))?.learned).toBeUndefined();
  });
});
