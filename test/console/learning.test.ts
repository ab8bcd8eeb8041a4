import { MAX_LEARNED } from '../../src/faq/file';
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

  it("reads an opening typed in Latin letters in the message's own language: left out of a Russian one", async () => {
    const message = 'Khotela by utochnit, pochta do skolki rabotaet v subbotu?';
    await f.store.learning.note({ entryId: 'post-hours', lang: 'ru', text: message, source: 'helpful' });
    const v = (await list('?entry=post-hours')).find((x) => x.text === message)!;
    const page = (await f.call('GET', '/learning', { session: editor })).body;
    expect(page).toMatch(new RegExp(`<textarea form="accept-${v.id}"[^>]*>pochta do skolki rabotaet v subbotu\\?</textarea>`));
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
    expect(page).toMatch(/<ul class="learned"><li>no water in the taps <form [^]*?<\/form><\/li><\/ul>/);
    // An edit through the form, which does not list them, keeps them.
    const edited = { ...before, topic: 'water' } as Record<string, unknown>;
    for (const key of ['version', 'updatedBy', 'updatedAt']) delete edited[key];
    expect((await f.call('PUT', '/api/faq/water-outage', { session: editor, body: { entry: edited } })).statusCode).toBe(200);
    expect((await f.store.faq.get('water-outage'))?.learned).toEqual({ en: ['no water in the taps'] });
    const reverted = await f.call('POST', '/api/faq/water-outage/revert', { session: editor, body: { version: before.version } });
    expect(reverted.statusCode).toBe(200);
    expect((await f.store.faq.get('water-outage'))?.learned).toBeUndefined();
  });

  it('an editor takes back one learned wording: a new version, in the audit log; operators see the list without the button', async () => {
    const before = (await f.store.faq.get('water-outage'))!;
    const { version: _v, updatedBy: _b, updatedAt: _a, ...content } = before;
    await f.store.faq.save({ ...content, learned: { en: ['no water in the taps', 'taps are dry'], ru: ['воды нет'] } }, 'editor@helpline.kz');
    const taught = (await f.store.faq.get('water-outage'))!;

    const page = (await f.call('GET', '/faq/water-outage', { session: editor })).body;
    expect(page).toContain('<form data-api="/api/faq/water-outage/learned/remove"');
    expect(page).toContain('<input type="hidden" name="text" value="taps are dry">');
    const operator = await f.login('operator');
    const seen = (await f.call('GET', '/faq/water-outage', { session: operator })).body;
    expect(seen).toContain('<li>taps are dry</li>');
    expect(seen).not.toContain('/learned/remove');
    const remove = (body: unknown, session = editor) => f.call('POST', '/api/faq/water-outage/learned/remove', { session, body });
    expect((await remove({ lang: 'en', text: 'taps are dry' }, operator)).statusCode).toBe(403);

    // Compared as suggestions are: case and spacing aside.
    const res = await remove({ lang: 'en', text: '  Taps are  DRY ' });
    expect(res.statusCode).toBe(200);
    const after = (await f.store.faq.get('water-outage'))!;
    expect(after.version).toBe(taught.version + 1);
    expect(after.learned).toEqual({ en: ['no water in the taps'], ru: ['воды нет'] });
    const audit = (await f.store.audit.list()).find((r) => r.action === 'faq.learned.removed');
    expect(audit).toMatchObject({ actor: 'editor@helpline.kz', target: 'water-outage', detail: { lang: 'en', text: 'taps are dry', version: after.version } });

    // The last one of a language takes the language with it; the history keeps what was taken back.
    expect((await remove({ lang: 'ru', text: 'воды нет' })).statusCode).toBe(200);
    expect((await f.store.faq.get('water-outage'))?.learned).toEqual({ en: ['no water in the taps'] });
    expect((await f.store.faq.history('water-outage')).some((v) => v.learned?.ru?.includes('воды нет'))).toBe(true);

    expect((await remove({ lang: 'en', text: 'taps are dry' })).statusCode).toBe(404);
    expect((await f.call('POST', '/api/faq/no-such-entry/learned/remove', { session: editor, body: { lang: 'en', text: 'x' } })).statusCode).toBe(404);
    expect((await remove({ lang: 'de', text: 'no water in the taps' })).statusCode).toBe(400);
    expect((await remove({ lang: 'en', text: '   ' })).statusCode).toBe(400);
    expect((await f.store.faq.get('water-outage'))?.learned).toEqual({ en: ['no water in the taps'] });
  });

  it('an entry holding as many learned wordings as its FAQ file may keeps them: accepting one more is refused, nothing saved', async () => {
    const entry = (await f.store.faq.get('water-outage'))!;
    const { version: _v, updatedBy: _b, updatedAt: _a, ...content } = entry;
    const full = Array.from({ length: MAX_LEARNED }, (_, i) => `wording number ${i}`);
    await f.store.faq.save({ ...content, learned: { en: full } }, 'editor@helpline.kz');
    const version = (await f.store.faq.get('water-outage'))!.version;
    const [v] = await list('?entry=water-outage');

    const res = await f.call('POST', `/api/learning/${v.id}/accept`, { session: editor });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: string }>().error).toMatch(/200 learned wordings in en already.*take one back/);
    expect((await f.store.faq.get('water-outage'))?.version).toBe(version);
    expect((await list('?entry=water-outage')).map((x) => x.id)).toEqual([v.id]);

    // Words it has already are no addition: accepted without a new version.
    await f.store.learning.note({ entryId: 'water-outage', lang: 'en', text: 'Wording number 7', source: 'picked' });
    const again = (await list('?entry=water-outage')).find((x) => x.text === 'Wording number 7')!;
    expect((await f.call('POST', `/api/learning/${again.id}/accept`, { session: editor })).statusCode).toBe(200);
    expect((await f.store.faq.get('water-outage'))?.version).toBe(version);
  });

  it('says beside each suggestion what the bot does with those words today, so that editors teach where it helps', async () => {
    await f.catalog.whenCalibrated();
    await f.store.learning.note({ entryId: 'curfew-time', lang: 'ru', text: 'Здравствуйте! Когда начинается комендантский час?', source: 'helpful' });
    await f.store.learning.note({ entryId: 'water-outage', lang: 'ru', text: 'соседи сверху опять заливают кухню', source: 'operator' });
    const page = (await f.call('GET', '/learning', { session: editor })).body;
    const row = (words: string) => page.slice(page.indexOf(words), page.indexOf('</tr>', page.indexOf(words)));
    expect(row('Когда начинается комендантский час?')).toContain('answers with this entry already');
    expect(row('соседи сверху опять заливают кухню')).toContain('hands it to an operator');
    // What accepting would teach: the words of the message no entry knows (none beside an answer).
    const unknown = f.catalog.unknownWords('соседи сверху опять заливают кухню', 'ru');
    expect(unknown.length).toBeGreaterThan(0);
    expect(row('соседи сверху опять заливают кухню')).toContain(`words no entry knows: ${unknown.join(', ')}`);
    expect(row('Когда начинается комендантский час?')).not.toContain('words no entry knows');
  });
});
