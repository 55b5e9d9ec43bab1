// Screenshots of the main screens at 1280 and 375 px, light and dark, for
// people to look at (tests/artifacts/, not committed): the main screen, the
// gallery, an opened explanation, the embed view, and a model with errors.

import assert from 'node:assert/strict';
import { appReady, openDialog, shownOf, waitForText, pointAtMark } from './lib/page.mjs';

const ERROR_MODEL = [
  '# Errors',
  'input sessions = 20 [0 .. 100] "Active sessions"',
  'per_session = 5 MB',
  'total = sesions * per_session',
  'budget = 100 MB + 10%',
  'ok = sessions * per_session',
].join('\n');

const screens = {
  async main(page) {},
  async gallery(page) {
    await openDialog(page, 'gallery');
  },
  async explanation(page, t, width) {
    await page.goto(`${t.url}#preset=web-service`);
    await appReady(page);
    await page.click('#results [data-name="instances"] .value-head');
    await page.waitForSelector('#explain-instances .explanation');
    await page.evaluate(() => document.querySelector('#explain-instances').scrollIntoView({ block: 'center' }));
  },
  async embed(page, t) {
    await page.goto(`${t.url}?embed#preset=data-store`);
    await appReady(page);
  },
  async error(page, t, width) {
    if (width < 600) await page.click('.tabs button:has-text("Model")');
    await page.fill('#model', ERROR_MODEL);
    await waitForText(page, '#problems .where', /^Line 4/);
    await pointAtMark(page);
    await waitForText(page, shownOf('ok'), '100 MB').catch(() => {});
  },
};

export const tests = [
  {
    name: 'takes screenshots at 1280 and 375 px in light and dark',
    async run(t) {
      for (const [screen, prepare] of Object.entries(screens)) {
        for (const width of [1280, 375]) {
          for (const colorScheme of ['light', 'dark']) {
            const page = await t.open({ width, height: width > 600 ? 800 : 812, colorScheme });
            await appReady(page);
            await prepare(page, t, width);
            await page.waitForTimeout(100);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `${screen} ${width} ${colorScheme}: scrolls sideways by ${overflow} px`);
            const file = await t.screenshot(page, `${screen}-${width}-${colorScheme}`, { fullPage: false });
            assert.ok(file);
            await page.context().close();
          }
        }
      }
    },
  },
];
