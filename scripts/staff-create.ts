/**
 * Creates a staff account for the console (the first admin, typically):
 *
 *   npm run staff:create -- --email ada@example.kz --role admin
 *
 * The password is read from standard input when it is piped (`printf '%s\n' "$PW" | npm run …`), or
 * asked for twice without echo in a terminal. It is stored as a bcrypt hash only.
 *
 * Exit codes: 0 created, 1 refused (account exists, password too short), 2 usage or configuration error.
 */
import os from 'node:os';
import { z } from 'zod';
import { DEFAULT_BCRYPT_COST, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../src/console/passwords';
import { openStore } from '../src/store';
import { STAFF_ROLES, type StaffRole } from '../src/store/types';
import { EXIT_FAILED, EXIT_OK, readCommandLine, readConfig, runScript, usageMistake } from './command-line';

const USAGE = `Usage: npm run staff:create -- --email EMAIL --role admin|editor|operator

Creates a console account in the store the bot uses (DATA_DIR or MONGODB_URI). The password (at
least ${MIN_PASSWORD_LENGTH} characters) is read from standard input when piped, or asked for in the terminal.

Roles: admin (manages staff, and everything else), editor (FAQ), operator (tickets).`;

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of piped standard input. */
async function readPipedLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPipedLine();
  const first = await promptHidden('Password: ');
  const again = await promptHidden('Repeat the password: ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}

async function main(): Promise<number> {
  const line = readCommandLine(USAGE, { options: { email: { type: 'string' }, role: { type: 'string' } } }, 'staff-create');
  if (typeof line === 'number') return line;
  const { values } = line;
  const email = z.email().safeParse(values.email?.trim());
  if (!email.success) {
    return usageMistake(USAGE, '--email must be an e-mail address', 'staff-create');
  }
  const role = values.role as StaffRole | undefined;
  if (!role || !STAFF_ROLES.includes(role)) {
    return usageMistake(USAGE, `--role must be one of ${STAFF_ROLES.join(', ')}`, 'staff-create');
  }
  const config = readConfig('staff-create');
  if (typeof config === 'number') return config;

  let password: string;
  try {
    password = await readPassword();
  } catch (err) {
    console.error(`staff-create: ${(err as Error).message}; nothing was created.`);
    return EXIT_FAILED;
  }
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    const rule = password.length < MIN_PASSWORD_LENGTH ? `at least ${MIN_PASSWORD_LENGTH}` : `at most ${MAX_PASSWORD_LENGTH}`;
    console.error(`staff-create: the password must be ${rule} characters; nothing was created.`);
    return EXIT_FAILED;
  }

  const store = await openStore(config);
  try {
    if (await store.staff.get(email.data)) {
      console.error(`staff-create: an account "${email.data.toLowerCase()}" exists already; change it in the console (Staff).`);
      return EXIT_FAILED;
    }
    const account = await store.staff.create({ email: email.data, role, passwordHash: await hashPassword(password, DEFAULT_BCRYPT_COST) });
    await store.audit.record({ actor: `cli:${os.userInfo().username}`, action: 'staff.create', target: account.email, detail: { role } });
    console.log(`Created ${account.role} account ${account.email} in ${store.description}.`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

runScript('staff-create', main);
