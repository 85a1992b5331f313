// Drives the review station in headless Chromium: log in, open the queue, correct the fields
// that need review with the keyboard only, finish the record, see the audit entry, and check
// that a second clerk is neither handed the open record nor allowed a conflicting save.
import { launchChromium, login } from './station.mjs';
import assert from 'node:assert/strict';

const base = process.argv[2];
const browser = await launchChromium();
let keystrokes = 0;

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try { await fetch(base + '/api/me'); return; } catch (e) { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error('server did not start at ' + base);
}

async function key(page, k) { keystrokes++; await page.keyboard.press(k); }

try {
  await waitForServer();
  // bypassCSP: Playwright's waitForFunction evaluates strings, which the page's CSP forbids.
  const anna = await (await browser.newContext({ bypassCSP: true })).newPage();
  const bob = await (await browser.newContext({ bypassCSP: true })).newPage();
  anna.on('pageerror', (e) => { throw e; });

  // 1. Log in and open the queue: the first record to review has the focus.
  await login(anna, base, 'anna');
  const firstId = await anna.$eval('#queue tr.queue-item', (tr) => tr.dataset.id);
  assert.equal(await anna.evaluate(() => document.activeElement.dataset.id), firstId);
  await key(anna, 'Enter');
  await anna.waitForSelector('#record-view:not([hidden]) .field.review input');
  // The crops and the page image load; the boxes are drawn.
  await anna.waitForFunction(() => [...document.querySelectorAll('.field img.crop')].every((i) => i.complete && i.naturalWidth > 0));
  assert.ok(await anna.$$eval('#boxes rect', (r) => r.length) >= 6);
  // Record-level findings (here a possible duplicate) are shown with the record.
  assert.match(await anna.textContent('#record-issues'), /possible-duplicate:/);

  // 2. Correct the three fields needing review: typing replaces, Enter saves and moves on.
  const toReview = await anna.$$eval('#fields-review .field.review', (rows) => rows.map((r) => r.dataset.key));
  assert.deepEqual(toReview, ['ho_ten', 'noi_sinh', 'ho_ten_me']);
  const values = { ho_ten: 'Nguyễn Văn Một', noi_sinh: 'Xã Tân Lập', ho_ten_me: 'Trần Thị Ba' };
  for (const k of toReview) {
    assert.equal(await anna.evaluate(() => document.activeElement.getAttribute('aria-label')), k);
    await anna.keyboard.type(values[k]);
    keystrokes += [...values[k]].length;
    await key(anna, 'Enter');
    await anna.waitForSelector(`.field.saved[data-key="${k}"]`);
  }
  // 3. One key finishes the record; the next record to review opens.
  await key(anna, 'Control+Enter');
  await anna.waitForFunction((id) => document.querySelector('#message').textContent.startsWith('Record done'), firstId);
  const typed = Object.values(values).reduce((n, v) => n + [...v].length, 0);
  assert.equal(keystrokes, typed + 3 + 2, 'typing + one Enter per field + finish (+ the Enter that opened it)');
  await anna.waitForFunction((id) => document.querySelector('#record-title').textContent.includes('entry 2'), firstId);
  assert.match(await anna.textContent('#progress'), /1\/\d+ records done/);

  // 4. The finished record shows its audit trail.
  await key(anna, 'Escape');
  await anna.waitForSelector('#queue-view:not([hidden])');
  await anna.selectOption('#f-status', 'done');
  await anna.waitForSelector(`#queue tr.queue-item[data-id="${firstId}"]`);
  await anna.click(`#queue tr.queue-item[data-id="${firstId}"]`);
  await anna.waitForSelector('#audit li.audit-entry');
  const audit = await anna.$$eval('#audit li', (li) => li.map((e) => e.textContent));
  assert.ok(audit.some((t) => t.includes('anna') && t.includes('correct ho_ten') && t.includes('Nguyễn Văn Một')), audit.join('\n'));
  assert.ok(audit.some((t) => t.includes('finished the record')), audit.join('\n'));

  // 5. Bob, in his own session, is not handed the record anna has open...
  await login(bob, base, 'bob');
  await bob.selectOption('#f-status', 'done');
  await bob.waitForSelector(`#queue tr.queue-item[data-id="${firstId}"].locked`);
  await bob.click(`#queue tr.queue-item[data-id="${firstId}"]`);
  await bob.waitForFunction(() => document.querySelector('#message').textContent.includes('being edited by anna'));
  // ...and his save of a field anna changed since the version he saw is refused and he is told.
  const res = await bob.evaluate(async (id) => {
    const r = await fetch(`/api/record/${id}/field`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': state.csrf },
      body: JSON.stringify({ key: 'ho_ten', value: 'Bob Was Here', version: 0 }) });
    return { status: r.status, body: await r.json() };
  }, firstId);
  assert.equal(res.status, 409);
  await key(anna, 'Escape');  // anna lets the record go
  await anna.waitForSelector('#queue-view:not([hidden])');
  const stale = await bob.evaluate(async (id) => {
    const r = await fetch(`/api/record/${id}/field`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': state.csrf },
      body: JSON.stringify({ key: 'ho_ten', value: 'Bob Was Here', version: 0 }) });
    return { status: r.status, body: await r.json() };
  }, firstId);
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current, 'Nguyễn Văn Một');
  assert.equal(stale.body.by, 'anna');
  console.log(`browser_review: OK (${keystrokes} keystrokes for 3 corrections + finish)`);
} finally {
  await browser.close();
}
