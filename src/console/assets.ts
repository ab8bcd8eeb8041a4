/**
 * The console's style sheet and script, served as /assets/console.css and /assets/console.js (files,
 * not inline: see security-headers.ts). Plain CSS and plain browser JavaScript: nothing to build.
 */

/**
 * The style sheet. Wide screens get tables; below 700 px every `table.cards` becomes a stack of
 * cards (each cell shows its column's name), the navigation one scrollable row, forms one column.
 */
export const CONSOLE_STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
a{color:#0b5cad}
header{background:#12355b;color:#fff}
header a{color:#fff;text-decoration:none}
header .bar{display:flex;gap:.6em 1em;align-items:center;justify-content:space-between;flex-wrap:wrap;padding:.45em 1em}
header .brand{font-weight:700;white-space:nowrap}
header .me{display:flex;gap:.5em;align-items:center;min-width:0;flex-wrap:wrap}
header .who{opacity:.85;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:16em}
header .role{font-size:.8em;background:rgba(255,255,255,.15);border-radius:.6em;padding:0 .5em}
header select{font:inherit;font-size:.85em;padding:.1em .2em;min-width:0;width:auto}
header form{margin:0}
header button.link{background:none;border:1px solid rgba(255,255,255,.5);color:#fff;border-radius:4px;padding:.15em .6em}
nav.main{display:flex;gap:.2em;overflow-x:auto;padding:0 .6em;background:#0e2b4a;scrollbar-width:thin}
nav.main a{padding:.45em .7em;white-space:nowrap;border-bottom:3px solid transparent}
nav.main a[aria-current]{border-bottom-color:#8fc1ff;font-weight:600}
nav.langs{display:flex;gap:.8em}
nav.langs a[aria-current]{text-decoration:underline;font-weight:600}
main{padding:1em 1.2em;max-width:1100px}
h1{font-size:1.5em;margin:.2em 0 .6em}h2{font-size:1.2em;margin:1.2em 0 .5em}h3{font-size:1em;margin:1em 0 .4em}
footer{padding:1em 1.2em;font-size:.85em}
.muted{color:#5f6b7a}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.notice{background:#e7f6ea;border-left:4px solid #1b6e2a;padding:.5em .8em;margin:0 0 1em}
.note{background:#fff8e1;border-left:4px solid #c58a00;padding:.5em .8em}
.warning{background:#fff1f0;border-left:4px solid #b00020;padding:.5em .8em;margin:.4em 0}
table{border-collapse:collapse;width:100%;background:#fff}
td,th{border:1px solid #d5dae0;padding:.4em .55em;vertical-align:top;text-align:left}
th{background:#eef1f5;font-weight:600}
td,.question,.email,.answer,blockquote,.chat .text,dd{overflow-wrap:anywhere}
fieldset{border:1px solid #d5dae0;background:#fff;margin:.8em 0;padding:.6em 1em;min-width:0}
legend{font-weight:600;padding:0 .3em}
label{display:block;margin:.4em 0}
label.check,label.toggle{display:inline-flex;gap:.35em;align-items:center;margin:.2em 1em .2em 0}
textarea{width:100%;min-height:4.5em;font:inherit}
input,select,textarea{max-width:100%;font:inherit}
input[type=text],input[type=email],input[type=password],input[type=search],input[type=datetime-local],select{padding:.25em .35em;min-width:14em}
button,.button{font:inherit;padding:.35em .9em;cursor:pointer;border:1px solid #9aa5b1;border-radius:4px;background:#fff;color:#1b1f24;text-decoration:none;display:inline-block}
button.primary,.button.primary{background:#0b5cad;border-color:#0b5cad;color:#fff}
button.danger{background:#fff;border-color:#b00020;color:#b00020}
button[disabled]{opacity:.6;cursor:wait}
.result{display:block;margin:.4em 0;white-space:pre-wrap}.result.error{color:#b00020}.result.ok{color:#1b6e2a}
.row{display:flex;gap:0 1em;flex-wrap:wrap}.row>*{flex:1 1 16em;min-width:0}
.row-line{display:flex;gap:.5em 1.2em;flex-wrap:wrap;align-items:center}
.inline{display:inline}
.filters{display:flex;gap:0 1em;flex-wrap:wrap;align-items:flex-end;background:#fff;border:1px solid #d5dae0;padding:.4em .8em;margin-bottom:.8em}
.filters label{margin:.3em 0;display:flex;flex-direction:column;gap:.15em}
.filters input,.filters select{min-width:9em}
.pager{display:flex;gap:1em;align-items:center;justify-content:center;margin:1em 0}
.badge{display:inline-block;border-radius:.7em;padding:0 .55em;font-size:.85em;background:#e4e8ee;white-space:nowrap}
.badge.status-queued{background:#fff3cd}.badge.status-assigned{background:#dbeafe}.badge.status-waiting{background:#e0f2f1}.badge.status-closed{background:#eceff1}
.badge.overdue,.badge.down,.badge.urgent{background:#b00020;color:#fff}.badge.ok{background:#d8f0dc}
.badge.alert-sending{background:#dbeafe}.badge.alert-scheduled{background:#fff3cd}.badge.alert-cancelled{background:#eceff1}.badge.alert-done{background:#d8f0dc}
tr.overdue td,tr.urgent td{background:#fff1f0}tr.overdue td:first-child{box-shadow:inset 4px 0 #b00020}tr.urgent td:first-child{box-shadow:inset 8px 0 #b00020}
.overdue-text{color:#b00020}
tr.attention td{background:#fff8e1}tr.attention td:first-child{box-shadow:inset 4px 0 #c58a00}
.facts{display:flex;flex-wrap:wrap;gap:.3em 1em;align-items:center}
blockquote{margin:.6em 0;padding:.6em .9em;background:#fff;border-left:4px solid #0b5cad}
.chat{list-style:none;padding:0;margin:0;display:flex;flex-direction:column;gap:.4em}
.chat li{max-width:85%;background:#fff;border:1px solid #d5dae0;border-radius:8px;padding:.35em .6em}
.chat li.from-operator{align-self:flex-end;background:#e8f1fb}
.chat li.from-bot{background:#f1f3f5}
.chat .who{display:block;font-size:.8em;color:#5f6b7a}
.chat .text{white-space:pre-wrap}
.actions form{margin:.7em 0}
.canned-reply{border-top:1px solid #e4e8ee;padding-top:.4em}
.canned-reply p{margin:.2em 0 .4em;white-space:pre-wrap}
details{margin:.8em 0}summary{cursor:pointer;font-weight:600}
.words{white-space:pre-wrap;background:#fff;border:1px solid #d5dae0;padding:.6em .8em}
ins{background:#d8f5dd;text-decoration:underline}del{background:#ffe0e3}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5em,1fr));gap:.6em}
.tile{background:#fff;border:1px solid #d5dae0;border-radius:6px;padding:.5em .7em;display:flex;flex-direction:column}
.tile .label{font-size:.85em;color:#5f6b7a}.tile .value{font-size:1.6em;font-weight:700}.tile .sub{font-size:.8em;color:#5f6b7a}
.tile.alarm{border-color:#b00020;background:#fff1f0}.tile.alarm .value{color:#b00020}
.tile.warn{border-color:#c58a00;background:#fff8e1}
.panel{background:#fff;border:1px solid #d5dae0;border-radius:6px;padding:.4em .9em .8em;margin:.8em 0;min-width:0}
.panel h2{margin-top:.4em}
.panel .tiles .tile{background:#f9fafb}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(20em,1fr));gap:0 1em}
.ranges{display:flex;gap:.4em 1em;flex-wrap:wrap;align-items:center}
.ranges a[aria-current]{font-weight:700;text-decoration:none;color:#1b1f24}
.ranges .csv{margin-left:auto}
.chart-box{margin:.8em 0 .4em;padding-left:2.4em}
.chart-box .plot{position:relative;height:10em}
.chart-box .y{position:absolute;left:-3.2em;width:3em;padding-right:.3em;font-size:.75em;color:#5f6b7a;line-height:1;text-align:right;transform:translateY(-50%)}
.chart-box .y.max{top:0}.chart-box .y.mid{top:50%}
svg.chart{display:block;width:100%;height:100%}
svg .grid{stroke:#e4e8ee;stroke-width:1}
.chart-box .x{display:flex;font-size:.75em;color:#5f6b7a}
.chart-box .x span{flex:1 1 0;text-align:left;white-space:nowrap;overflow:visible;min-width:0}
svg .bar.messages{fill:#9db7d5}svg .bar.escalations{fill:#c0392b}
svg.meter{width:100%;height:.7em}svg .track{fill:#eef1f5}svg .fill{fill:#5b8fc7}
svg.stacked{display:block;width:100%;height:1.1em;margin:.4em 0;border-radius:3px}
svg .s-answered,.key.s-answered{fill:#2e8b57;background:#2e8b57}svg .s-suggested,.key.s-suggested{fill:#e0a800;background:#e0a800}svg .s-escalated,.key.s-escalated{fill:#c0392b;background:#c0392b}
svg .r-sent{fill:#2e8b57}svg .r-failed{fill:#c0392b}svg .r-blocked{fill:#7f8c8d}svg .r-skipped{fill:#bdc3c7}svg .r-pending{fill:#dbeafe}
.key{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em}.key.messages{background:#9db7d5}.key.escalations{background:#c0392b}
.legend{font-size:.9em}
ol.bars{list-style:none;padding:0;margin:.4em 0}
ol.bars li{display:grid;grid-template-columns:minmax(0,1.3fr) minmax(3em,1fr) 2.5em;gap:.6em;align-items:center;padding:.15em 0}
ol.bars .label{overflow-wrap:anywhere}ol.bars .value{text-align:right;font-weight:600}
.stars{color:#c58a00;letter-spacing:.05em}
.channel-list{list-style:none;padding:0}.channel-list li{margin:.3em 0}
.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%}.dot.ok{background:#2e8b57}.dot.down{background:#b00020}
.card{background:#fff;border:1px solid #d5dae0;border-radius:6px;padding:.5em .9em;margin:.7em 0}
.card header{background:none;color:inherit;display:flex;gap:.5em;flex-wrap:wrap;align-items:center}
.card p{margin:.3em 0}
.checks{display:flex;flex-wrap:wrap}
p.label{margin:.5em 0 .1em;font-weight:600}
.alert-preview{border:2px solid #0b5cad;border-radius:6px;padding:.5em .9em;margin:.8em 0;background:#f3f8fe}
.alert-preview .lang-preview{white-space:pre-wrap;background:#fff;border:1px solid #d5dae0;padding:.4em .6em}
dl.detail{margin:0;display:grid;grid-template-columns:auto 1fr;gap:0 .6em;font-size:.9em}dl.detail dt{color:#5f6b7a}dl.detail dd{margin:0}
.empty{padding:.6em 0}
@media (max-width:700px){
  main{padding:.7em .75em}
  header .bar{padding:.4em .75em}
  header .bar{flex-wrap:nowrap}
  header .who{display:none}
  nav.main{padding:0 .3em}
  input[type=text],input[type=email],input[type=password],input[type=search],input[type=datetime-local],select{min-width:0;width:100%}
  .filters input,.filters select{min-width:0}
  .filters label{flex:1 1 9em}
  table.cards,table.cards tbody{display:block;background:none}
  table.cards thead{display:none}
  table.cards tr{display:block;background:#fff;border:1px solid #d5dae0;border-radius:6px;margin:0 0 .7em;padding:.3em .6em}
  table.cards td{display:grid;grid-template-columns:6.5em minmax(0,1fr);gap:.6em;border:none;padding:.25em 0}
  table.cards td::before{content:attr(data-label);color:#5f6b7a;font-size:.85em}
  table.cards td[data-label=""]{display:block}
  table.cards td.empty{display:none}
  table.cards td[data-label=""]::before{display:none}
  tr.overdue{border-color:#b00020!important;box-shadow:inset 4px 0 #b00020}
  tr.urgent{border-color:#b00020!important;border-width:2px!important;box-shadow:inset 8px 0 #b00020}
  tr.overdue td:first-child,tr.urgent td:first-child{box-shadow:none}
  tr.attention{border-color:#c58a00!important;box-shadow:inset 4px 0 #c58a00}
  tr.attention td{background:none}tr.attention td:first-child{box-shadow:none}
  .chat li{max-width:100%}
  .ranges .csv{margin-left:0}
}
`;

/**
 * The console's one script. Forms marked `data-api` are sent to the JSON API with the session's
 * CSRF token instead of being posted, so every change goes through the same validated routes as
 * API clients. Field names with dots build nested objects (`entry.answer.ru`); `data-kind` converts
 * a field: `lines` (one list item per line), `date` (a datetime-local read in the operators' UTC
 * offset → ISO), `number`, `bool` (checkbox), `list` (checked boxes of one name → array). Empty
 * fields are left out. Every result is said: on the form, or after the reload in the page's notice.
 * Texts come from the page (`data-texts`, in the staff member's language) and are written with
 * textContent, never as markup.
 */
export const CONSOLE_SCRIPT = String.raw`
'use strict';
const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
const offsetMinutes = Number((document.querySelector('meta[name="utc-offset"]') || {}).content || 0);
const texts = JSON.parse(document.body.dataset.texts || '{}');
const FLASH = 'console-flash';

/** A text of the page with {{name}} filled from vars. */
function say(key, vars) {
  return String(texts[key] || key).replace(/\{\{(\w+)\}\}/g, (_, k) => (vars && vars[k] !== undefined ? String(vars[k]) : ''));
}

function setPath(obj, path, value) {
  const keys = path.split('.');
  let at = obj;
  for (const k of keys.slice(0, -1)) at = at[k] = at[k] || {};
  at[keys[keys.length - 1]] = value;
}

/** A datetime-local value ("2026-01-17T17:05") read as the operators' local time. */
function localToIso(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return value;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) - offsetMinutes * 60000).toISOString();
}

function formBody(form) {
  const body = {};
  const lists = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === 'file') continue;
    const kind = el.dataset.kind;
    if (kind === 'list') {
      lists[el.name] = lists[el.name] || [];
      if (el.checked) lists[el.name].push(el.value);
      continue;
    }
    let value;
    if (kind === 'bool') value = el.checked;
    else if (el.value.trim() === '') continue;
    else if (kind === 'lines') value = el.value.split('\n').map((s) => s.trim()).filter(Boolean);
    else if (kind === 'date') value = localToIso(el.value);
    else if (kind === 'number') value = Number(el.value);
    else value = el.value;
    if (Array.isArray(value) && value.length === 0) continue;
    setPath(body, el.name, value);
  }
  for (const [name, values] of Object.entries(lists)) setPath(body, name, values);
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
  const lines = [r.data.message || r.data.error || say('failed', { status: r.status })];
  for (const p of r.data.problems || []) lines.push(' - ' + p);
  return lines.join('\n');
}

/** A message to show on the next page (after a reload or a move). */
function flash(text) {
  try { sessionStorage.setItem(FLASH, text); } catch (e) { /* private mode: no message */ }
}
{
  let pending = null;
  try { pending = sessionStorage.getItem(FLASH); sessionStorage.removeItem(FLASH); } catch (e) { /* none */ }
  const notice = document.querySelector('.notice');
  if (pending && notice) { notice.textContent = pending; notice.hidden = false; }
}

/** What the API answered, put into a form's "done" text: {id}, {version}. */
function doneText(text, data) {
  const entry = data.entry || {};
  return String(text || say('saved')).replace('{id}', entry.id || '').replace('{version}', entry.version || '');
}

// A form that says what it did (data-done) says it after the reload or on the next page too.
function finish(form, by, r) {
  const said = by.done || form.dataset.done;
  const done = doneText(said, r.data);
  if (by.next && said) flash(done);
  if (by.next === 'reload') return location.reload();
  if (by.next) return (location.href = by.next.replace('{id}', encodeURIComponent((r.data.entry || {}).id || '')));
  show(form, done, true);
}

function renderPreview(form, p) {
  const box = document.getElementById(form.dataset.target);
  box.textContent = '';
  const head = document.createElement('p');
  const offering = p.decision === 'escalate' && p.suggested.length > 0;
  const decision = offering ? say('decision.escalateOffering', { ids: p.suggested.join(', ') }) : say('decision.' + p.decision);
  head.textContent = say('previewDecision', { decision, score: p.score, lang: p.lang });
  box.appendChild(head);
  if (p.taught.length > 0) { const why = document.createElement('p'); why.className = 'note'; why.textContent = say('previewTaught', { ids: p.taught.join(', ') }); box.appendChild(why); }
  if (p.unknownWords.length > 0) { const words = document.createElement('p'); words.className = 'note preview-unknown'; words.textContent = say('previewUnknown', { words: p.unknownWords.join(', ') }); box.appendChild(words); }
  if (p.answer) { const a = document.createElement('blockquote'); a.className = 'preview-answer'; a.textContent = p.answer; box.appendChild(a); }
  const list = document.createElement('ol');
  for (const c of p.candidates) { const li = document.createElement('li'); li.textContent = c.id + ' — ' + c.score + ' — ' + c.answer; list.appendChild(li); }
  box.appendChild(list);
}

// --- Import: a replacing import says first how many entries it deletes ----------------------------

async function importFile(form) {
  const file = form.querySelector('input[type=file]').files[0];
  const replace = Boolean(formBody(form).replace);
  const url = (dryRun) => form.dataset.api + '?' + new URLSearchParams({ format: /\.json$/i.test(file.name) ? 'json' : 'yaml', replace: String(replace), dryRun: String(dryRun) });
  // A file goes as its raw bytes, so that the server can refuse one that is not UTF-8.
  if (replace) {
    const plan = await api('POST', url(true), file, 'application/octet-stream');
    if (!plan.ok) return show(form, describeError(plan), false);
    const ids = plan.data.deleting || [];
    if (plan.data.summary.deleted > 0 && !window.confirm(say('confirmImportDelete', { count: plan.data.summary.deleted, ids: ids.slice(0, 10).join(', ') + (ids.length > 10 ? ', …' : '') }))) return;
  }
  const r = await api('POST', url(false), file, 'application/octet-stream');
  if (!r.ok) return show(form, describeError(r), false);
  flash(say('imported', r.data.summary));
  location.reload();
}

// --- Alerts: check the recipients and read the preview, then confirm with the count ---------------

function alertDraft(form) {
  const body = formBody(form);
  if (body.faq && !body.faq.id) delete body.faq;
  return body;
}

function renderAlertPreview(form, data, draft) {
  const names = JSON.parse(form.dataset.names || '{}');
  const section = form.querySelector('.alert-preview');
  const box = section.querySelector('.preview-body');
  const button = section.querySelector('button[data-step=send]');
  box.textContent = '';
  const total = data.recipients.total;
  const head = document.createElement('p');
  head.className = 'recipients';
  const channels = Object.entries(data.recipients.byChannel).map(([c, n]) => ((names.channels || {})[c] || c) + ' ' + n).join(', ');
  head.textContent = total > 0 ? say('recipients', { count: total, channels }) : say('noRecipients');
  box.appendChild(head);
  for (const u of data.unavailable || []) {
    const w = document.createElement('p');
    w.className = 'warning';
    w.textContent = say('previewUnavailable', { channel: (names.channels || {})[u.channel] || u.channel, count: u.count, state: (names.states || {})[u.state] || u.state || '—' });
    box.appendChild(w);
  }
  for (const [lang, text] of Object.entries(data.preview)) {
    const p = document.createElement('p');
    p.textContent = say('previewFor', { lang: (names.langs || {})[lang] || lang, count: data.recipients.byLang[lang] || 0 });
    const q = document.createElement('div');
    q.className = 'lang-preview';
    q.lang = lang;
    q.textContent = text;
    box.append(p, q);
  }
  button.hidden = total === 0;
  button.dataset.count = String(total);
  button.textContent = draft.runAt ? say('scheduleSend', { count: total }) : say('sendNow', { count: total });
  section.hidden = false;
}

async function composeAlert(form, step) {
  const draft = alertDraft(form);
  if (step !== 'send') {
    const preview = { topics: draft.topics || [], districts: draft.districts || [], text: draft.text || {} };
    const r = await api('POST', form.dataset.preview, preview);
    if (!r.ok) { form.querySelector('.alert-preview').hidden = true; return show(form, describeError(r), false); }
    show(form, '', true);
    return renderAlertPreview(form, r.data, draft);
  }
  const count = form.querySelector('button[data-step=send]').dataset.count;
  if (!window.confirm(say('confirmSend', { count }))) return;
  const r = await api('POST', form.dataset.api, draft);
  if (!r.ok) return show(form, describeError(r), false);
  flash(say('alertDone', { count: r.data.recipients ? r.data.recipients.total : count }));
  location.reload();
}

// A change after the check hides the send button: the count shown must be the count sent.
document.addEventListener('input', (event) => {
  const form = event.target.closest && event.target.closest('form[data-alert-compose]');
  if (!form) return;
  const section = form.querySelector('.alert-preview');
  if (!section.hidden) { section.hidden = true; show(form, say('changedSincePreview'), false); }
});

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
  event.preventDefault();
  const submitter = event.submitter;
  const by = submitter && submitter.dataset.api ? submitter.dataset : form.dataset;
  if (by.confirm && !window.confirm(by.confirm)) return;
  if (submitter) submitter.disabled = true;
  try {
    if (form.dataset.alertCompose !== undefined) return await composeAlert(form, submitter && submitter.dataset.step);
    if (form.dataset.import !== undefined) return await importFile(form);
    const method = (by.method || 'POST').toUpperCase();
    const body = method === 'DELETE' ? undefined : formBody(form);
    const r = await api(method, by.api, body);
    if (!r.ok) return show(form, describeError(r), false);
    if (form.dataset.render === 'preview') return renderPreview(form, r.data.preview);
    // Saving what is already saved changes nothing: say so instead of reloading.
    if (r.data.changed === false) return show(form, say('nothingChanged', { version: (r.data.entry || {}).version }), true);
    finish(form, by, r);
  } catch (error) {
    show(form, say('failed', { status: error.message }), false);
  } finally {
    if (submitter) submitter.disabled = false;
  }
});

// On a phone the navigation is one row that scrolls: show where we are.
const here = document.querySelector('nav.main [aria-current]');
if (here && here.scrollIntoView) here.scrollIntoView({ block: 'nearest', inline: 'center' });

for (const select of document.querySelectorAll('select[data-submit-on-change]')) {
  select.addEventListener('change', () => select.form.requestSubmit());
}

// --- Sound and notifications for new, urgent and overdue tickets: the operator's choice, kept here --------

const ALERTS_KEY = 'console-ticket-alerts';
const alertsOn = () => { try { return localStorage.getItem(ALERTS_KEY) === '1'; } catch (e) { return false; } };
for (const box of document.querySelectorAll('input[data-ticket-alerts]')) {
  box.checked = alertsOn();
  box.addEventListener('change', async () => {
    try { localStorage.setItem(ALERTS_KEY, box.checked ? '1' : '0'); } catch (e) { /* kept for this page only */ }
    if (box.checked && window.Notification && Notification.permission === 'default') await Notification.requestPermission();
    if (box.checked) beep();
  });
}

let audio;
function beep() {
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.4);
  } catch (e) { /* no sound here */ }
}

function announce(kind, data) {
  if (!alertsOn()) return;
  beep();
  const text = say(data.urgent ? 'urgentTicket' : kind === 'opened' ? 'newTicket' : 'overdueTicket', { id: data.ticketId });
  if (window.Notification && Notification.permission === 'granted') new Notification(text, { tag: kind + data.ticketId });
}

// --- Live regions: [data-live] = an event-stream URL; the part is read again from the page when the
// stream reports a change (a burst costs one fetch) and every data-refresh seconds.

const EVENT_KINDS = ['opened', 'message', 'claimed', 'replied', 'transferred', 'closed', 'overdue', 'urgent', 'change', 'progress'];
const regions = [...document.querySelectorAll('[data-live]')];
let due = false;
async function refresh() {
  if (due) return;
  due = true;
  setTimeout(async () => {
    due = false;
    try {
      const res = await fetch(location.href, { credentials: 'same-origin' });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.querySelectorAll('[data-live]');
      regions.forEach((region, i) => { if (fresh[i]) region.replaceChildren(...fresh[i].childNodes); });
    } catch (e) { /* the next event or tick tries again */ }
  }, 300);
}
const streams = new Set(regions.map((r) => r.dataset.live));
if (window.EventSource) {
  for (const url of streams) {
    const source = new EventSource(url);
    // Whatever changed between the page being drawn (or the stream dropping) and the stream opening.
    source.addEventListener('open', refresh);
    const notify = regions.some((r) => r.dataset.live === url && r.dataset.notify !== undefined);
    for (const kind of EVENT_KINDS) {
      source.addEventListener(kind, (event) => {
        refresh();
        if (notify && (kind === 'opened' || kind === 'overdue' || kind === 'urgent')) announce(kind, JSON.parse(event.data || '{}'));
      });
    }
  }
}
const every = Math.min(...regions.map((r) => Number(r.dataset.refresh) || Infinity));
if (Number.isFinite(every)) setInterval(() => { if (!document.hidden) refresh(); }, every * 1000);
`;
