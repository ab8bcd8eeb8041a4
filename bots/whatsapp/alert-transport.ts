/**
 * Alerts over WhatsApp: straight to the channel's connected client, at a slow configurable rate
 * (ALERT_WHATSAPP_PER_MINUTE) — an account that sends thousands of identical messages fast is
 * what WhatsApp bans. Alerts bypass the reply outbox because the alert job is already durable
 * per recipient; while the client is not connected the sends report 'retry' and stay pending.
 */
import type { AlertTransport, DeliveryOutcome } from '../../src/alerts/sender';
import { FloodControl } from '../shared/flood';
import type { WhatsAppClient } from './client';

export interface WhatsAppAlertOptions {
  /** The connected client, or undefined while connecting / logged out. */
  client: () => WhatsAppClient | undefined;
  perMinute: number;
  /** Tests pass a fake clock. */
  flood?: { sleep?: (ms: number) => Promise<void>; now?: () => number };
}

const noRetryAfter = () => undefined;

export function whatsappAlertTransport(options: WhatsAppAlertOptions): AlertTransport {
  const flood = new FloodControl({ ...options.flood, globalPerSecond: options.perMinute / 60, maxRetries: 0 });
  return {
    async deliver(chatId, text): Promise<DeliveryOutcome> {
      const client = options.client();
      if (!client) return { status: 'retry', reason: 'WhatsApp is not connected' };
      try {
        await flood.run(() => client.sendMessage(chatId, text), noRetryAfter);
        return { status: 'sent' };
      } catch (error) {
        // whatsapp-web.js gives no reliable code for a blocked or unknown number: record the text.
        return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
