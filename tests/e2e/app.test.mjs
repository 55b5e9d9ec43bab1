// The app shell: the default model's results, live editing, errors, and the
// layout at desktop and phone widths in both colour schemes (screenshots in
// tests/artifacts/).

import assert from 'node:assert/strict';
import { appReady, shownOf, waitForText } from './lib/page.mjs';

// The core's own documented example: 50 MB + 20 * 5 MB.
const SMALL_MODEL = 'input sessions = 20\nmem = 50 MB + sessions * 5 MB';

export const tests = [
  {
    name: 'shows the default model and values computed by the core',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      assert.equal(await page.textContent('header .product'), 'Headroom');
      assert.notEqual((await page.textContent('#model-title')).trim(), '');
      assert.match(await page.inputValue('#model'), /^instances = /m);
      const instances = await waitForText(page, shownOf('instances'), /^\d+$/);
      assert.ok(Number(instances) >= 1, `instances = ${instances}`);
      const badges = await page.locator('#results .check .badge').allTextContents();
      assert.ok(badges.length > 0, 'no checks shown');
      for (const b of badges) assert.match(b, /^(OK|PASS|FAIL|(WARN|CRIT) \d+(\.\d+)?%)$/);
      assert.equal(await page.locator('#problems').count(), 0);
    },
  },
  {
    name: 'typing in the editor updates the results',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', SMALL_MODEL);
      await waitForText(page, shownOf('mem'), '150 MB');
      // Type at the end of the first line: 20 sessions become 200.
      await page.click('#model');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await page.keyboard.type('0');
      await waitForText(page, shownOf('sessions'), '200');
      await waitForText(page, shownOf('mem'), '1.05 GB');
      // The caret stays where the user typed when the results re-render.
      await page.keyboard.type('0');
      await waitForText(page, shownOf('sessions'), '2,000');
      await waitForText(page, shownOf('mem'), '10.1 GB');
      assert.equal(await page.inputValue('#model'), SMALL_MODEL.replace('20', '2000'));
    },
  },
  {
    name: 'an error shows its line and column and keeps the other values',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.fill('#model', 'per_session = 5 MB\ntotal = sesions * per_session');
      await waitForText(page, '#problems .where', 'Line 2, column 9');
      assert.match(await page.textContent('#problems'), /sesions/);
      await waitForText(page, shownOf('per_session'), '5 MB');
    },
  },
  {
    name: 'fits desktop and phone widths in light and dark colour schemes',
    async run(t) {
      for (const width of [1280, 375]) {
        for (const colorScheme of ['light', 'dark']) {
          const what = `${width} px ${colorScheme}`;
          const page = await t.open({ width, height: width > 600 ? 800 : 812, colorScheme });
          await appReady(page);
          const layout = await page.evaluate(() => ({
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            background: getComputedStyle(document.body).backgroundColor,
            editor: document.querySelector('#model').getBoundingClientRect().width,
            results: document.querySelector('#results').getBoundingClientRect().width,
          }));
          assert.ok(layout.overflow <= 0, `${what}: the page scrolls sideways by ${layout.overflow} px`);
          assert.equal(layout.background === 'rgb(255, 255, 255)', colorScheme === 'light', `${what}: ${layout.background}`);
          const column = width - 2 * 16;
          assert.ok(layout.editor > (width > 600 ? column / 3 : column * 0.9), `${what}: editor ${layout.editor} px wide`);
          assert.ok(layout.results > (width > 600 ? column / 3 : column * 0.9), `${what}: results ${layout.results} px wide`);
          await t.screenshot(page, `app-${width}-${colorScheme}`);
        }
      }
    },
  },
];
