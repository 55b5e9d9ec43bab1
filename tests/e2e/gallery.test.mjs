// The gallery: every preset and template is listed with its title,
// description and source, and opening each one shows its results.

import assert from 'node:assert/strict';
import { appReady, openDialog } from './lib/page.mjs';

export const tests = [
  {
    name: 'lists the presets with title, description and source',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await openDialog(page, 'gallery');
      const cards = await page.$$eval('#gallery .preset-card', (cards) =>
        cards.map((c) => ({
          name: c.dataset.preset,
          title: c.querySelector('h4')?.textContent,
          description: c.querySelector('.description')?.textContent,
          source: c.querySelector('.source')?.textContent ?? null,
        })),
      );
      assert.ok(cards.length >= 9, `${cards.length} presets`);
      // Every card says where it comes from: a seed document, or Headroom.
      for (const c of cards) {
        assert.ok(c.title && c.description && c.source, JSON.stringify(c));
      }
      const seeds = cards.filter((c) => c.source.startsWith('Reproduces'));
      assert.ok(seeds.length >= 5, 'the five seed documents say what they reproduce');
      for (const name of ['wdmaker', 'omniops', 'mistersmith', 'freeagentics', 'betcode']) {
        assert.ok(seeds.some((c) => c.name === name), `${name} is a seed with its source`);
      }
    },
  },
  {
    name: 'opening every preset shows its results without errors',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await openDialog(page, 'gallery');
      const presets = await page.$$eval('#gallery .preset-card', (cards) =>
        cards.map((c) => ({ name: c.dataset.preset, title: c.querySelector('h4').textContent })),
      );
      await page.click('#gallery .close');
      for (const p of presets) {
        await openDialog(page, 'gallery');
        await page.click(`#gallery .preset-card[data-preset="${p.name}"] button.open-preset`);
        await page.waitForSelector('dialog#gallery', { state: 'detached' });
        assert.equal((await page.textContent('#model-title')).trim(), p.title);
        await page.waitForURL((u) => u.href.endsWith(`#preset=${p.name}`));
        await appReady(page);
        assert.equal(await page.locator('#problems').count(), 0, `${p.name} has errors`);
        const values = await page.locator('#results .value-card .shown, #results .series-block td').count();
        assert.ok(values > 3, `${p.name}: ${values} values shown`);
        const failed = await page.locator('#results .shown.failed').allTextContents();
        assert.deepEqual(failed, [], `${p.name}: values that failed`);
        for (const b of await page.locator('#results .check .badge').allTextContents()) {
          assert.match(b, /^(OK|PASS|FAIL|(WARN|CRIT) [\d.,]+%?.*)$/, `${p.name}: badge ${b}`);
        }
        assert.match(await page.inputValue('#model'), /\S/);
      }
    },
  },
];
