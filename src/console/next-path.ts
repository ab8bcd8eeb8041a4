/**
 * Where the browser goes after logging in (`/login?next=…`): only a path on the console itself.
 * Browsers are lenient with URLs — they drop tabs and newlines anywhere, trim spaces and control
 * characters at the ends and read `\` as `/` — so `/\t/evil.example/` becomes `//evil.example/`, another
 * site. The path is therefore checked after decoding (repeatedly, to see through `%25` layers) and
 * resolved the way a browser would; anything doubtful falls back to the console's home.
 */

/** The console's home page: the dashboard. */
export const CONSOLE_HOME = '/';

/** Any character a browser would drop or reinterpret in a URL: C0 and C1 controls, DEL, backslash. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const DOUBTFUL = /[\u0000-\u001f\u007f-\u009f\\]/;
const BASE = 'http://console.invalid';
const MAX_DECODING_ROUNDS = 5;

/** `text` percent-decoded until nothing changes; undefined when malformed or nested too deep. */
function fullyDecoded(text: string): string | undefined {
  let current = text;
  for (let round = 0; round < MAX_DECODING_ROUNDS; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}

/**
 * `next` as a same-origin path (with its query and fragment), or the console's home.
 *
 * @example safeNext('/faq/curfew-time') // '/faq/curfew-time'
 * @example safeNext('/%09/evil.example/') // '/'
 */
export function safeNext(next: string | undefined): string {
  if (!next) return CONSOLE_HOME;
  const decoded = fullyDecoded(next);
  if (decoded === undefined || DOUBTFUL.test(decoded) || decoded.trim() !== decoded) return CONSOLE_HOME;
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return CONSOLE_HOME;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return CONSOLE_HOME;
  }
  if (url.origin !== BASE) return CONSOLE_HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
