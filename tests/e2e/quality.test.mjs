// What a user feels: only the site's own files are loaded (a strict
// Content-Security-Policy, checked here; every test also fails on a request
// to another origin or a console error such as a CSP violation), keyboard
// use with a visible focus, a label on every control, status colours that
// pass WCAG AA in both schemes, and a message rather than a blank page when
// the app cannot start.

import assert from 'node:assert/strict';
import { appReady, openDialog, setModel, shownOf, waitForText } from './lib/page.mjs';

export const tests = [
  {
    name: 'the page allows only its own origin and loads nothing else',
    async run(t) {
      // This page expects errors: the refusal of the script checked below.
      const page = await t.open({ expectErrors: true });
      await appReady(page);
      // A load warns of nothing (such as an attribute the browser ignores).
      const warnings = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.reload();
      await appReady(page);
      assert.deepEqual(warnings, []);
      const requests = await page.evaluate(() => [
        location.href,
        ...performance.getEntriesByType('resource').map((e) => e.name),
      ]);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
      assert.doesNotMatch(csp, /unsafe-inline|\*|https?:/);
      assert.ok(requests.length >= 3, requests.join('\n'));
      for (const url of requests) assert.ok(url.startsWith(t.origin) || url.startsWith('data:'), url);
      // A script from elsewhere is refused by the policy.
      const refused = await page.evaluate(
        () =>
          new Promise((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
            const s = document.createElement('script');
            s.src = 'https://example.invalid/x.js';
            document.head.append(s);
          }),
      );
      assert.match(refused, /script-src/);
      assert.ok(page.problems.some((p) => /Content Security Policy/.test(p)), page.problems.join('\n'));
      for (const p of page.problems) assert.match(p, /example\.invalid/);
    },
  },
  {
    name: 'works offline once loaded',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      await page.context().setOffline(true);
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      // Open a preset, change an input, edit, share and export, all offline.
      await openDialog(page, 'gallery');
      await page.click('#gallery [data-preset="worker-pool"] button');
      await waitForText(page, '#model-title', 'Worker pool');
      const field = '#results .input-control .input-field';
      await page.fill(field, '2');
      await page.fill('#model', '# Offline\nx = 3 GB * 2');
      await waitForText(page, shownOf('x'), '6 GB');
      await openDialog(page, 'export');
      await waitForText(page, '#export-text', /## Offline/);
      await page.keyboard.press('Escape');
      assert.deepEqual(requests, [], 'nothing was fetched');
    },
  },
  {
    name: 'reloads offline, and opens in a new tab offline, once loaded',
    async run(t) {
      const page = await t.open({ path: '#preset=batch-job' });
      await appReady(page);
      // A dialog opened at once must not keep the worker from starting
      // (some browsers hold idle callbacks while a modal dialog is open).
      await openDialog(page, 'gallery');
      await page.keyboard.press('Escape');
      // The service worker has kept the page and its files.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        const cache = await caches.open('headroom');
        for (let i = 0; i < 100 && (await cache.keys()).length < 4; i++) await new Promise((r) => setTimeout(r, 50));
      });
      const kept = await page.evaluate(async () => (await (await caches.open('headroom')).keys()).map((r) => new URL(r.url).pathname));
      assert.ok(kept.includes('/') && kept.some((f) => f.endsWith('.wasm')), kept.join(' '));
      await page.context().setOffline(true);
      await page.reload();
      await appReady(page);
      assert.match(await page.textContent('#model-title'), /^Batch job/);
      const tab = await page.context().newPage();
      await tab.goto(new URL('#preset=omniops', t.url).href);
      await appReady(tab);
      assert.match(await tab.textContent('#model-title'), /Omniops/);
      await page.context().setOffline(false);
    },
  },
  {
    name: 'usable with the keyboard alone, with a visible focus',
    async run(t) {
      const page = await t.open();
      await appReady(page);
      const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
      // The first stop offers to skip the header and the editor; Tab from
      // there to the Gallery button.
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'Skip to inputs and results');
      for (let i = 0; i < 10 && (await focused()) !== 'open-gallery'; i++) await page.keyboard.press('Tab');
      assert.equal(await focused(), 'open-gallery');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.equal(outline, 'solid', 'the focused button shows its focus');
      await page.keyboard.press('Enter');
      await page.waitForSelector('dialog#gallery[open]');
      // Focus is in the dialog; Tab reaches a preset's Open button.
      for (let i = 0; i < 20 && !(await focused())?.includes?.('Open'); i++) await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
      assert.match(label, /^Open /);
      await page.keyboard.press('Enter');
      await page.waitForSelector('dialog#gallery', { state: 'detached' });
      await waitForText(page, '#model-title', label.slice('Open '.length));
      // Escape closes a dialog and focus goes back to its button.
      await page.focus('#open-export');
      await page.keyboard.press('Enter');
      await page.waitForSelector('dialog#export[open]');
      await page.keyboard.press('Escape');
      await page.waitForSelector('dialog#export', { state: 'detached' });
      assert.equal(await focused(), 'open-export');
      // An input field takes typed values; Tab leaves the editor.
      await page.focus('#model');
      await page.keyboard.press('Tab');
      assert.notEqual(await focused(), 'model', 'Tab does not get stuck in the editor');
      // The skip link takes the focus to the results.
      await page.focus('.skip-link');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'results');
    },
  },
  {
    name: 'long words wrap on a phone: the page never scrolls sideways',
    async run(t) {
      const page = await t.open({ width: 375, height: 740 });
      await appReady(page);
      const word = 'Database_storage_of_the_primary_cluster_in_two_years_at_peak_growth';
      await page.click('button.tab:has-text("Model")');
      // A picked row's long name, and a row picked by many values.
      const row = 'Standard_D32s_v5 (32 vCPU, 128 GiB RAM, premium SSD)';
      const picks = Array.from({ length: 8 }, (_, i) => `picked_by_service_${i} = pick(vms, ram >= 1 GB)`).join('\n');
      await setModel(
        page,
        `## ${word}\nx = 1 GB\ncheck "${word}" x / 2 GB warn 70% crit 85%\n` +
          `table vms\n| Type | RAM |\n|---|---|\n| ${row} | 128 GiB |\nvm = pick(vms, ram >= 1 GB).name\n${picks}\n` +
          // An error naming a long unknown name, in the results too.
          `broken = ${word.toLowerCase()}_and_more * 2`,
      );
      await page.click('button.tab:has-text("Results")');
      await waitForText(page, shownOf('x'), '1 GB');
      await waitForText(page, shownOf('vm'), row);
      await waitForText(page, shownOf('broken'), /unknown name/);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
    },
  },
  {
    name: 'every control has a label',
    async run(t) {
      const page = await t.open({ path: '#preset=omniops' });
      await appReady(page);
      const check = () =>
        page.evaluate(() => {
          const unnamed = [];
          for (const el of document.querySelectorAll('input, select, textarea, button')) {
            if (el.closest('dialog:not([open])')) continue;
            const name =
              el.getAttribute('aria-label') ||
              (el.getAttribute('aria-labelledby') &&
                document.getElementById(el.getAttribute('aria-labelledby'))?.textContent) ||
              [...(el.labels ?? [])].map((l) => l.textContent).join(' ') ||
              (el.tagName === 'BUTTON' ? el.textContent : '');
            if (!name.trim()) unnamed.push(el.outerHTML.slice(0, 120));
          }
          return unnamed;
        });
      assert.deepEqual(await check(), []);
      for (const dialog of ['gallery', 'saved', 'share', 'embed', 'export']) {
        await openDialog(page, dialog);
        assert.deepEqual(await check(), [], `in ${dialog}`);
        await page.keyboard.press('Escape');
        await page.waitForSelector(`dialog#${dialog}`, { state: 'detached' });
      }
    },
  },
  {
    name: 'status colours pass WCAG AA in light and dark',
    async run(t) {
      for (const colorScheme of ['light', 'dark']) {
        const page = await t.open({ colorScheme, path: '#preset=omniops' });
        await appReady(page);
        const ratios = await page.evaluate(() => {
          const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
          const lum = ([r, g, b]) => {
            const c = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
          };
          const ratio = (a, b) => {
            const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
            return (x + 0.05) / (y + 0.05);
          };
          const out = {};
          for (const b of document.querySelectorAll('.badge')) {
            const s = getComputedStyle(b);
            const key = `${b.closest('[class*="status-"]')?.className.match(/status-\w+/)?.[0]} ${b.textContent.split(' ')[0]}`;
            out[key] = Math.min(out[key] ?? 99, ratio(s.color, s.backgroundColor));
          }
          return out;
        });
        const statuses = Object.keys(ratios).join(', ');
        assert.ok(/status-ok/.test(statuses) && /status-(warn|crit|fail)/.test(statuses), statuses);
        for (const [what, r] of Object.entries(ratios)) {
          assert.ok(r >= 4.5, `${colorScheme}: ${what} has contrast ${r.toFixed(2)}`);
        }
      }
    },
  },
  {
    name: 'a page that cannot start says so',
    async run(t) {
      const page = await t.open({ expectErrors: true, path: 'nothing-here' });
      await page.context().route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' }));
      await page.goto(t.url);
      const text = await waitForText(page, '#boot', /Headroom could not start in this browser: /);
      assert.match(text, /WebAssembly|wasm|compile|magic/i);
      assert.equal(await page.getAttribute('#boot', 'role'), 'alert');
    },
  },
  {
    name: 'a page whose script does not load says so',
    async run(t) {
      const page = await t.open({ expectErrors: true, path: 'nothing-here' });
      await page.context().route('**/headroom-web-*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(t.url);
      const text = await waitForText(page, '#boot', /Headroom could not start in this browser: /);
      assert.match(text, /did not load/);
      assert.equal(await page.getAttribute('#boot', 'role'), 'alert');
    },
  },
];
