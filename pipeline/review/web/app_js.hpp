// The review station's script (vanilla JS, no framework), compiled into the binary.
// Keyboard first: the focus always sits on the next field needing review.
#pragma once

namespace ledger::review::web {

inline constexpr const char* kAppJs = R"WEB(
'use strict';
const $ = (s) => document.querySelector(s);
const state = { csrf: '', clerk: '', record: null, zoom: {}, queue: [] };

function show(view) {
  for (const v of ['login-view', 'queue-view', 'record-view', 'group-view']) $('#' + v).hidden = v !== view;
}
function message(text, ok) { const m = $('#message'); m.textContent = text || ''; m.className = ok ? 'ok' : ''; }

async function api(method, url, body) {
  const opts = { method, headers: {}, credentials: 'same-origin' };
  if (method !== 'GET') { opts.headers['X-CSRF-Token'] = state.csrf; }
  if (body !== undefined) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
  const res = await fetch(url, opts);
  let data = null;
  try { data = await res.json(); } catch (e) { data = {}; }
  if (res.status === 401 && !url.endsWith('/login')) { show('login-view'); $('#login-name').focus(); }
  return { status: res.status, data };
}

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function start() {
  const r = await api('GET', '/api/me');
  if (r.status === 200) { loggedIn(r.data); } else { show('login-view'); $('#login-name').focus(); }
}

function loggedIn(me) {
  state.csrf = me.csrf; state.clerk = me.clerk;
  $('#who').textContent = me.clerk + ' · ' + me.units.join('; ');
  $('#logout').hidden = false;
  openQueue();
}

$('#login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const r = await api('POST', '/api/login', { name: $('#login-name').value, password: $('#login-password').value });
  if (r.status === 200) { message(''); $('#login-password').value = ''; loggedIn(r.data); }
  else message(r.data.error || 'login failed');
});
$('#logout').addEventListener('click', async () => {
  await api('POST', '/api/logout', {}); state.csrf = ''; $('#logout').hidden = true; $('#who').textContent = '';
  show('login-view');
});

function filters() {
  const p = new URLSearchParams();
  p.set('book', $('#f-book').value); p.set('mode', $('#f-mode').value);
  const st = $('#f-status').value;
  if ($('#f-mode').value === 'records') p.set('status', st);
  p.set('reason', $('#f-reason').value.trim());
  return p;
}

async function loadBooks() {
  const r = await api('GET', '/api/books');
  if (r.status !== 200) return;
  const sel = $('#f-book'), keep = sel.value;
  sel.replaceChildren(el('option', { value: '' }, 'all books'));
  for (const b of r.data) sel.append(el('option', { value: b.book }, `${b.book} (${b.done}/${b.total} done)`));
  sel.value = keep;
}

async function openQueue() {
  show('queue-view');
  await loadBooks();
  const r = await api('GET', '/api/queue?' + filters());
  if (r.status !== 200) { message(r.data.error); return; }
  const body = $('#queue tbody');
  body.replaceChildren();
  state.queue = r.data.items;
  for (const it of r.data.items) {
    const tr = el('tr', { class: 'queue-item' + (it.locked_by ? ' locked' : ''), tabindex: '0', 'data-id': it.id });
    const stateText = it.key ? (it.status + ' ' + (it.confidence * 100).toFixed(0) + '%')
      : it.done ? 'done by ' + it.reviewed_by : it.locked_by ? 'open by ' + it.locked_by : it.todo + ' to review';
    for (const t of [it.book, it.file, it.page, it.record + 1, it.key ? it.key + ': ' + it.value : '', stateText]) tr.append(el('td', {}, String(t)));
    tr.addEventListener('click', () => openRecord(it.id, it.key));
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); e.stopPropagation(); openRecord(it.id, it.key); } });
    body.append(tr);
  }
  const first = body.querySelector('tr.queue-item:not(.locked)');
  if (first) first.focus(); else $('#start').focus();
}
for (const id of ['#f-book', '#f-mode', '#f-status']) $(id).addEventListener('change', openQueue);
$('#f-reason').addEventListener('change', openQueue);
$('#start').addEventListener('click', () => openNext());

// `note` stays on screen while the next record opens (e.g. "Record done"), instead of being wiped.
async function openNext(note) {
  const p = filters();
  const r = await api('GET', '/api/next?' + p);
  if (r.status === 200 && r.data.id !== null) openRecord(r.data.id, undefined, note);
  else { message('Nothing left to review here.', true); openQueue(); }
}

function needsReview(f) { return f.status !== 'accept' && !f.reviewed; }

async function openRecord(id, focusKey, note) {
  const r = await api('GET', '/api/record/' + id);
  if (r.status !== 200) { message(r.data.error); return; }
  const rec = r.data;
  state.record = rec;
  show('record-view');
  if (rec.readonly) message('This record is being edited by ' + rec.locked_by + ' (read only).');
  else message(note || '', Boolean(note));
  $('#record-title').textContent = `${rec.page.book} · ${rec.page.file} p.${rec.page.page} · entry ${rec.record + 1}`;
  $('#record-state').textContent = rec.reviewed_at ? `done by ${rec.reviewed_by} at ${rec.reviewed_at}` : '';
  // Record-level findings (possible duplicates, cross-field rules) stay in view while correcting.
  $('#record-issues').replaceChildren(...(rec.issues || []).map((i) => el('li', { class: 'record-issue' }, i)));
  showProgress(rec.progress);
  const img = $('#page-img');
  img.src = `/api/page/${rec.page.id}/image?w=1400`;
  const svg = $('#boxes');
  svg.setAttribute('viewBox', `0 0 ${rec.page.width || 1} ${rec.page.height || 1}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.replaceChildren();
  const review = $('#fields-review'), accepted = $('#fields-accepted');
  review.replaceChildren(); accepted.replaceChildren();
  for (const f of rec.fields) {
    const box = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    box.setAttribute('x', f.box.x); box.setAttribute('y', f.box.y);
    box.setAttribute('width', f.box.w); box.setAttribute('height', f.box.h);
    box.setAttribute('class', f.status); box.dataset.key = f.key;
    svg.append(box);
    const row = el('div', { class: 'field ' + f.status + (f.reviewed ? ' saved' : ''), 'data-key': f.key });
    row.append(el('span', { class: 'key' }, f.key));
    const input = el('input', { value: f.value, 'aria-label': f.key, spellcheck: 'false' });
    input.value = f.value;
    if (rec.readonly) input.readOnly = true;
    if (!needsReview(f)) input.tabIndex = -1;
    row.append(input);
    if (f.box.w > 0) {
      const crop = el('img', { class: 'crop', alt: 'crop of ' + f.key, src: `/api/record/${rec.id}/crop?key=${encodeURIComponent(f.key)}` });
      row.append(crop);
    }
    if (f.reasons.length) row.append(el('span', { class: 'reasons' }, f.reasons.join(', ') + ` · ${(f.confidence * 100).toFixed(0)}%`));
    row.append(el('span', { class: 'note' }));
    input.addEventListener('keydown', (e) => fieldKey(e, f, input, row));
    input.addEventListener('focus', () => { input.select(); highlight(f.key); });
    (f.status === 'accept' ? accepted : review).append(row);
  }
  // Accepted fields stay visible below the ones to review, out of the Tab/Enter path.
  $('#accepted-box').open = true;
  $('#accepted-box summary').textContent = `Accepted fields (${accepted.children.length})`;
  loadAudit();
  const target = rec.fields.find((f) => f.key === focusKey) || rec.fields.find(needsReview);
  if (target && !rec.readonly) inputOf(target.key).focus(); else $('#finish').focus();
}

function inputOf(key) { return document.querySelector(`.field[data-key="${CSS.escape(key)}"] input`); }
function highlight(key) { for (const b of $('#boxes').children) b.classList.toggle('current', b.dataset.key === key); }
function showProgress(p) { if (p) $('#progress').textContent = `book: ${p.done}/${p.total} records done`; }

function nextField(from, step) {
  const list = state.record.fields;
  let i = list.indexOf(from);
  for (let n = 0; n < list.length; n++) {
    i += step;
    if (i < 0 || i >= list.length) return null;
    if (needsReview(list[i])) return list[i];
  }
  return null;
}

async function saveField(f, input, row) {
  const r = await api('POST', `/api/record/${state.record.id}/field`, { key: f.key, value: input.value, version: f.version });
  const note = row.querySelector('.note');
  if (r.status === 200) {
    f.value = r.data.value; f.version = r.data.version; f.reviewed = true;
    input.value = f.value; row.classList.add('saved'); row.classList.remove('conflict'); note.textContent = '';
    return true;
  }
  if (r.status === 409 && r.data.current !== undefined) {
    f.version = r.data.version; row.classList.add('conflict');
    note.textContent = `Not saved: ${r.data.by || 'another clerk'} changed it to “${r.data.current}”. Enter again to overwrite.`;
    input.value = r.data.current; input.select();
  } else { note.textContent = 'Not saved: ' + (r.data.error || r.status); }
  message(r.data.error || 'not saved');
  return false;
}

async function fieldKey(e, f, input, row) {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); return; }  // handled globally
  if (e.key === 'Enter') {
    e.preventDefault();
    if (state.record.readonly) return;
    if (!(await saveField(f, input, row))) return;
    loadAudit();
    const next = nextField(f, 1);
    if (next) inputOf(next.key).focus(); else $('#finish').focus();
  } else if (e.key === 'Tab') {
    e.preventDefault();
    const next = nextField(f, e.shiftKey ? -1 : 1);
    if (next) inputOf(next.key).focus(); else if (!e.shiftKey) $('#finish').focus();
  } else if ((e.ctrlKey || e.altKey) && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
    e.preventDefault();
    const z = Math.min(4, Math.max(1, (state.zoom[f.key] || 1) * (e.key === 'ArrowUp' ? 1.5 : 1 / 1.5)));
    state.zoom[f.key] = z;
    const crop = row.querySelector('.crop');
    if (crop) { crop.style.transform = `scale(${z})`; crop.style.marginBottom = `${(z - 1) * crop.height}px`; }
  }
}

async function finishRecord() {
  if (!state.record || state.record.readonly) return;
  const r = await api('POST', `/api/record/${state.record.id}/done`, {});
  if (r.status !== 200) { message(r.data.error); return; }
  const done = `Record done (${r.data.progress.done}/${r.data.progress.total}).`;
  message(done, true);
  showProgress(r.data.progress);
  openNext(done);
}
$('#finish').addEventListener('click', finishRecord);
$('#back').addEventListener('click', backToQueue);

async function backToQueue() {
  if (state.record && !state.record.readonly) await api('POST', `/api/record/${state.record.id}/release`, {});
  state.record = null;
  openQueue();
}

async function loadAudit() {
  if (!state.record) return;
  const r = await api('GET', `/api/record/${state.record.id}/audit`);
  if (r.status !== 200) return;
  const ol = $('#audit');
  ol.replaceChildren();
  for (const a of r.data) {
    const what = a.action === 'done' ? 'finished the record'
      : `${a.action} ${a.key}: “${a.old ?? ''}” → “${a.new ?? ''}”`;
    ol.append(el('li', { class: 'audit-entry' }, `${a.at} ${a.clerk} ${what}`));
  }
}

document.addEventListener('keydown', (e) => {
  if ($('#record-view').hidden) return;
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); finishRecord(); }
  else if (e.key === 'Escape') { e.preventDefault(); backToQueue(); }
});
// ---- Groups of look-alike crops (one field type, one book): one value fills them all; and a
// book's entry numbers in sequence or registration days in order, confirmed at once ----
const groupState = { current: null, removed: new Set() };

// What a group whose members keep their own values holds, in the list ('' for a look-alike).
function ownValuesLabel(g) {
  if (g.kind === 'agreeing') return g.type === 'date-words' ? 'words agreeing with digits' : 'dates agreeing with words';
  if (g.kind === 'sequence') return g.type === 'date' ? 'days in order' : 'numbers in sequence';
  return '';
}

async function openGroups() {
  show('group-view');
  $('#group-detail').hidden = true;
  groupState.current = null;
  const p = new URLSearchParams();
  p.set('book', $('#f-book').value); p.set('open', '1');
  const r = await api('GET', '/api/groups?' + p);
  if (r.status !== 200) { message(r.data.error); return; }
  const body = $('#groups tbody');
  body.replaceChildren();
  for (const g of r.data) {
    const tr = el('tr', { class: 'group-item', tabindex: '0', 'data-id': g.id });
    const sure = g.source === 'none' ? 'suggestion' : `${g.source} ${(g.confidence * 100).toFixed(0)}%`;
    const proposal = ownValuesLabel(g) || g.proposed_value;
    for (const t of [g.book, g.type + (g.key ? ' · ' + g.key : ''), proposal, g.to_fill, sure]) tr.append(el('td', {}, String(t)));
    tr.addEventListener('click', () => openGroup(g.id));
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); e.stopPropagation(); openGroup(g.id); } });
    body.append(tr);
  }
  const first = body.querySelector('tr.group-item');
  if (first) first.focus(); else { message('No groups to confirm here.', true); $('#group-back').focus(); }
}

async function openGroup(id) {
  const r = await api('GET', '/api/groups/' + id);
  if (r.status !== 200) { message(r.data.error); return; }
  const g = r.data;
  groupState.current = g; groupState.removed = new Set();
  $('#group-detail').hidden = false;
  $('#group-title').textContent = `${g.book} · ${g.type}${g.key ? ' · ' + g.key : ''} · ${g.to_fill} to fill`;
  const grid = $('#group-grid');
  grid.replaceChildren();
  for (const m of g.members) {
    const done = m.reviewed_value !== null;
    const fig = el('figure', { class: 'group-member ' + m.role + (done ? ' done' : ''), 'data-field': m.field_id,
      tabindex: m.role === 'member' ? '0' : '-1' });
    fig.append(el('img', { class: 'group-crop', alt: 'crop of ' + m.key,
      src: `/api/record/${m.record_id}/crop?key=${encodeURIComponent(m.key)}&scale=0.6` }));
    const caption = done ? `${m.reviewed_value} (saved)` : m.role === 'evidence' ? `${m.value} (accepted)`
      : m.proposed != null ? `${m.proposed} (from its page; read ${m.value || 'nothing'})` : m.value;
    fig.append(el('figcaption', {}, caption));
    // A group of several keys (a name written as the father's and as the declarant's) says
    // which field each crop is.
    if (!g.key) fig.append(el('small', { class: 'group-key' }, m.key));
    if (m.role === 'member') {
      fig.addEventListener('click', () => toggleMember(fig, m));
      fig.addEventListener('keydown', (e) => { if (e.key === ' ') { e.preventDefault(); toggleMember(fig, m); } });
    }
    grid.append(fig);
  }
  // A sequence or agreeing group has no one value: each crop keeps its own number (or day),
  // which the sure ones around it (shown as evidence), its file's name or the same date's
  // other writing back;
  // the clerk takes out any crop whose value is wrong.
  const sequence = g.kind !== 'look-alike';
  const backing = g.kind === 'agreeing' ? (g.type === 'date-words' ? 'its own words, which its digits agree with'
                                                                   : 'its own date, which its words agree with')
                : g.type === 'date' ? 'its own day, in order between the days around it or named by its file'
                                    : "its own number, which the numbers around it or its file's name back";
  // Members whose reading their file's page contradicts take the page's value instead.
  const fromPages = g.members.filter((m) => m.role === 'member' && m.proposed != null).length;
  const proposedNote = fromPages ? ` (${fromPages} from their pages: check them)` : '';
  $('#group-info').textContent = sequence ? `each keeps ${backing}${proposedNote} · ${(g.confidence * 100).toFixed(0)}%`
    : g.source === 'none' ? 'suggestion, unsure: check it' : `${g.source} · ${(g.confidence * 100).toFixed(0)}%`;
  const input = $('#group-value');
  input.closest('label').hidden = sequence;
  input.value = sequence ? '' : g.proposed_value;
  groupFocus(true);
}

// Where Enter confirms: the one value (selected when the group opens, so typing replaces it),
// or the button of a sequence group (which has no value).
function groupFocus(select) {
  const input = $('#group-value');
  if (input.closest('label').hidden) { $('#group-confirm').focus(); return; }
  input.focus();
  if (select) input.select();
}

// A crop that does not belong is taken out (click again to put it back); the focus returns to
// the value, so Enter confirms next.
function toggleMember(fig, m) {
  if (groupState.removed.has(m.field_id)) groupState.removed.delete(m.field_id);
  else groupState.removed.add(m.field_id);
  fig.classList.toggle('removed', groupState.removed.has(m.field_id));
  groupFocus(false);
}

$('#group-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const g = groupState.current;
  if (!g) return;
  const r = await api('POST', `/api/groups/${g.id}/confirm`, { value: $('#group-value').value, removed: [...groupState.removed] });
  if (r.status !== 200) { message(r.data.error || 'not confirmed'); return; }
  let note = `Group confirmed: ${r.data.filled} fields filled`;
  if (r.data.removed) note += `, ${r.data.removed} taken out`;
  if (r.data.skipped_locked) note += `, ${r.data.skipped_locked} open by another clerk`;
  if (r.data.skipped_reviewed) note += `, ${r.data.skipped_reviewed} already saved`;
  await openGroups();
  message(note + '.', true);
});
$('#open-groups').addEventListener('click', openGroups);
$('#group-back').addEventListener('click', () => openQueue());
document.addEventListener('keydown', (e) => {
  if (e.altKey && (e.key === 'g' || e.key === 'G') && !$('#queue-view').hidden) { e.preventDefault(); openGroups(); return; }
  if ($('#group-view').hidden || e.key !== 'Escape') return;
  e.preventDefault();
  if (groupState.current) openGroups(); else openQueue();
});
start();
)WEB";

}  // namespace ledger::review::web
