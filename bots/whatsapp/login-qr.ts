/**
 * Shows the login QR: small in the terminal (scan it from the phone: WhatsApp → Linked devices →
 * Link a device) and as a PNG in the data folder for when the terminal is a log viewer.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import QRCode from 'qrcode';
import qrcodeTerminal from 'qrcode-terminal';

export const QR_FILE = 'whatsapp-qr.png';

export function qrFilePath(dataDir: string): string {
  return path.join(dataDir, QR_FILE);
}

/** Prints the QR to `output` and writes the PNG; resolves with the PNG's path. */
export async function showLoginQr(qr: string, dataDir: string, output: NodeJS.WritableStream): Promise<string> {
  qrcodeTerminal.generate(qr, { small: true }, (text) => output.write(`${text}\n`));
  const file = qrFilePath(dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  await QRCode.toFile(file, qr, { type: 'png', width: 320, margin: 2 });
  return file;
}

/**
 * Removes the PNG once the number is linked: a stale QR is useless, and a fresh one left lying
 * around would let whoever scans it link their own phone to the bot.
 */
export async function removeLoginQr(dataDir: string): Promise<void> {
  await fs.rm(qrFilePath(dataDir), { force: true });
}
