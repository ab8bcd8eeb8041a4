/**
 * The bot process killed with SIGKILL in the middle of a burst — some answers sent, some on their
 * way, some queued, some updates not yet handled — and started again on the same data folder:
 * every resident is answered, nothing twice (except what was on its way to Telegram at the kill,
 * which cannot be told from what never arrived), and every ticket has its line once.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { open } from '../../../src/delivery/envelope';
import { createTranslator } from '../../../src/i18n';
import { FakeBotApi } from '../../support/bot-api-server';
import { startBotProcess, type BotProcess } from '../../support/bot-process';
import { tempDir } from '../../support/fixtures';
import { waitFor } from '../../support/wait';

const tr = createTranslator();
const HELP = tr.t('ru', 'help');

describe('kill -9 of the bot process during a burst', () => {
  let api: FakeBotApi;
  let tmp: ReturnType<typeof tempDir>;
  let bot: BotProcess | undefined;

  beforeEach(async () => {
    api = new FakeBotApi();
    await api.start();
    tmp = tempDir();
  });
  afterEach(async () => {
    api.releaseAll();
    await bot?.stop();
    await api.stop();
    tmp.cleanup();
  });

  const start = async () => {
    const polls = api.callsOf('getUpdates').length;
    bot = startBotProcess({
      DATA_DIR: tmp.dir,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      CONSOLE_ENABLED: '0',
      LOG_LEVEL: 'warn',
    });
    const running = bot;
    // Polling runs once the bot waits in a long poll (or has made a new getUpdates call).
    await waitFor(
      () => {
        if (running.child.exitCode !== null) throw new Error(`the bot exited: ${running.stderr()}`);
        return api.openPolls > 0 || api.callsOf('getUpdates').length > polls;
      },
      'the bot to poll',
      30_000,
    );
  };

  /** What the bot's store holds, read from outside once it is quiet. */
  const stored = () => {
    const db = new Database(path.join(tmp.dir, 'bot.db'), { readonly: true, fileMustExist: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      return {
        queued: count("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'"),
        queuedTexts: (db.prepare("SELECT chat_id, text FROM outbox WHERE status = 'pending'").all() as { chat_id: string; text: string }[]).map((r) => ({
          chat: Number(r.chat_id),
          text: open(r.text).reply.text,
        })),
        unhandled: count('SELECT COUNT(*) AS n FROM inbox WHERE handled_at IS NULL'),
        tickets: db.prepare('SELECT id, chat_id FROM tickets ORDER BY id').all() as { id: number; chat_id: string }[],
        lines: db.prepare('SELECT ticket_id, text FROM ticket_messages ORDER BY seq').all() as { ticket_id: number; text: string }[],
      };
    } finally {
      db.close();
    }
  };

  it('answers every stored update after the restart, none twice', async () => {
    await start();
    // 30 residents ask for help (one answer each); 30 ask for an operator and add a line.
    const helpers = Array.from({ length: 30 }, (_, i) => 970_000 + i);
    const waiting = Array.from({ length: 30 }, (_, i) => 971_000 + i);
    for (let i = 0; i < 30; i++) {
      api.push(api.text({ id: helpers[i] }, '/help'));
      api.push(api.text({ id: waiting[i] }, '/operator'));
      api.push(api.text({ id: waiting[i] }, 'у меня нет света'));
    }
    await api.waitFor('the burst under way', () => api.sent.length >= 10, 30_000);
    // Answers on their way to Telegram when the process dies: sent, but the bot never hears back.
    api.hold('sendMessage');
    await api.waitFor('an answer on its way', () => api.held.length >= 1, 10_000);
    // Every answer the bot did hear back about is marked sent by now (it cannot be, before it hears).
    const heard = () => api.sent.filter((m) => !api.held.some((h) => h.sent === m));
    await waitFor(() => {
      const queued = stored().queuedTexts;
      return heard().every((m) => !queued.some((q) => q.chat === m.chatId && q.text === m.text));
    }, 'the answers Telegram confirmed marked sent', 10_000);
    await bot?.kill9();
    api.releaseAll();
    const cutOff = new Map<number, number>();
    for (const { sent } of api.held) if (sent) cutOff.set(sent.chatId, (cutOff.get(sent.chatId) ?? 0) + 1);
    const answeredBefore = api.sent.length;
    expect(answeredBefore).toBeLessThan(90);

    await start();
    const expected = (id: number) => (helpers.includes(id) ? 1 : 2);
    const everyone = [...helpers, ...waiting];
    await api.waitFor('every resident answered', () => everyone.every((id) => api.sentTo(id).length >= expected(id)), 60_000);
    await waitFor(() => {
      const now = stored();
      return now.queued === 0 && now.unhandled === 0;
    }, 'the outbox and the inbox empty', 30_000);
    await bot?.stop();

    for (const id of helpers) {
      expect(api.sentTo(id).map((m) => m.text).every((t) => t === HELP)).toBe(true);
      expect(api.sentTo(id).length).toBeLessThanOrEqual(1 + (cutOff.get(id) ?? 0));
    }
    const { tickets, lines } = stored();
    expect(tickets.map((t) => Number(t.chat_id)).sort()).toEqual([...waiting].sort());
    for (const id of waiting) {
      const ticket = tickets.find((t) => Number(t.chat_id) === id);
      // In order; a message cut off at the kill may come again right behind itself.
      expect([...new Set(api.sentTo(id).map((m) => m.text))]).toEqual([
        tr.t('ru', 'escalation.queued', { ticket: String(ticket?.id) }),
        tr.t('ru', 'escalation.appended', { ticket: String(ticket?.id) }),
      ]);
      expect(api.sentTo(id).length).toBeLessThanOrEqual(2 + (cutOff.get(id) ?? 0));
      expect(lines.filter((l) => l.ticket_id === ticket?.id).map((l) => l.text)).toEqual(['у меня нет света']);
    }
  }, 120_000);

  it('keeps a hand-off whose conversation state was not written yet: the next line reaches the operator', async () => {
    await start();
    const resident = 972_001;
    const conversationMode = () => {
      const db = new Database(path.join(tmp.dir, 'bot.db'), { readonly: true, fileMustExist: true });
      try {
        return (db.prepare("SELECT mode FROM conversations WHERE chat_id = ?").get(String(resident)) as { mode: string } | undefined)?.mode ?? 'none';
      } finally {
        db.close();
      }
    };
    // Killed the moment the ticket number reaches Telegram: the conversation's new mode is written
    // behind (about 50 ms later), so the store still has it with the bot, or not at all.
    let modeAtKill = '';
    const killed = new Promise<void>((resolve) => {
      api.onSend = (message) => {
        if (message.chatId !== resident || modeAtKill) return;
        bot?.child.kill('SIGKILL');
        modeAtKill = conversationMode();
        resolve();
      };
    });
    api.push(api.text({ id: resident }, '/operator'));
    await killed;
    await bot?.exited;
    api.onSend = undefined;
    const [queued] = api.sentTo(resident);
    const ticketId = stored().tickets.find((t) => Number(t.chat_id) === resident)?.id;
    expect(queued.text).toBe(tr.t('ru', 'escalation.queued', { ticket: String(ticketId) }));

    await start();
    api.push(api.text({ id: resident }, 'у меня нет света'));
    await api.waitFor('the line acknowledged', () => api.sentTo(resident).some((m) => m.text === tr.t('ru', 'escalation.appended', { ticket: String(ticketId) })), 30_000);
    await bot?.stop();
    const { tickets, lines } = stored();
    expect(tickets.filter((t) => Number(t.chat_id) === resident)).toHaveLength(1);
    expect(lines.filter((l) => l.ticket_id === ticketId).map((l) => l.text)).toEqual(['у меня нет света']);
    // What the test is about (the write behind had not happened); a very slow machine could flush
    // first, and then the path above is the ordinary one.
    expect(['none', 'bot', 'operator']).toContain(modeAtKill);
    if (modeAtKill === 'operator') console.warn('kill -9 came after the conversation was written: the restore path was not exercised');
  }, 120_000);
});
