/** Channel states for /healthz: the WhatsApp channel reports its own; the others run or not at all. */
import type { Channel } from '../engine/channel';
import type { ChannelHealth } from './context';

interface WithStatus {
  status(): { state: string };
}

function hasStatus(channel: Channel): channel is Channel & WithStatus {
  return typeof (channel as Partial<WithStatus>).status === 'function';
}

/** Names and states of the channels a process serves (no chat ids, no phone numbers). */
export function channelHealth(channels: readonly Channel[]): ChannelHealth[] {
  return channels.map((c) => ({ name: c.name, status: hasStatus(c) ? c.status().state : 'running' }));
}
