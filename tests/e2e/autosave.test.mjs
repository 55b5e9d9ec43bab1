// Autosave: every change is kept in the browser; a reload restores it; a
// shared link opens beside it without overwriting it; saved models can be
// renamed and deleted.

import assert from 'node:assert/strict';
import { appReady, fieldOf, openDialog, shownOf, waitForText, waitForValue } from './lib/page.mjs';

// One saved model open in two tabs: `source`, whose value `name` shows `text`.
async function twoTabsOn(t, source, name, text) {
  const a = await t.open();
  await appReady(a);
  await a.fill('#model', source);
  await waitForText(a, shownOf(name), text);
  const b = await a.context().newPage();
  await b.goto(t.url);
  await appReady(b);
  return [a, b];
}

// Two saved models, `first` (a = 1 GB) and `second` (b = 2 GB, open), and
// the saved-models dialog open.
async function twoSaved(t, first, second) {
  const page = await t.open();
  await appReady(page);
  await page.fill('#model', `# ${first}\na = 1 GB`);
  await waitForText(page, shownOf('a'), '1 GB');
  await openDialog(page, 'gallery');
  await page.click('#new-model');
  // The empty model is to be written: the editor has the focus, below its title.
  await page.waitForFunction(() => document.activeElement?.id === 'model');
  assert.equal(await page.$eval('#model', (m) => m.selectionStart), (await page.inputValue('#model')).length);
  await page.fill('#model', `# ${second}\nb = 2 GB`);
  await waitForText(page, shownOf('b'), '2 GB');
  await openDialog(page, 'saved');
  return page;
}

export const tests = [
  {
    name: 'a reload restores the model and its input values',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', '# Cache plan\ninput users = 1000 [0 .. 1e6]\nstate = users * 64 kB');
      await waitForText(page, shownOf('state'), '64 MB');
      await page.fill(fieldOf('users'), '5000');
      await waitForText(page, shownOf('state'), '320 MB');
      assert.deepEqual(
        await page.evaluate(() => Object.keys(localStorage).sort()),
        ['headroom.current', 'headroom.inputs.1', 'headroom.model.1', 'headroom.saved'],
      );
      await page.reload();
      await appReady(page);
      assert.equal(await page.inputValue('#model'), '# Cache plan\ninput users = 1000 [0 .. 1e6]\nstate = users * 64 kB');
      await waitForValue(page, fieldOf('users'), '5000');
      await waitForText(page, shownOf('state'), '320 MB');
      assert.equal((await page.textContent('#model-title')).trim(), 'Cache plan');
      assert.equal(await page.textContent('#save-state'), 'Saved in this browser');
    },
  },
  {
    name: 'a shared link opens alongside the saved work, with a way back',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', '# My plan\nx = 7 GB');
      await waitForText(page, shownOf('x'), '7 GB');
      // Open a link in this same tab, as pasting it in the address bar would.
      await page.goto(`${t.url}#preset=batch-job`);
      await waitForText(page, '#model-title', 'Batch job in waves');
      await waitForText(page, '#alongside', /Your model “My plan” is kept/);
      const stored = await page.evaluate(() => localStorage.getItem('headroom.model.1'));
      assert.equal(stored, '# My plan\nx = 7 GB', 'the link did not overwrite the saved model');
      await openDialog(page, 'saved');
      assert.deepEqual(await page.locator('#saved .saved-name').allTextContents(), ['My plan']);
      await page.click('#saved .close');
      // The closed dialog hands the focus back to its opener first; on a
      // busy machine that can come after a focus given at once.
      await page.waitForFunction(() => document.activeElement?.id === 'open-saved');
      // By keyboard: the button goes, the focus goes to the results.
      await page.focus('#back-to-saved');
      await page.waitForFunction(() => document.activeElement?.id === 'back-to-saved');
      await page.keyboard.press('Enter');
      await waitForText(page, shownOf('x'), '7 GB');
      await page.waitForFunction(() => document.activeElement?.id === 'results');
      // Back on the saved model, the address has no link.
      await page.waitForURL(t.url);
    },
  },
  {
    name: 'Back from a link returns to the saved model',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', '# Mine\nx = 1 GB');
      await waitForText(page, shownOf('x'), '1 GB');
      // A link opened in the same tab, then another model picked from the gallery.
      await page.goto(`${t.url}#preset=batch-job`);
      await waitForText(page, '#model-title', /Batch job/);
      await openDialog(page, 'gallery');
      await page.click('#gallery .preset-card[data-preset="worker-pool"] button.open-preset');
      await waitForText(page, '#model-title', /Worker pool/);
      // Back, to the link the gallery was opened over (it was not saved:
      // dropped from the history, it would be lost).
      await page.goBack();
      await waitForText(page, '#model-title', /Batch job/);
      await page.waitForURL(`${t.url}#preset=batch-job`);
      // Back again, to the address before the link: the user's own model.
      await page.goBack();
      await waitForText(page, '#model-title', 'Mine');
      assert.equal(await page.inputValue('#model'), '# Mine\nx = 1 GB');
      // Forward, to the link again.
      await page.goForward();
      await waitForText(page, '#model-title', /Batch job/);
    },
  },
  {
    name: 'Back from a preset changed into a saved model returns to the model before it',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', '# Mine\nx = 1 GB');
      await waitForText(page, shownOf('x'), '1 GB');
      await openDialog(page, 'gallery');
      await page.click('#gallery .preset-card[data-preset="worker-pool"] button.open-preset');
      await waitForText(page, '#model-title', /Worker pool/);
      // Changed, the preset is saved as a model of its own.
      await page.fill(fieldOf('workers'), '70');
      await page.waitForFunction(() => /\tWorker pool\n/.test(localStorage.getItem('headroom.saved')));
      await page.waitForURL(t.url);
      await page.goBack();
      await waitForText(page, '#model-title', 'Mine');
      assert.equal(await page.inputValue('#model'), '# Mine\nx = 1 GB');
      await page.goForward();
      await waitForText(page, '#model-title', /Worker pool/);
      assert.equal(await page.inputValue(fieldOf('workers')), '70');
      // A saved model opened from the list, at the same address, is a new
      // place in the history too.
      await openDialog(page, 'saved');
      await page.click('#saved button[aria-label="Open “Mine”"]');
      await waitForText(page, '#model-title', 'Mine');
      await page.goBack();
      await waitForText(page, '#model-title', /Worker pool/);
      await page.goBack();
      await waitForText(page, '#model-title', 'Mine');
    },
  },
  {
    name: 'Back to a new model not changed yet shows a new model',
    async run(t) {
      const page = await t.open({ path: '#preset=omniops' });
      await appReady(page);
      await openDialog(page, 'gallery');
      await page.click('#new-model');
      await page.waitForFunction(() => document.activeElement?.id === 'model');
      const empty = await page.inputValue('#model');
      await openDialog(page, 'gallery');
      await page.click('#gallery .preset-card[data-preset="mistersmith"] button.open-preset');
      await waitForText(page, '#model-title', /MisterSmith/);
      await page.goBack();
      await waitForValue(page, '#model', empty);
      await page.goBack();
      await waitForText(page, '#model-title', /Omniops/);
      await page.goForward();
      await waitForValue(page, '#model', empty);
      await page.goForward();
      await waitForText(page, '#model-title', /MisterSmith/);
    },
  },
  {
    name: 'a page that starts leaves the saved list alone unless it repairs it',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', '# Mine\nx = 1 GB');
      await page.waitForFunction(() => /\tMine\n/.test(localStorage.getItem('headroom.saved') ?? ''));
      // What the page writes from the start: not the list, which another
      // tab may be writing meanwhile.
      await page.addInitScript(() => {
        const set = Storage.prototype.setItem;
        window.__written = [];
        Storage.prototype.setItem = function (key, value) {
          window.__written.push(key);
          return set.call(this, key, value);
        };
      });
      await page.reload();
      await appReady(page);
      await page.waitForTimeout(300);
      const written = await page.evaluate(() => window.__written);
      assert.ok(!written.includes('headroom.saved'), written.join(', '));
    },
  },
  {
    name: 'saved models can be opened, renamed and deleted',
    async run(t) {
      const page = await twoSaved(t, 'First', 'Second');
      assert.deepEqual(await page.locator('#saved .saved-name').allTextContents(), ['First', 'Secondopen']);
      // Open the first.
      await page.click('#saved button[aria-label="Open “First”"]');
      await waitForText(page, shownOf('a'), '1 GB');
      // Rename it.
      await openDialog(page, 'saved');
      // With the keyboard: the field takes the focus with the old name
      // selected, so typing replaces it.
      await page.focus('#saved button[aria-label="Rename “First”"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.matches('#saved .rename input'));
      assert.equal(await page.inputValue('#saved .rename input'), 'First');
      assert.equal(await page.evaluate(() => document.activeElement.selectionEnd - document.activeElement.selectionStart), 5);
      await page.keyboard.type('Capacity v1');
      await page.keyboard.press('Enter');
      await waitForText(page, '#model-title', 'Capacity v1');
      assert.match(await page.evaluate(() => localStorage.getItem('headroom.saved')), /\tCapacity v1\n/);
      // The field goes; the focus goes back to the row's Rename button.
      await page.waitForFunction(() => document.activeElement?.matches('#saved button[aria-label="Rename “Capacity v1”"]'));
      // Escape on the question keeps the model and the dialog.
      await page.click('#saved button[aria-label="Delete “Second”"]');
      await page.focus('#saved .confirm button:not(.danger)');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#saved .confirm', { state: 'detached' });
      assert.ok(await page.isVisible('dialog#saved[open]'), 'the dialog stays open');
      await page.waitForFunction(() => document.activeElement?.matches('#saved button[aria-label="Delete “Second”"]'));
      // Delete the second, after confirming; the focus stays in the list,
      // and the list says what went.
      await page.click('#saved button[aria-label="Delete “Second”"]');
      await page.click('#saved .confirm button.danger');
      assert.deepEqual(await page.locator('#saved .saved-name').allTextContents(), ['Capacity v1open']);
      await waitForText(page, '#saved .saved-note', '“Second” is deleted.');
      await page.waitForFunction(() => document.activeElement?.matches('#saved .saved-list button'));
      assert.equal(await page.evaluate(() => localStorage.getItem('headroom.model.2')), null);
      await page.reload();
      await appReady(page);
      await waitForText(page, '#model-title', 'Capacity v1');
    },
  },
  {
    name: 'a rename to a name taken or to nothing says what it did',
    async run(t) {
      const page = await twoSaved(t, 'First', 'Second');
      // A blank name is refused with a word, and the field stays.
      await page.click('#saved button[aria-label="Rename “Second”"]');
      await page.fill('#saved .rename input', '   ');
      await page.keyboard.press('Enter');
      await waitForText(page, '#saved .saved-note', /A model needs a name/);
      assert.equal(await page.locator('#saved .rename input').count(), 1);
      // A name taken gets a number, and the note says why.
      await page.fill('#saved .rename input', 'First');
      await page.keyboard.press('Enter');
      await waitForText(page, '#saved .saved-note', /Another model is called “First”/);
      assert.deepEqual(await page.locator('#saved .saved-name').allTextContents(), ['First', 'First (2)open']);
      // A name of one long word wraps inside the dialog, at any width.
      await page.click('#saved button[aria-label="Rename “First”"]');
      await page.fill('#saved .rename input', 'L'.repeat(150));
      await page.keyboard.press('Enter');
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 800 });
        const spill = await page.$eval('#saved', (d) => d.scrollWidth - d.clientWidth);
        assert.ok(spill <= 0, `the list runs ${spill} px past the dialog at ${width} px`);
      }
    },
  },
  {
    name: 'after the open model is deleted, a reload opens the saved model left, not a preset',
    async run(t) {
      const page = await twoSaved(t, 'Kept', 'Dropped');
      await page.click('#saved button[aria-label="Delete “Dropped”"]');
      await page.click('#saved .confirm button.danger');
      assert.deepEqual(await page.locator('#saved .saved-name').allTextContents(), ['Kept']);
      // Its text stays open, and the list says so.
      await waitForText(page, '#saved .saved-note', /“Dropped” is deleted\. Its text is still open/);
      await page.reload();
      await appReady(page);
      await waitForText(page, '#model-title', 'Kept');
      await waitForText(page, shownOf('a'), '1 GB');
    },
  },
  {
    name: 'two tabs keep each other’s saved models',
    async run(t) {
      const a = await t.open();
      await appReady(a);
      await a.fill('#model', '# From A\na = 1 GB');
      await waitForText(a, shownOf('a'), '1 GB');
      // A link opened in a new tab, then changed there.
      const b = await a.context().newPage();
      await b.goto(`${t.url}#preset=batch-job`);
      await appReady(b);
      await b.fill('#model', '# From B\nb = 2 GB');
      await waitForText(b, shownOf('b'), '2 GB');
      // Back in A, a third model: all three are listed, none overwritten.
      await openDialog(a, 'gallery');
      await a.click('#new-model');
      await a.fill('#model', '# Third\nc = 3 GB');
      await waitForText(a, shownOf('c'), '3 GB');
      await openDialog(a, 'saved');
      assert.deepEqual(await a.locator('#saved .saved-name').allTextContents(), ['From A', 'From B', 'Thirdopen']);
      const models = await a.evaluate(() => [1, 2, 3].map((id) => localStorage.getItem(`headroom.model.${id}`)));
      assert.deepEqual(models, ['# From A\na = 1 GB', '# From B\nb = 2 GB', '# Third\nc = 3 GB']);
    },
  },
  {
    name: 'two tabs on the same saved model never overwrite each other’s edits',
    async run(t) {
      // The same saved model, opened in a second tab, then changed there.
      const [a, b] = await twoTabsOn(t, '# Plan\nx = 1 GB', 'x', '1 GB');
      assert.equal(await b.inputValue('#model'), '# Plan\nx = 1 GB');
      await b.fill('#model', '# Plan\nx = 2 GB');
      await waitForText(b, shownOf('x'), '2 GB');
      // A hears of it and goes on with a copy.
      await waitForText(a, '#notice', /changed in another tab.*Plan \(copy\)/);
      await a.fill('#model', '# Plan\nx = 3 GB');
      await waitForText(a, shownOf('x'), '3 GB');
      const stored = await a.evaluate(() => [1, 2].map((id) => localStorage.getItem(`headroom.model.${id}`)));
      assert.deepEqual(stored, ['# Plan\nx = 2 GB', '# Plan\nx = 3 GB']);
      await openDialog(a, 'saved');
      assert.deepEqual(await a.locator('#saved .saved-name').allTextContents(), ['Plan', 'Plan (copy)open']);
    },
  },
  {
    name: 'a reload after a second tab went its own way finds this tab’s work',
    async run(t) {
      const [a, b] = await twoTabsOn(t, '# Plan\nx = 1 GB', 'x', '1 GB');
      // A changes the model B has open: B goes on with a copy, and must not
      // take away what a reload of A opens.
      await a.fill('#model', '# Plan\nx = 2 GB');
      await waitForText(a, shownOf('x'), '2 GB');
      await waitForText(b, '#notice', /changed in another tab/);
      await b.close();
      await a.reload();
      await appReady(a);
      await waitForText(a, shownOf('x'), '2 GB');
      assert.equal(await a.textContent('#save-state'), 'Saved in this browser');
    },
  },
  {
    name: 'a reload finds this tab’s model while another tab works on its copy',
    async run(t) {
      const [a, b] = await twoTabsOn(t, '# Plan\nx = 1 GB', 'x', '1 GB');
      await a.fill('#model', '# Plan\nx = 2 GB');
      await waitForText(a, shownOf('x'), '2 GB');
      await waitForText(b, '#notice', /changed in another tab/);
      // B works on its copy, the model worked on last in this browser;
      // a reload of A still opens A's own.
      await b.fill('#model', '# Plan\nx = 5 GB');
      await waitForText(b, shownOf('x'), '5 GB');
      await a.reload();
      await appReady(a);
      await waitForText(a, shownOf('x'), '2 GB');
      await waitForText(a, '#model-title', 'Plan');
      assert.equal(await a.inputValue('#model'), '# Plan\nx = 2 GB');
    },
  },
  {
    name: 'a model deleted in one tab is saved whole by the tab that goes on with it',
    async run(t) {
      const [a, b] = await twoTabsOn(t, '# Plan\ninput n = 1\nx = n * 1 GB', 'x', '1 GB');
      await openDialog(a, 'saved');
      await a.click('#saved button[aria-label="Delete “Plan”"]');
      await a.click('#saved .confirm .danger');
      await waitForText(b, '#notice', /changed in another tab/);
      // Only an input changes: the copy is a new saved model, text and all,
      // even when it takes the deleted model's number.
      await b.fill(fieldOf('n'), '5');
      await waitForText(b, shownOf('x'), '5 GB');
      await b.reload();
      await appReady(b);
      await waitForText(b, shownOf('x'), '5 GB');
      assert.equal(await b.inputValue('#model'), '# Plan\ninput n = 1\nx = n * 1 GB');
    },
  },
  {
    name: 'a model the browser refuses to store is not called saved',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', '# Plan\nx = 1 GB');
      await waitForText(page, shownOf('x'), '1 GB');
      await page.evaluate(() => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await page.fill('#model', '# Plan\nx = 2 GB');
      await waitForText(page, shownOf('x'), '2 GB');
      await waitForText(page, '#notice', /storage for this site is full/);
      await waitForText(page, '#save-state', /Not saved/);
    },
  },
  {
    name: 'a list the browser refused is written with the next save, so a reload finds the model',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', '# First\nx = 1 GB');
      await waitForText(page, shownOf('x'), '1 GB');
      // Room runs out as a second model is made: its list entry is refused.
      await page.evaluate(() => {
        const real = Storage.prototype.setItem;
        window.refuseList = true;
        Storage.prototype.setItem = function (key, value) {
          if (window.refuseList && key === 'headroom.saved') {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return real.call(this, key, value);
        };
      });
      await openDialog(page, 'gallery');
      await page.click('#new-model');
      await page.fill('#model', '# Second\ny = 2 GB');
      await waitForText(page, '#save-state', /Not saved/);
      // Room is freed elsewhere; the next change saves the list too.
      await page.evaluate(() => (window.refuseList = false));
      await page.fill('#model', '# Second\ny = 3 GB');
      await waitForText(page, '#save-state', 'Saved in this browser');
      await page.waitForFunction(() => /\tSecond\n/.test(localStorage.getItem('headroom.saved')));
      await page.reload();
      await appReady(page);
      await waitForText(page, shownOf('y'), '3 GB');
      await openDialog(page, 'saved');
      assert.deepEqual(await page.locator('#saved .saved-name').allTextContents(), ['First', 'Secondopen']);
    },
  },
  {
    name: 'saved models missing from a damaged list come back, and no new model takes their place',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.evaluate(() => {
        localStorage.setItem('headroom.model.1', '# Alpha\na = 1 GB');
        localStorage.setItem('headroom.model.2', '# Beta\nb = 2 GB');
        localStorage.setItem('headroom.saved', '{"bad json\n7\tGhost\n');
        localStorage.removeItem('headroom.current');
        sessionStorage.clear();
      });
      await page.reload();
      await appReady(page);
      // The last model is opened, as after a deletion.
      await waitForText(page, shownOf('b'), '2 GB');
      await openDialog(page, 'saved');
      const names = await page.locator('#saved .saved-name').allTextContents();
      assert.deepEqual([...names].sort(), ['Alpha', 'Betaopen']);
      await page.keyboard.press('Escape');
      // A new model gets an ID of its own.
      await openDialog(page, 'gallery');
      await page.click('#new-model');
      await page.fill('#model', '# Gamma\nc = 3 GB');
      await waitForText(page, '#save-state', 'Saved in this browser');
      assert.equal(await page.evaluate(() => localStorage.getItem('headroom.model.1')), '# Alpha\na = 1 GB');
      assert.equal(await page.evaluate(() => localStorage.getItem('headroom.model.2')), '# Beta\nb = 2 GB');
    },
  },
];
