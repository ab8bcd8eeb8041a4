/**
 * Alerts over WhatsApp, through the number's one pipe (the channel's sender): each send takes a
 * slot only when replies leave one free and waits its chat's second, and on top alerts keep their
 * own slow rate (ALERT_WHATSAPP_PER_MINUTE) — an account that sends thousands of identical
 * messages fast is what WhatsApp bans. The alert job is durable per recipient; while the client is
 * not connected the sends report 'retry' and stay pending.
 */
import type { AlertTransport, DeliveryOutcome } from '../../src/alerts/sender';
import { FloodAborted, FloodControl, type FloodOptions } from '../../src/delivery/flood-control';
import type { WhatsAppClient } from './client';

export interface WhatsAppAlertOptions {
  /** The connected client, or undefined while connecting / logged out. */
  client: () => WhatsAppClient | undefined;
  perMinute: number;
  /** The number's pace (`WhatsAppChannel.flood`). */
  pipe: FloodControl;
  /** The alert rate's clock (tests pass a fake one). */
  clock?: Pick<FloodOptions, 'sleep' | 'now'>;
}

const noRetryAfter = (): undefined => undefined;

export function whatsappAlertTransport(options: WhatsAppAlertOptions): AlertTransport {
  const ceiling = new FloodControl({ ...options.clock, globalPerSecond: options.perMinute / 60, maxRetries: 0 });
  return {
    async deliver(chatId, text): Promise<DeliveryOutcome> {
      const client = options.client();
      if (!client) return { status: 'retry', reason: 'WhatsApp is not connected' };
      try {
        await ceiling.run(() => options.pipe.run(() => client.sendMessage(chatId, text), noRetryAfter, chatId, 'low'), noRetryAfter);
        return { status: 'sent' };
      } catch (error) {
        if (error instanceof FloodAborted) return { status: 'retry', reason: 'WhatsApp is not connected' };
        // whatsapp-web.js gives no reliable code for a blocked or unknown number: record the text.
        return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
