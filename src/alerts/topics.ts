/** The alert topics a resident can subscribe to; their labels are the menu's `topics.*` texts. */
export const ALERT_TOPICS = ['curfew', 'office-hours', 'internet', 'loans', 'utilities', 'transport', 'safety'] as const;

export type AlertTopic = (typeof ALERT_TOPICS)[number];

export function isAlertTopic(value: string): value is AlertTopic {
  return (ALERT_TOPICS as readonly string[]).includes(value);
}

/** ALERT_DISTRICTS when it is not set. */
export const DEFAULT_DISTRICTS: readonly string[] = ['Pavlodar', 'Ekibastuz', 'Aksu'];
