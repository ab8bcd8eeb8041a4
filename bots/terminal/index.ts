/**
 * Terminal chat: talk to the engine from a shell (`npm run chat`). One conversation, rendered
 * the way WhatsApp shows choices: a numbered list, picked by typing the number.
 */
import readline from 'node:readline';
import os from 'node:os';
import type { Channel } from '../../src/engine/channel';
import type { ConversationEngine } from '../../src/engine/engine';
import type { Reply } from '../../src/engine/types';

export interface TerminalChatOptions {
  engine: ConversationEngine;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** The conversation id; one per OS user so that state survives between runs. */
  chatId?: string;
}

/** Renders replies as plain text with numbered choices. Exported for the WhatsApp-style list. */
export function renderPlain(replies: Reply[]): string {
  return replies
    .map((reply) => {
      const lines = [reply.text];
      reply.choices?.forEach((choice, i) => lines.push(`  ${i + 1}. ${choice.label}`));
      return lines.join('\n');
    })
    .join('\n\n');
}

export class TerminalChat implements Channel {
  readonly name = 'terminal';
  private readonly engine: ConversationEngine;
  private readonly input: NodeJS.ReadableStream;
  private readonly output: NodeJS.WritableStream;
  private readonly chatId: string;
  private rl?: readline.Interface;
  private pending: Promise<void> = Promise.resolve();
  /** Resolves when the resident ends the chat (Ctrl+D) or `stop()` is called. */
  readonly closed: Promise<void>;
  private markClosed!: () => void;

  constructor(options: TerminalChatOptions) {
    this.engine = options.engine;
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    this.chatId = options.chatId ?? `local-${os.userInfo().username}`;
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  async start(): Promise<void> {
    this.rl = readline.createInterface({ input: this.input, output: this.output, terminal: false });
    this.write('Helpline bot — type a question, a number to pick a choice, /help for commands, Ctrl+D to quit.\n');
    // Open with the greeting and the topic menu, as a messenger does on first contact.
    this.pending = this.handle('/start');
    this.rl.on('line', (line) => {
      // Lines are handled one after another, like messages in one chat.
      this.pending = this.pending.then(() => this.handle(line));
    });
    this.rl.on('close', () => {
      void this.pending.then(() => this.markClosed());
    });
  }

  async stop(): Promise<void> {
    this.rl?.close();
    await this.pending;
    this.markClosed();
  }

  async send(_chatId: string, replies: Reply[]): Promise<void> {
    this.write(`\n${indent(renderPlain(replies))}\n`);
    this.prompt();
  }

  private async handle(line: string): Promise<void> {
    try {
      const result = await this.engine.handle({ channel: this.name, chatId: this.chatId, kind: 'text', text: line });
      if (result.replies.length > 0) this.write(`${indent(renderPlain(result.replies))}\n`);
    } catch (error) {
      this.write(`  (something went wrong: ${(error as Error).message})\n`);
    }
    this.prompt();
  }

  private prompt(): void {
    this.write('you › ');
  }

  private write(text: string): void {
    this.output.write(text);
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? `bot › ${line}` : line ? `      ${line}` : ''))
    .join('\n');
}
