/** The console's style sheet, served as /assets/console.css (a file, not inline: see security-headers.ts). */
export const CONSOLE_STYLES = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{background:#12355b;color:#fff;padding:.6em 1.2em;display:flex;gap:1.2em;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header .who{margin-left:auto;opacity:.85}
main{padding:1em 1.4em;max-width:1100px}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #d5dae0;padding:.35em .5em;vertical-align:top;text-align:left}
fieldset{border:1px solid #d5dae0;background:#fff;margin:.6em 0;padding:.6em 1em}
label{display:block;margin:.35em 0}textarea{width:100%;min-height:4.5em;font:inherit}
input[type=text],input[type=email],input[type=password],input[type=search]{min-width:18em;font:inherit}
button{font:inherit;padding:.3em .9em;cursor:pointer}
.result{display:block;margin:.4em 0;white-space:pre-wrap}.result.error{color:#b00020}.result.ok{color:#1b6e2a}
.diff .add{background:#e6ffed}.diff .del{background:#ffeef0}.diff{font-family:monospace;white-space:pre-wrap}
.muted{color:#5f6b7a}.row{display:flex;gap:1em;flex-wrap:wrap}.row>*{flex:1 1 20em}
.inline{display:inline}
`;

/**
 * The console's one script, served as /assets/console.js: forms marked `data-api` are sent to the
 * JSON API with the session's CSRF token instead of being posted, so every change goes through the
 * same validated routes as API clients. Field names with dots build nested objects
 * (`entry.answer.ru`); `data-kind` converts a field: `lines` (one list item per line), `date`
 * (datetime-local → ISO with the browser's time zone), `number`, `bool` (checkbox). Empty fields are
 * left out. Results are written with textContent, never as markup.
 */
export const CONSOLE_SCRIPT = String.raw`
'use strict';
const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

function setPath(obj, path, value) {
  const keys = path.split('.');
  let at = obj;
  for (const k of keys.slice(0, -1)) at = at[k] = at[k] || {};
  at[keys[keys.length - 1]] = value;
}

function formBody(form) {
  const body = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === 'file') continue;
    const kind = el.dataset.kind;
    let value;
    if (kind === 'bool') value = el.checked;
    else if (el.value.trim() === '') continue;
    else if (kind === 'lines') value = el.value.split('\n').map((s) => s.trim()).filter(Boolean);
    else if (kind === 'date') value = new Date(el.value).toISOString();
    else if (kind === 'number') value = Number(el.value);
    else value = el.value;
    if (Array.isArray(value) && value.length === 0) continue;
    setPath(body, el.name, value);
  }
  return body;
}

// A body is sent as JSON, or as it is when its content type is given (a file).
async function api(method, url, body, type) {
  const headers = { 'x-csrf-token': csrf() };
  if (body !== undefined) headers['content-type'] = type || 'application/json';
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined || type ? body : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  return { ok: res.ok, status: res.status, data };
}

function show(form, text, ok) {
  let out = form.querySelector('output.result');
  if (!out) { out = document.createElement('output'); out.className = 'result'; form.appendChild(out); }
  out.className = 'result ' + (ok ? 'ok' : 'error');
  out.textContent = text;
}

function describeError(r) {
  const lines = [r.data.error || ('Failed with status ' + r.status)];
  for (const p of r.data.problems || []) lines.push(' - ' + p);
  return lines.join('\n');
}

function renderPreview(form, p) {
  const box = document.getElementById(form.dataset.target);
  box.textContent = '';
  const head = document.createElement('p');
  head.textContent = 'Decision: ' + p.decision + ' (score ' + p.score + ', language ' + p.lang + ')';
  box.appendChild(head);
  if (p.answer) { const a = document.createElement('blockquote'); a.className = 'preview-answer'; a.textContent = p.answer; box.appendChild(a); }
  const list = document.createElement('ol');
  for (const c of p.candidates) { const li = document.createElement('li'); li.textContent = c.id + ' — ' + c.score + ' — ' + c.answer; list.appendChild(li); }
  box.appendChild(list);
}

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
  event.preventDefault();
  const by = event.submitter && event.submitter.dataset.api ? event.submitter.dataset : form.dataset;
  if (by.confirm && !window.confirm(by.confirm)) return;
  const method = (by.method || 'POST').toUpperCase();
  const body = method === 'DELETE' ? undefined : formBody(form);
  const file = form.querySelector('input[type=file]');
  const chosen = file && file.files && file.files[0];
  // A file goes as its raw bytes, so that the server can refuse one that is not UTF-8.
  const r = chosen
    ? await api(method, by.api + '?' + new URLSearchParams({ format: /\.json$/i.test(chosen.name) ? 'json' : 'yaml', replace: String(Boolean(body.replace)) }), chosen, 'application/octet-stream')
    : await api(method, by.api, body);
  if (!r.ok) return show(form, describeError(r), false);
  if (form.dataset.render === 'preview') return renderPreview(form, r.data.preview);
  if (by.next === 'reload') return location.reload();
  if (by.next) return (location.href = by.next.replace('{id}', encodeURIComponent(((r.data.entry || {}).id) || '')));
  show(form, form.dataset.done || 'Saved.', true);
});

// datetime-local fields show an ISO time given by the server in the browser's own time zone.
for (const el of document.querySelectorAll('input[data-iso]')) {
  const d = new Date(el.dataset.iso);
  if (!isNaN(d)) el.value = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
for (const el of document.querySelectorAll('time[datetime]')) {
  const d = new Date(el.getAttribute('datetime'));
  if (!isNaN(d)) el.title = d.toLocaleString();
}

// A live region ([data-live] = an event-stream URL) is re-read from the page when the stream
// reports a change; a burst of events costs one fetch.
const live = document.querySelector('[data-live]');
if (live && window.EventSource) {
  const source = new EventSource(live.dataset.live);
  let due = false;
  const refresh = () => {
    if (due) return;
    due = true;
    setTimeout(async () => {
      due = false;
      const res = await fetch(location.href, { credentials: 'same-origin' });
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.querySelector('[data-live]');
      if (fresh) live.replaceChildren(...fresh.childNodes);
    }, 300);
  };
  for (const kind of ['opened', 'message', 'claimed', 'replied', 'transferred', 'closed', 'overdue']) source.addEventListener(kind, refresh);
}
`;
