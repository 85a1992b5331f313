// Drives the review station's group view in headless Chromium (run.sh runs `ledger-ocr group`
// on the sample store first): open the groups with the keyboard, see the grid of crops with the
// proposal in the one input, take one crop out with a click, confirm with Enter, and check that
// the group's fields were filled and the removed one was not; then confirm a sequence group of
// entry numbers, each keeping its own number, with one key, one of registration days in order,
// and one of birth dates whose words agree with their digits.
import { launchChromium, login } from './station.mjs';
import assert from 'node:assert/strict';

const base = process.argv[2];
const browser = await launchChromium();
let keystrokes = 0;
async function key(page, k) { keystrokes++; await page.keyboard.press(k); }

async function apiGet(page, url) {
  return page.evaluate(async (u) => { const r = await fetch(u); return { status: r.status, body: await r.json() }; }, url);
}

try {
  const anna = await (await browser.newContext({ bypassCSP: true })).newPage();
  anna.on('pageerror', (e) => { throw e; });
  await login(anna, base, 'anna');

  // 1. Alt+G opens the list of groups; the largest open group has the focus, Enter opens it.
  await key(anna, 'Alt+g');
  await anna.waitForSelector('#group-view:not([hidden]) #groups tr.group-item');
  const groupId = await anna.$eval('#groups tr.group-item', (tr) => tr.dataset.id);
  assert.equal(await anna.evaluate(() => document.activeElement.dataset.id), groupId);
  const before = (await apiGet(anna, '/api/groups/' + groupId)).body;
  await key(anna, 'Enter');
  await anna.waitForSelector('#group-detail:not([hidden]) .group-member.member');

  // 2. A grid of crops (all loaded) and one input holding the proposal, focused.
  await anna.waitForFunction(() => [...document.querySelectorAll('#group-grid img.group-crop')].every((i) => i.complete && i.naturalWidth > 0));
  assert.equal(await anna.$$eval('#group-grid figure', (f) => f.length), before.members.length);
  assert.equal(await anna.evaluate(() => document.activeElement.id), 'group-value');
  assert.equal(await anna.inputValue('#group-value'), before.proposed_value);
  // Each crop names its field only in a group of several keys (a father's and a declarant's name).
  assert.equal(await anna.$$eval('#group-grid .group-key', (k) => k.length), before.key ? 0 : before.members.length);

  // 3. One click takes the last crop to fill out of the group (and a second puts it back in).
  const fill = before.members.filter((m) => m.role === 'member' && m.reviewed_value === null);
  assert.ok(fill.length >= 2, 'the largest group has at least two fields to fill: ' + JSON.stringify(before));
  const out = fill[fill.length - 1].field_id;
  const sel = `#group-grid figure[data-field="${out}"]`;
  await anna.click(sel);
  assert.ok(await anna.$eval(sel, (f) => f.classList.contains('removed')));
  await anna.click(sel);
  assert.ok(!(await anna.$eval(sel, (f) => f.classList.contains('removed'))));
  await anna.click(sel);

  // 4. Typing replaces the proposal (the focus is back in the input); Enter confirms.
  const value = 'Xã Tân Lập';
  await anna.keyboard.type(value);
  keystrokes += [...value].length;
  await key(anna, 'Enter');
  await anna.waitForFunction(() => document.querySelector('#message').textContent.startsWith('Group confirmed'));
  const msg = await anna.textContent('#message');
  assert.match(msg, new RegExp(`^Group confirmed: ${fill.length - 1} fields filled, 1 taken out`), msg);

  // 5. The store agrees: every other member holds the value, the removed crop does not, and the
  //    confirmed group left the list of open groups.
  const after = (await apiGet(anna, '/api/groups/' + groupId)).body;
  assert.equal(after.confirmed_by, 'anna');
  for (const m of after.members.filter((x) => x.role === 'member')) {
    const wasFilled = fill.some((f) => f.field_id === m.field_id);
    if (!wasFilled) continue;
    if (m.field_id === out) { assert.equal(m.removed, true); assert.equal(m.reviewed_value, null); }
    else assert.equal(m.reviewed_value, value);
  }
  await anna.waitForSelector('#groups tbody');
  assert.equal(await anna.$$eval(`#groups tr.group-item[data-id="${groupId}"]`, (r) => r.length), 0);

  // 6. A sequence group (entry numbers that continue the sure ones around them): no value to
  //    type; each crop shows its own number, Enter on the focused button confirms them all.
  const open = (await apiGet(anna, '/api/groups?open=1')).body;
  const seq = open.find((x) => x.kind === 'sequence' && x.key === 'so');
  assert.ok(seq, 'the sample store has a sequence group of numbers: ' + JSON.stringify(open));
  await anna.click(`#groups tr.group-item[data-id="${seq.id}"]`);
  await anna.waitForSelector('#group-detail:not([hidden]) .group-member.member');
  assert.equal(await anna.$eval('#group-value', (i) => i.closest('label').hidden), true);
  assert.equal(await anna.evaluate(() => document.activeElement.id), 'group-confirm');
  const seqBefore = (await apiGet(anna, '/api/groups/' + seq.id)).body;
  const numbers = seqBefore.members.filter((m) => m.role === 'member').map((m) => m.value);
  const captions = await anna.$$eval('#group-grid figure.member figcaption', (c) => c.map((x) => x.textContent));
  assert.deepEqual(captions, numbers);
  await key(anna, 'Enter');
  await anna.waitForFunction(() => document.querySelector('#message').textContent.startsWith('Group confirmed'));
  const seqAfter = (await apiGet(anna, '/api/groups/' + seq.id)).body;
  for (const m of seqAfter.members.filter((x) => x.role === 'member')) assert.equal(m.reviewed_value, m.value);

  // 6b. Page numbers: the book's first page read "7" (a hand's 1) shows the value its file's
  //     page proposes beside its reading, the explanation says so, and Enter fills that value.
  const pagesGroup = open.find((x) => x.kind === 'sequence' && x.key === 'trangSo');
  assert.ok(pagesGroup, 'the sample store has a group of page numbers: ' + JSON.stringify(open));
  await anna.waitForSelector(`#groups tr.group-item[data-id="${pagesGroup.id}"]`);
  await anna.click(`#groups tr.group-item[data-id="${pagesGroup.id}"]`);
  await anna.waitForFunction(() => document.querySelector('#group-title').textContent.includes('trangSo'));
  assert.match(await anna.$eval('#group-info', (e) => e.textContent), /1 from their pages: check them/);
  const pageCaptions = await anna.$$eval('#group-grid figure.member figcaption', (c) => c.map((x) => x.textContent));
  assert.deepEqual(pageCaptions, ['1 (from its page; read 7)']);
  await anna.focus('#group-confirm');
  await key(anna, 'Enter');
  await anna.waitForFunction(() => document.querySelector('#message').textContent.startsWith('Group confirmed'));
  const pagesAfter = (await apiGet(anna, '/api/groups/' + pagesGroup.id)).body;
  assert.deepEqual(pagesAfter.members.filter((m) => m.role === 'member').map((m) => m.reviewed_value), ['1']);

  // Opens an open group whose members keep their own values, checks that the grid shows each
  // crop's value under a title naming `fieldKey` and an explanation matching `info`, with no one value
  // to type; confirms it with one key and checks that every member was filled with its own value.
  // Returns the members' values.
  async function confirmOwnValues(group, fieldKey, info) {
    await anna.click(`#groups tr.group-item[data-id="${group.id}"]`);
    await anna.waitForFunction((k) => document.querySelector('#group-title').textContent.includes(k), fieldKey);
    assert.match(await anna.$eval('#group-info', (e) => e.textContent), info);
    assert.ok(await anna.$eval('#group-value', (e) => e.closest('label').hidden), 'no one value to type');
    const values = (await apiGet(anna, '/api/groups/' + group.id)).body.members
      .filter((m) => m.role === 'member').map((m) => m.value);
    assert.deepEqual(await anna.$$eval('#group-grid figure.member figcaption', (c) => c.map((x) => x.textContent)), values);
    await anna.focus('#group-confirm');
    await key(anna, 'Enter');
    await anna.waitForFunction(() => document.querySelector('#message').textContent.startsWith('Group confirmed'));
    const confirmed = (await apiGet(anna, '/api/groups/' + group.id)).body;
    for (const m of confirmed.members.filter((x) => x.role === 'member')) assert.equal(m.reviewed_value, m.value);
    return values;
  }

  // 7. Registration days in order between the accepted days around them: the same, each crop
  //    with its own day, said so above the grid.
  const days = open.find((x) => x.kind === 'sequence' && x.type === 'date');
  assert.ok(days, 'the sample store has days in order: ' + JSON.stringify(open));
  await anna.waitForSelector(`#groups tr.group-item[data-id="${days.id}"]`);
  const dayValues = await confirmOwnValues(days, 'ngayDangKy', /its own day, in order/);

  // 8. Birth dates whose words agree with their digits: listed as such, each crop with its own
  //    words, confirmed with one key.
  const agreeing = open.find((x) => x.kind === 'agreeing');
  assert.ok(agreeing, 'the sample store has dates agreeing with their words: ' + JSON.stringify(open));
  await anna.waitForSelector(`#groups tr.group-item[data-id="${agreeing.id}"]`);
  const listed = await anna.$eval(`#groups tr.group-item[data-id="${agreeing.id}"]`, (e) => e.textContent);
  assert.match(listed, /words agreeing with digits/);
  const words = await confirmOwnValues(agreeing, 'ngay_sinhBangChu', /its own words, which its digits agree with/);

  // Esc goes back to the queue.
  await key(anna, 'Escape');
  await anna.waitForSelector('#queue-view:not([hidden])');
  console.log(`browser_groups: OK (${fill.length - 1} fields filled with ${keystrokes} keystrokes and 3 clicks; ` +
              `${numbers.length} entry numbers, ${dayValues.length} registration days and ${words.length} dates in words ` +
              `confirmed with one key each)`);
} finally {
  await browser.close();
}
