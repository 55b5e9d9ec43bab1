// Export: Markdown ready for a design doc, JSON, CSV of the series and SVG
// of the charts, each copied to the clipboard and downloaded.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { appReady, clipboard, openDialog, waitForText } from './lib/page.mjs';

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

export const tests = [
  {
    name: 'Markdown has the inputs, results, checks and series as tables',
    async run(t) {
      const page = await t.open({ path: '#preset=data-store' });
      await appReady(page);
      await openDialog(page, 'export');
      const shown = await page.textContent('#export-text');
      await page.click('#export-copy');
      await waitForText(page, '#export .copy-status', /copied/);
      const md = await clipboard(page);
      assert.equal(md, shown);
      assert.match(md, /^## Data store growth\n/);
      assert.match(md, /### Inputs\n\n\| Input \| Value \| Range \|\n\|---\|---:\|---\|\n/);
      assert.match(md, /\| Raw data written per day \(today\) \(`ingest`\) \| 200 GB\/day \|/);
      // Checks and series sit in their sections, as tables.
      assert.match(md, /\n\| Check \| Status \|\n\|---\|---\|\n/);
      assert.match(md, /\| Disk fill at today's rate \| (OK|WARN|CRIT)/);
      assert.match(md, /\n\| `month` \| `ingest_then` \|/);
      assert.doesNotMatch(md, /### (Checks|Series)/);
      const { name, text } = await download(page);
      assert.equal(name, 'data-store-growth.md');
      assert.equal(text, md);
    },
  },
  {
    name: 'JSON, CSV and SVG export and download',
    async run(t) {
      const page = await t.open({ path: '#preset=data-store' });
      await appReady(page);
      await openDialog(page, 'export');

      await page.click('#export-json');
      const json = JSON.parse(await page.textContent('#export-text'));
      assert.ok(json.values.some((v) => v.name === 'ingest'));
      assert.ok(json.checks.length > 0);
      assert.equal((await download(page)).name, 'data-store-growth.json');

      await page.click('#export-csv');
      const csv = await page.textContent('#export-text');
      assert.match(csv.split('\n')[0], /^month,/);
      assert.equal(csv.trim().split('\n').length, 25, 'a header and 24 months');
      assert.equal((await download(page)).name, 'data-store-growth.csv');

      await page.click('#export-svg');
      const svg = await page.textContent('#export-text');
      assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svg, /<polyline/);
      const file = await download(page);
      assert.match(file.name, /^data-store-growth-.+\.svg$/);
      assert.equal(file.text, svg);
      if (await page.locator('#export-chart').count()) {
        const options = await page.locator('#export-chart option').count();
        assert.ok(options > 1);
        await page.selectOption('#export-chart', { index: 1 });
        assert.notEqual(await page.textContent('#export-text'), svg);
      }
    },
  },
];
