// Embed: `?embed` shows only inputs and results, `&readonly` locks the
// inputs, preset links with input values work, the embed code frames it,
// and the embedded page posts its height so the frame fits.

import assert from 'node:assert/strict';
import { appReady, fieldOf, openDialog, sliderOf, waitForText } from './lib/page.mjs';

/** A page that embeds `src` as the embed code says, served from the site's
 *  origin, recording the heights the frame posts. */
async function host(t, snippet) {
  // No service worker here: the test's own page for the host is routed in
  // the browser, which a worker's fetches would pass by.
  const page = await t.open({ serviceWorkers: 'block' });
  await appReady(page);
  await page.context().route(`${t.url}host.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><html><body style="margin:0"><h1>Design doc</h1>${snippet}
        <script>
          window.heights = [];
          addEventListener('message', (e) => { if (e.data && e.data.type === 'headroom:height') heights.push(e.data.height); });
        </script></body></html>`,
    }),
  );
  await page.goto(`${t.url}host.html`);
  return page;
}

export const tests = [
  {
    name: 'nothing scrolls up and down inside the frame: a series table shows whole',
    async run(t) {
      const page = await t.open({ path: '?embed#preset=web-service' });
      await appReady(page);
      const wrap = page.locator('.series-table-wrap').first();
      const [scroll, client] = await wrap.evaluate((el) => [el.scrollHeight, el.clientHeight]);
      assert.ok(scroll <= client + 1, `the table scrolls: ${scroll} px of rows in ${client} px`);
    },
  },
  {
    name: 'shows only inputs and results, with preset input values from the link',
    async run(t) {
      const page = await t.open({ path: '?embed#preset=betcode&sessions=40' });
      await appReady(page);
      assert.equal(await page.locator('#model').count(), 0, 'no editor');
      assert.equal(await page.locator('header.topbar').count(), 0, 'no header buttons');
      assert.match(await page.inputValue(fieldOf('sessions')), /^40\b/);
      assert.equal((await page.textContent('#model-title')).trim(), 'BetCode');
      // A page of its own: the model is its heading and its main landmark.
      assert.equal(await page.getByRole('heading', { level: 1, name: 'BetCode' }).count(), 1);
      assert.equal(await page.getByRole('main').count(), 1);
      // Inputs still recompute, and nothing is saved in the browser.
      await page.fill(fieldOf('sessions'), '60');
      await page.waitForTimeout(200);
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
      assert.ok(page.url().endsWith('#preset=betcode&sessions=40'), 'the embed leaves its address alone');
      // A narrow frame in a doc's sidebar never scrolls sideways.
      const narrow = await t.open({ width: 220, height: 600, path: '?embed#preset=betcode' });
      await appReady(narrow);
      assert.equal(await narrow.evaluate(() => document.documentElement.scrollWidth), 220);
    },
  },
  {
    name: 'readonly locks the inputs',
    async run(t) {
      const page = await t.open({ path: '?embed&readonly#preset=betcode&sessions=40' });
      await appReady(page);
      assert.equal(await page.$eval(fieldOf('sessions'), (f) => f.readOnly), true);
      assert.equal(await page.$eval(sliderOf('sessions'), (s) => s.disabled), true);
      assert.equal(await page.locator('#results .reset').count(), 0);
    },
  },
  {
    name: 'the embed code frames the scenario and the frame fits its posted height',
    async run(t) {
      const app = await t.open({ path: '#preset=worker-pool' });
      await appReady(app);
      await openDialog(app, 'embed');
      await app.check('#embed-readonly');
      const snippet = await app.inputValue('#embed-snippet');
      assert.match(snippet, /<iframe src="[^"]*\?embed&amp;readonly#preset=worker-pool"/);
      await app.click('#copy-embed');
      await waitForText(app, '#embed .copy-status', /copied/);

      const page = await host(t, snippet);
      const frame = page.frameLocator('iframe');
      await frame.locator('#results .group').first().waitFor();
      const deadline = Date.now() + 5000;
      let heights = [];
      while (Date.now() < deadline) {
        heights = await page.evaluate(() => window.heights);
        if (heights.length) break;
        await page.waitForTimeout(50);
      }
      assert.ok(heights.length > 0, 'the embed posted no height');
      const posted = heights.at(-1);
      const inner = await frame.locator('.embed').evaluate((e) => e.offsetHeight);
      assert.equal(posted, inner, 'the posted height is the height of the embed');
      // The embed code's script set the frame to it: no inner scrolling.
      await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height === h, posted);
      const scrolls = await frame.locator('html').evaluate((e) => e.scrollHeight - e.clientHeight);
      assert.ok(scrolls <= 1, `the frame still scrolls by ${scrolls} px`);
    },
  },
];
