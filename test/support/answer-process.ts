/**
 * A second bot process for the propagation test: assembles the app from the environment (the same
 * DATA_DIR as the test), prints "ready", then answers each line of standard input as a resident's
 * first message in a new chat and prints the bot's first reply as one JSON line.
 */
import readline from 'node:readline';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';

async function main(): Promise<void> {
  const app = await createApp(loadConfig());
  let chat = 0;
  const lines = readline.createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const text of lines) {
    const result = await app.engine.handle({ channel: 'probe', chatId: String(++chat), kind: 'text', text, langHint: 'en' });
    process.stdout.write(`${JSON.stringify({ text: result.replies[0]?.text ?? '' })}\n`);
  }
  await app.close();
}

void main();
