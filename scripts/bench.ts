/**
 * npm run bench — speed and memory figures of the engine (targets live here, never in tests).
 *
 * For the demo FAQ (the evaluation FAQ's content) and for a generated 10,000-entry FAQ: engine
 * messages per second on one core, p50/p99 latency per message, matcher index build time; and heap
 * used per 10,000 active conversations; the staff console's /healthz latency during 30 parallel
 * logins and a large import. State goes to a SQLite file in a temporary folder, as in production.
 * The last line is one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { alertFanout } from './bench-alerts';
import { consoleLoad } from './bench-console';
import { readFaqFile } from '../src/faq/file';
import type { FaqEntryInput } from '../src/faq/types';
import { LANGS } from '../src/i18n/languages';
import { createOfflineEngine } from '../src/quality/offline-engine';

const DEMO_FAQ = path.resolve(__dirname, '../src/faq/demo-faq.yaml');
const { values: args } = parseArgs({
  options: { messages: { type: 'string', default: '20000' }, 'alert-subscribers': { type: 'string', default: '100000' } },
});
/** Messages sent per measurement (`npm run bench -- --messages 5000` for a quicker run). */
const MESSAGES = Math.max(1000, Number(args.messages) || 20_000);
const CONVERSATIONS = 10_000;

interface Figures {
  entries: number;
  msgs_per_s: number;
  p50_ms: number;
  p99_ms: number;
  index_build_ms: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run sends the same messages. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Questions residents might type: FAQ questions lowercased, cut short, with a typo, or unrelated. */
function queries(entries: readonly FaqEntryInput[], count: number, rnd: () => number): string[] {
  const variants = entries.flatMap((e) => LANGS.flatMap((l) => e.questions[l] ?? []));
  const noise = ['здравствуйте', 'подскажите пожалуйста', 'сәлеметсіз бе', 'hello', ''];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let q = variants[Math.floor(rnd() * variants.length)].toLowerCase();
    const words = q.split(' ');
    if (rnd() < 0.3 && words.length > 3) q = words.slice(0, words.length - 1).join(' ');
    if (rnd() < 0.3) {
      const at = 1 + Math.floor(rnd() * (q.length - 2));
      q = q.slice(0, at) + q.slice(at + 1);
    }
    if (rnd() < 0.3) q = `${noise[Math.floor(rnd() * noise.length)]} ${q}`;
    if (rnd() < 0.1) q = `вопрос номер ${i} про что-то совсем другое`;
    out.push(q);
  }
  return out;
}

/** A large FAQ: the demo entries recombined with districts and services into new entries. */
function generateFaq(base: readonly FaqEntryInput[], size: number, rnd: () => number): FaqEntryInput[] {
  const places = ['Павлодар', 'Экибастуз', 'Аксу', 'Баянаул', 'Железинка', 'Иртышск', 'Майкаин', 'Шарбакты', 'Успенка', 'Лебяжье'];
  const extras = ['справка', 'заявление', 'льгота', 'субсидия', 'очередь', 'талон', 'запись', 'документ', 'пособие', 'тариф', 'лицензия', 'разрешение'];
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const entries: FaqEntryInput[] = [];
  for (let i = 0; i < size; i++) {
    const source = base[i % base.length];
    const tag = `${pick(extras)} ${pick(places)} ${i}`;
    const questions = Object.fromEntries(LANGS.map((l) => [l, (source.questions[l] ?? []).map((q) => `${q} ${tag}`)]));
    const answer = Object.fromEntries(LANGS.map((l) => [l, `${source.answer[l] ?? source.answer.ru ?? ''} (${tag})`]));
    entries.push({ id: `gen-${i}`, topic: source.topic, questions, answer });
  }
  return entries;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

async function measure(label: string, entries: FaqEntryInput[], messages: number): Promise<Figures> {
  // A real database file (WAL, fsync on commit), as in production: the figures include its cost.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpline-bench-'));
  const { engine, store, indexBuildMs } = createOfflineEngine(entries, { storeLocation: dir });
  const texts = queries(entries, messages, random(7));
  // Warm-up: let the JIT settle so the figures describe steady state.
  for (let i = 0; i < 500; i++) await engine.handle({ channel: 'bench', chatId: `w${i % 50}`, kind: 'text', text: texts[i] });
  const latencies = new Float64Array(messages);
  const started = process.hrtime.bigint();
  for (let i = 0; i < messages; i++) {
    const t0 = process.hrtime.bigint();
    // A new conversation per message: the first message of a resident is the common case, and
    // conversations escalated earlier would otherwise turn later messages into ticket appends.
    await engine.handle({ channel: 'bench', chatId: `c${i}`, kind: 'text', text: texts[i] });
    latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    if (process.stderr.isTTY && i % 2000 === 0) process.stderr.write(`\r  ${label}: ${i}/${messages}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (process.stderr.isTTY) process.stderr.write('\r');
  await engine.drain();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  latencies.sort();
  return {
    entries: entries.length,
    msgs_per_s: Math.round(messages / seconds),
    p50_ms: round(percentile(latencies, 0.5)),
    p99_ms: round(percentile(latencies, 0.99)),
    index_build_ms: round(indexBuildMs, 1),
  };
}

function collectGarbage(): void {
  v8.setFlagsFromString('--expose_gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** Heap held by the engine for 10,000 conversations that each sent a message. */
async function heapPer10k(entries: FaqEntryInput[]): Promise<number> {
  const { engine, store } = createOfflineEngine(entries);
  await engine.handle({ channel: 'bench', chatId: 'warm', kind: 'text', text: 'привет' });
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < CONVERSATIONS; i++) {
    await engine.handle({ channel: 'bench', chatId: `m${i}`, kind: 'text', text: 'когда работают банки' });
  }
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  await engine.drain();
  await store.close();
  return round(((after - before) / 1024 / 1024) * (10_000 / CONVERSATIONS), 2);
}

async function main(): Promise<void> {
  const demo = await readFaqFile(DEMO_FAQ);
  const evalFigures = await measure('eval FAQ', demo, MESSAGES);
  const large = generateFaq(demo, 10_000, random(11));
  const largeFigures = await measure('10,000 entries', large, Math.min(MESSAGES, 5_000));
  const heap = await heapPer10k(demo);
  // `npm run bench -- --alert-subscribers 10000` for a quicker run.
  const alerts = await alertFanout(Math.max(100, Number(args['alert-subscribers']) || 100_000), 25);
  const console_ = await consoleLoad(30, demo);

  const row = (name: string, f: Figures) =>
    `${name.padEnd(16)} ${String(f.entries).padStart(7)} ${String(f.msgs_per_s).padStart(10)} ${String(f.p50_ms).padStart(8)} ${String(f.p99_ms).padStart(8)} ${String(f.index_build_ms).padStart(14)}`;
  console.log(`${'FAQ'.padEnd(16)} ${'entries'.padStart(7)} ${'msgs/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'index build ms'.padStart(14)}`);
  console.log(row('eval (demo)', evalFigures));
  console.log(row('generated', largeFigures));
  console.log(`heap per 10,000 active conversations: ${heap} MB`);
  console.log('targets: eval ≥ 5,000 msgs/s and p99 ≤ 2 ms; 10,000 entries ≥ 1,000 msgs/s');
  console.log(
    `alert fan-out to ${alerts.subscribers} subscribers: unthrottled ${alerts.unthrottled_s} s (${alerts.unthrottled_msgs_per_s} msgs/s, peak RSS ${alerts.peak_rss_mb} MB); ` +
      `at ${alerts.limit_per_s}/s measured ${alerts.limit_measured_msgs_per_s} msgs/s, so about ${alerts.limit_projected_s} s`,
  );
  console.log(
    `console: /healthz p50 ${console_.healthz_p50_ms} ms, p99 ${console_.healthz_p99_ms} ms, max ${console_.healthz_max_ms} ms during ${console_.logins} parallel logins (${console_.logins_s} s) ` +
      `and a ${console_.import_mb} MB import (${console_.import_s} s); target: p99 < 50 ms`,
  );
  console.log(JSON.stringify({ eval: evalFigures, large: largeFigures, heap_mb_per_10k_conversations: heap, alert_fanout: alerts, console: console_ }));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
