/**
 * Server-side HTML without a template engine: the `html` tag escapes every interpolated value
 * unless it is already `SafeHtml` (the result of another `html` call), so a FAQ answer or a
 * resident's question can never inject markup into a staff member's browser.
 */

/** Markup that has been escaped already (or was written by us). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for use in element content and in double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template for markup; values are escaped, arrays joined, null/undefined/false dropped.
 *
 * @example html`<td>${entry.answer.ru}</td>`
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => (out += render(value) + strings[i + 1]));
  return new SafeHtml(out);
}

/**
 * The start of a long text for a list or a card, with an ellipsis when it was cut; the page it
 * links to shows it whole.
 *
 * @example clip(ticket.question, 160)
 */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
