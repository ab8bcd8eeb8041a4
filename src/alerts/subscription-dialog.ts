/**
 * The resident's side of alerts, for the engine: /subscribe offers the topics, a topic choice
 * subscribes at once (the whole region) and then offers the districts; /unsubscribe removes the
 * subscription in one store write, which also skips deliveries still pending for that chat.
 */
import type { Translator } from '../i18n';
import type { Lang } from '../i18n/languages';
import type { Choice, Reply } from '../engine/types';
import { CHOICE } from '../engine/choices';
import type { AlertStore, Conversation } from '../store/types';
import { ALERT_TOPICS, isAlertTopic } from './topics';

export class SubscriptionDialog {
  constructor(
    private readonly store: AlertStore,
    private readonly tr: Translator,
    private readonly districts: readonly string[],
  ) {}

  offerTopics(lang: Lang): Reply[] {
    const choices: Choice[] = ALERT_TOPICS.map((t) => ({ id: CHOICE.alertTopic(t), label: this.tr.t(lang, `topics.${t}`) }));
    return [{ text: this.tr.t(lang, 'alerts.chooseTopic'), choices }];
  }

  async pickTopic(conv: Conversation, lang: Lang, topic: string): Promise<Reply[]> {
    if (!isAlertTopic(topic)) return this.offerTopics(lang);
    const existing = await this.store.getSubscription(conv.channel, conv.chatId);
    const topics = [...new Set([...(existing?.topics ?? []), topic])];
    await this.store.saveSubscription({
      channel: conv.channel,
      chatId: conv.chatId,
      topics,
      lang,
      ...(existing?.district !== undefined ? { district: existing.district } : {}),
    });
    if (this.districts.length === 0) return this.confirm(lang, topics, undefined);
    const choices: Choice[] = this.districts.map((d, i) => ({ id: CHOICE.alertDistrict(i), label: d }));
    choices.push({ id: CHOICE.alertDistrict('all'), label: this.tr.t(lang, 'alerts.wholeRegion') });
    return [{ text: this.tr.t(lang, 'alerts.chooseDistrict', { topic: this.tr.t(lang, `topics.${topic}`) }), choices }];
  }

  async pickDistrict(conv: Conversation, lang: Lang, index: number | 'all'): Promise<Reply[]> {
    const existing = await this.store.getSubscription(conv.channel, conv.chatId);
    if (!existing) return this.offerTopics(lang);
    const district = index === 'all' ? undefined : this.districts[index];
    // An index beyond the list (the list changed since the offer) leaves the district as it was.
    if (index !== 'all' && district === undefined) return this.confirm(lang, existing.topics, existing.district);
    await this.store.saveSubscription({ channel: conv.channel, chatId: conv.chatId, topics: existing.topics, lang, ...(district ? { district } : {}) });
    return this.confirm(lang, existing.topics, district);
  }

  async unsubscribe(conv: Conversation, lang: Lang): Promise<Reply[]> {
    const removed = await this.store.deleteSubscription(conv.channel, conv.chatId);
    return [{ text: this.tr.t(lang, removed ? 'alerts.unsubscribed' : 'alerts.notSubscribed') }];
  }

  /** Keeps the subscription's language in step with the conversation's, so alerts follow /lang. */
  async languageChanged(conv: Conversation, lang: Lang): Promise<void> {
    const existing = await this.store.getSubscription(conv.channel, conv.chatId);
    if (existing && existing.lang !== lang) await this.store.saveSubscription({ ...existing, lang });
  }

  private confirm(lang: Lang, topics: string[], district: string | undefined): Reply[] {
    const names = topics.map((t) => this.tr.t(lang, `topics.${t}`)).join(', ');
    return [{ text: this.tr.t(lang, 'alerts.subscribed', { topics: names, district: district ?? this.tr.t(lang, 'alerts.wholeRegion') }) }];
  }
}
