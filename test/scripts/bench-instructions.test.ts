/** `npm run bench:instructions`: its options, how it reads valgrind's count, and its parts that run without valgrind. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  compilingInstructions,
  INSTRUCTIONS_USAGE,
  InstructionsOptionsError,
  instructionsCounted,
  readInstructionsOptions,
} from '../../scripts/bench-instructions';
import { runTs } from '../support/run-ts';

describe('npm run bench:instructions', () => {
  it('counts 8,000 messages by default, or as many as asked', () => {
    expect(readInstructionsOptions([])).toEqual({ help: false, messages: 8000, workload: false });
    expect(readInstructionsOptions(['--messages', '800'])).toEqual({ help: false, messages: 800, workload: false });
    expect(readInstructionsOptions(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--messages', '100'], '--messages takes a whole number of at least 500, not "100"'],
    [['--messages', '1e4'], '--messages takes a whole number of at least 500, not "1e4"'],
    [['--workload', 'some'], '--workload takes a whole number of messages, not "some"'],
  ])('refuses %j, saying which option and why', (argv, message) => {
    expect(() => readInstructionsOptions(argv)).toThrow(new InstructionsOptionsError(message));
  });

  it('refuses an option it does not know', () => {
    expect(() => readInstructionsOptions(['--mesages', '800'])).toThrow(/--mesages/);
  });

  it('reads the count callgrind prints when the program ends, and nothing from other output', () => {
    const end = ['==4242== ', '==4242== Events    : Ir', '==4242== Collected : 15620946759', '==4242== ', '==4242== I   refs:      15,620,946,759', ''].join('\n');
    expect(instructionsCounted(end)).toBe(15_620_946_759);
    expect(instructionsCounted('==4242== Process terminating with default action of signal 11 (SIGSEGV)')).toBeUndefined();
  });

  it("reads the optimising compiler's part from callgrind_annotate's inclusive counts, its two entries summed", () => {
    const annotated = [
      '--------------------------------------------------------------------------------',
      '20,753,197,870 (100.0%)  PROGRAM TOTALS',
      '59,697,259,348 (287.7%)  ???:Builtins_CompileLazy\'2 [/usr/bin/node]',
      ' 8,349,753,570 (40.23%)  ???:v8::internal::compiler::PipelineCompilationJob::ExecuteJobImpl(v8::internal::RuntimeCallStats*) [/usr/bin/node]',
      ' 8,006,379,792 (38.58%)  ???:v8::internal::Runtime_CompileOptimized(int, unsigned long*, v8::internal::Isolate*) [/usr/bin/node]',
      '   379,808,583 ( 1.83%)  ???:v8::internal::Runtime_CompileOptimizedOSR(int, unsigned long*, v8::internal::Isolate*) [/usr/bin/node]',
      '    12,000,000 ( 0.06%)  ???:v8::internal::Runtime_CompileOptimized\'2 [/usr/bin/node]',
      '   190,195,731 ( 0.92%)  ???:v8::internal::Runtime_CompileLazy(int, unsigned long*, v8::internal::Isolate*) [/usr/bin/node]',
    ].join('\n');
    expect(compilingInstructions(annotated)).toBe(8_006_379_792 + 379_808_583);
    expect(compilingInstructions('20,753,197,870 (100.0%)  PROGRAM TOTALS\n')).toBeUndefined();
  });

  it('answers the warm-up and the messages asked for when run as its own workload, printing nothing', async () => {
    const run = await runTs('scripts/bench-instructions.ts', ['--workload', '20'], { LOG_LEVEL: 'silent' });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('says valgrind is missing, and how to install it, where it is not on the PATH', async () => {
    // A PATH with Node alone (tsx is started through it), wherever valgrind is installed.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'node-only-'));
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    try {
      const run = await runTs('scripts/bench-instructions.ts', ['--messages', '500'], { LOG_LEVEL: 'silent', PATH: bin });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('valgrind is not installed here (Debian: apt-get install -y valgrind)');
      expect(run.stdout).toBe('');
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it('stops with the usage and exit code 2 when an option is wrong', async () => {
    const run = await runTs('scripts/bench-instructions.ts', ['--messages', 'many'], { LOG_LEVEL: 'silent' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bench:instructions: --messages takes a whole number of at least 500, not "many"');
    expect(run.stderr).toContain(INSTRUCTIONS_USAGE);
  });
});
