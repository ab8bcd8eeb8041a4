/** A logger whose JSON lines a test can read. */
import type { DestinationStream } from 'pino';
import { createLogger, type Logger } from '../../src/logging';

export class LogLines {
  readonly lines: string[] = [];
  readonly logger: Logger;
  constructor() {
    const sink: DestinationStream = { write: (line) => void this.lines.push(line) };
    this.logger = createLogger('debug', sink);
  }
  get text(): string {
    return this.lines.join('');
  }
  /** Parsed lines at or above `level` (pino numbers: 40 warn, 50 error). */
  atLeast(level: number): { msg: string; level: number }[] {
    return this.lines.map((l) => JSON.parse(l) as { msg: string; level: number }).filter((l) => l.level >= level);
  }
}
