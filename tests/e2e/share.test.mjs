// Share: the link (in the address bar and on the clipboard) restores the
// exact scenario in a fresh browser; a bad or cut link says why and falls
// back to the default model without touching the user's saved work.

import assert from 'node:assert/strict';
import { appReady, clipboard, fieldOf, openDialog, shownOf, waitForText, waitForValue } from './lib/page.mjs';

const MODEL = [
  '# Relay fleet',
  'unit tunnel',
  'input tunnels = 25_000 tunnel [0 .. 1_000_000] "Open tunnels"',
  'input per_relay = 10_000 tunnel [100 .. 100_000] "Tunnels per relay"',
  'relays = ceil(tunnels / per_relay)',
  'month = 1 .. 12',
  'growth = tunnels * 1.1 ^ month',
].join('\n');

export const tests = [
  {
    name: 'a copied link restores the exact scenario in a fresh browser',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', MODEL);
      await waitForText(page, shownOf('relays'), '3');
      await page.fill(fieldOf('tunnels'), '80000');
      await waitForText(page, shownOf('relays'), '8');
      await page.click(`#results [data-name="relays"] .value-head`);
      await page.waitForSelector('#explain-relays .explanation');
      const growth = await page.locator('#results .series-block td').allTextContents();

      await openDialog(page, 'share');
      await page.click('#copy-link');
      await waitForText(page, '#share .copy-status', /copied/);
      const link = await clipboard(page);
      assert.equal(await page.inputValue('#share-link'), link);
      // Sharing puts the link in the address bar.
      await page.waitForURL(link);
      assert.match(link, /#v=1&z=/);
      assert.ok(link.length < 2000, `${link.length} characters`);

      const fresh = await t.open({ path: link.slice(t.url.length) });
      await appReady(fresh);
      assert.equal(await fresh.inputValue('#model'), MODEL);
      assert.equal(await fresh.inputValue(fieldOf('tunnels')), '80000');
      await waitForText(fresh, shownOf('relays'), '8');
      assert.deepEqual(await fresh.locator('#results .series-block td').allTextContents(), growth);
      assert.equal(await fresh.getAttribute('#results [data-name="relays"] .value-head', 'aria-expanded'), 'true');
      assert.equal((await fresh.textContent('#model-title')).trim(), 'Relay fleet');
      assert.match(await fresh.textContent('#save-state'), /not saved/i);
    },
  },
  {
    name: 'a reload after Share stays on the model: an edit does not fork a copy',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', MODEL);
      await waitForText(page, shownOf('relays'), '3');
      await openDialog(page, 'share');
      const link = await page.inputValue('#share-link');
      await page.waitForURL(link);
      await page.keyboard.press('Escape');
      await page.reload();
      await appReady(page);
      assert.match(await page.textContent('#save-state'), /saved in this browser/i);
      await page.fill(fieldOf('tunnels'), '80000');
      await waitForText(page, shownOf('relays'), '8');
      await page.waitForFunction(() => /^1\tRelay fleet\n$/.test(localStorage.getItem('headroom.saved')));
      assert.equal((await page.textContent('#model-title')).trim(), 'Relay fleet');
      assert.equal(await page.evaluate(() => localStorage.getItem('headroom.model.2')), null);
    },
  },
  {
    name: 'an unchanged preset shares a short readable link, with input values',
    async run(t) {
      const page = await t.open({ path: '#preset=betcode' });
      await appReady(page);
      assert.equal((await page.textContent('#model-title')).trim(), 'BetCode');
      const field = fieldOf('sessions');
      const before = await page.inputValue(field);
      await page.fill(field, '40');
      await openDialog(page, 'share');
      const link = await page.inputValue('#share-link');
      assert.ok(link.endsWith('#preset=betcode&sessions=40'), link);
      const fresh = await t.open({ path: '#preset=betcode&sessions=40' });
      await appReady(fresh);
      await waitForValue(fresh, field, /^40\b/);
      assert.notEqual(before, await fresh.inputValue(field));
    },
  },
  {
    name: 'a damaged or cut link says why and shows the default model; saved work stays',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      // Some saved work first.
      await page.fill('#model', '# Mine\nx = 42 GB');
      await waitForText(page, shownOf('x'), '42 GB');
      await openDialog(page, 'share');
      const good = await page.inputValue('#share-link');
      await page.click('#share .close');
      const fragment = good.slice(good.indexOf('#') + 1);
      // Each bad link opened in a new tab of the same browser, as from a chat.
      let tab = null;
      for (const bad of [fragment.slice(0, -12), fragment.replace('z=', 'z=@@'), 'v=9&z=AAAA', 'preset=no-such-model']) {
        await tab?.close();
        tab = await page.context().newPage();
        await tab.goto(`${t.url}#${bad}`);
        await appReady(tab);
        const notice = await waitForText(tab, '#notice', /This link could not be opened/);
        assert.match(notice, /damaged|cut short|newer version|does not exist|not a Headroom/, notice);
        assert.equal((await tab.textContent('#model-title')).trim(), 'Web service', `fallback for ${bad}`);
        // The saved model is still there, one click away.
        await waitForText(tab, '#back-to-saved', 'Back to “Mine”');
      }
      // A bad link pasted into the address bar of an open tab goes from
      // the address bar too, so a reload reopens the user's own model.
      await page.fill('#model', '# Mine\nx = 42 GB\ny = 1');
      await waitForText(page, shownOf('y'), '1');
      await page.waitForFunction(() => location.hash === '');
      await page.evaluate(() => { location.hash = 'v=1&z=broken'; });
      await waitForText(page, '#notice', /This link could not be opened/);
      await page.waitForFunction(() => location.hash === '');
      await page.reload();
      await appReady(page);
      await waitForText(page, shownOf('x'), '42 GB');
      // Dismissed by keyboard, the notice hands the focus to the way back.
      await tab.focus('#notice button');
      await tab.keyboard.press('Enter');
      await tab.waitForSelector('#notice', { state: 'detached' });
      await tab.waitForFunction(() => document.activeElement?.id === 'back-to-saved');
      await tab.click('#back-to-saved');
      await waitForText(tab, shownOf('x'), '42 GB');
      assert.equal(await tab.inputValue('#model'), '# Mine\nx = 42 GB\ny = 1');
      // On a phone, behind the Model tab, the focus goes to what is shown.
      const phone = await t.open({ width: 375, height: 740, path: '#v=9&z=AAAA' });
      await appReady(phone);
      await phone.click('button.tab:has-text("Model")');
      await phone.focus('#notice button');
      await phone.keyboard.press('Enter');
      await phone.waitForFunction(() => document.activeElement?.id === 'model');
    },
  },
];
