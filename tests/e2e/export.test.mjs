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
      assert.match(md, /\n\| Check \| Status \| Value \| Thresholds \|\n\|---\|---\|---:\|---\|\n/);
      assert.match(md, /\| Disk fill at today's rate \| (OK|WARN|CRIT) \| [\d.]+% \| warn [\d.]+%, crit [\d.]+% \|/);
      assert.match(md, /\n\| `month` \| `ingest_then` \|/);
      assert.doesNotMatch(md, /### (Checks|Series)/);
      const { name, text } = await download(page);
      assert.equal(name, 'data-store-growth.md');
      assert.equal(text, md);
      // The status follows: the download, no longer the copy.
      await waitForText(page, '#export .copy-status:not(:empty)', 'Downloaded “data-store-growth.md”.');
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
      // An exported chart says what it shows.
      assert.match(svg, /font-weight="600">[a-z_]+ \(/);
      if (await page.locator('#export-part').count()) {
        const options = await page.locator('#export-part option').count();
        assert.ok(options > 1);
        await page.selectOption('#export-part', { index: 1 });
        assert.notEqual(await page.textContent('#export-text'), svg);
      }
    },
  },
  {
    name: 'a model with several tables of series exports each as its own CSV',
    async run(t) {
      const page = await t.open({ path: '#preset=omniops' });
      await appReady(page);
      await openDialog(page, 'export');
      await page.click('#export-csv');
      const names = await page.locator('#export-part option').allTextContents();
      assert.ok(names.length > 1, names.join(' / '));
      const seen = new Set();
      for (let i = 0; i < names.length; i++) {
        await page.selectOption('#export-part', { index: i });
        await waitForText(page, '#export-text', /./);
        const csv = await page.textContent('#export-text');
        // One table: a header row, then rows as wide as it, no blank line.
        const rows = csv.trimEnd().split('\n');
        const width = rows[0].split(',').length;
        assert.ok(rows.length > 1 && rows.every((r) => r !== '' && r.split(',').length >= width), csv);
        seen.add(csv);
        const file = await download(page);
        assert.match(file.name, /^omniops-.+\.csv$/);
        assert.equal(file.text, csv);
      }
      assert.equal(seen.size, names.length);
    },
  },
];
