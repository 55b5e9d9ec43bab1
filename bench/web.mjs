// Times the built web app (dist/, or the directory in $DIST) in headless
// Chromium, served on 127.0.0.1 the way the end-to-end tests serve it, and
// prints a table with the goals beside it. Figures to read, not a test: it
// fails only when the page cannot be measured.
//
// For every preset of the gallery (opened as `#preset=NAME`):
//   - first results: from navigation start (performance.now() = 0) to the
//     first results in the DOM, seen by a MutationObserver that an init
//     script installs before the page runs, and "all": to the whole page of
//     results (a long model draws its first screen, then the rest after a
//     paint, with aria-busy on #results until then); the median of RUNS
//     loads, each
//     "cold" (a fresh browser context: a new renderer process that has
//     compiled nothing) and "warm" (the same tab loading the page again, as
//     a returning user would: the browser keeps the compiled module, while
//     the server still sends every file again);
//   - update: from an input change (a slider set and its `input` event
//     dispatched) to the DOM showing the new results, timed in the page,
//     over the preset's sliders in turn: the first change (which also
//     saves the preset as the user's own model, and runs code for the
//     first time), then the median and the largest of the CHANGES after it.
// Then the size of the .wasm, raw and gzipped (gzip -9, as
// scripts/bundle-size.mjs measures it).
//
// Usage: trunk build --release && node bench/web.mjs
// Environment: DIST (default dist), RUNS (loads per preset, default 5),
// CHANGES (input changes per preset, default 20), CHROMIUM (the browser,
// default /usr/bin/chromium).

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/lib/server.mjs';
import { appReady } from '../tests/e2e/lib/page.mjs';

const GOAL_FIRST_MS = 150;
const GOAL_UPDATE_MS = 16;
const GOAL_WASM_GZIP_KIB = 150;

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(repo, process.env.DIST ?? 'dist');
const RUNS = Number(process.env.RUNS ?? 5);
const CHANGES = Number(process.env.CHANGES ?? 20);

// Runs in the page before its own scripts: notes when the first results
// appear, and when all of them are drawn (what tests/e2e/lib/page.mjs's
// appReady waits for).
function watchFirstResults() {
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (window.__firstResults === undefined && document.querySelector('#results .group')) {
      window.__firstResults = now;
    }
    if (document.querySelector('#results[aria-busy="false"] .group')) {
      window.__allResults = now;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
}

// Runs in the page: changes the inputs through their sliders, `count`
// times, and returns how long each change took to reach the DOM (ms).
// A change whose results do not differ (a slider that nothing shown
// depends on) is left out, and so is that slider from then on.
async function timeUpdates(count) {
  const results = document.querySelector('#results');
  let sliders = [...results.querySelectorAll('.input-slider:not([disabled])')];
  const times = [];
  for (let i = 0; times.length < count && sliders.length > 0 && i < count * 4; i++) {
    const slider = sliders[i % sliders.length];
    const lo = Number(slider.min);
    const hi = Number(slider.max);
    // Each pass over the sliders moves them to another point of their range.
    const fraction = [0.25, 0.75, 0.5, 0.1, 0.9][Math.floor(i / sliders.length) % 5];
    const before = results.textContent;
    const took = await new Promise((resolve) => {
      let start = 0;
      const done = (ms) => {
        observer.disconnect();
        clearTimeout(timer);
        resolve(ms);
      };
      const observer = new MutationObserver(() => {
        const now = performance.now();
        if (results.textContent !== before) done(now - start);
      });
      observer.observe(results, { childList: true, subtree: true, characterData: true, attributes: true });
      const timer = setTimeout(() => done(null), 1000);
      slider.value = String(lo + (hi - lo) * fraction);
      start = performance.now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    if (took === null) sliders = sliders.filter((s) => s !== slider);
    else times.push(took);
    // Let the page settle (effects, autosave) before the next change.
    await new Promise((r) => setTimeout(r, 30));
  }
  return times;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x === undefined || x === null || Number.isNaN(x) ? '-' : x.toFixed(1));

const wasmFile = (await readdir(dist)).find((f) => f.endsWith('.wasm'));
if (!wasmFile) {
  console.error(`bench: no .wasm in ${path.relative(repo, dist) || '.'}/; run \`trunk build --release\` first`);
  process.exit(2);
}
const wasm = await readFile(path.join(dist, wasmFile));
const wasmGzip = gzipSync(wasm, { level: 9 }).length;

const site = await serve(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const newPage = async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(watchFirstResults);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  return { context, page };
};
// Loads the page at `fragment` and returns when it first showed results.
const load = async (page, fragment) => {
  await page.goto('about:blank');
  await page.goto(`${site.url}${fragment}`);
  await appReady(page);
  if (page.errors.length) throw new Error(`${fragment}: ${page.errors.join('; ')}`);
  return page.evaluate(() => [window.__firstResults, window.__allResults]);
};
const open = async (fragment) => {
  const opened = await newPage();
  await load(opened.page, fragment);
  return opened;
};
const warm = await newPage();

// The presets, as the gallery lists them.
const { context: first, page: gallery } = await open('');
await gallery.click('#open-gallery');
const presets = await gallery.$$eval('#gallery [data-preset]', (cards) => cards.map((c) => c.dataset.preset));
await first.close();
if (presets.length === 0) throw new Error('the gallery lists no presets');

const rows = [];
for (const name of presets) {
  const fragment = `#preset=${name}`;
  const cold = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await newPage();
    cold.push(await load(page, fragment));
    await context.close();
  }
  await load(warm.page, fragment);
  const loads = [];
  for (let run = 0; run < RUNS; run++) loads.push(await load(warm.page, fragment));
  const firsts = (xs) => xs.map(([first]) => first);
  const alls = (xs) => xs.map(([, all]) => all);
  // The updates, on a page of their own (a change saves the model in the
  // browser, which later loads would then open beside the preset).
  const { context, page } = await open(fragment);
  await page.waitForTimeout(200);
  const [firstChange, ...times] = await page.evaluate(timeUpdates, CHANGES + 1);
  if (page.errors.length) throw new Error(`${name}: ${page.errors.join('; ')}`);
  await context.close();
  rows.push({
    name,
    cold: median(firsts(cold)),
    coldAll: median(alls(cold)),
    warm: median(firsts(loads)),
    warmAll: median(alls(loads)),
    firstChange,
    update: times.length ? median(times) : undefined,
    updateMax: times.length ? Math.max(...times) : undefined,
    changes: times.length,
  });
}
await warm.context.close();
await browser.close();
await site.close();

const head = ['preset', 'first results cold', 'all', 'warm', 'all', 'first change', 'update median', 'max', 'changes'];
const table = [
  head,
  ...rows.map((r) => [
    r.name,
    ms(r.cold),
    ms(r.coldAll),
    ms(r.warm),
    ms(r.warmAll),
    ms(r.firstChange),
    ms(r.update),
    ms(r.updateMax),
    String(r.changes),
  ]),
];
const widths = head.map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`Headroom web benchmark: ${path.relative(repo, dist) || '.'}/ on 127.0.0.1, headless Chromium, times in ms`);
console.log(
  `(first results: median of ${RUNS} loads, from navigation start; update: input change to updated DOM, ` +
    `the first change, then ${CHANGES} more)\n`,
);
console.log(line(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table.slice(1)) console.log(line(row));

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const slowestCold = Math.max(...rows.map((r) => r.cold));
const slowestWarm = Math.max(...rows.map((r) => r.warm));
const slowestColdAll = Math.max(...rows.map((r) => r.coldAll));
const slowestWarmAll = Math.max(...rows.map((r) => r.warmAll));
const slowestUpdate = Math.max(...rows.map((r) => Math.max(r.firstChange ?? 0, r.updateMax ?? 0)));
const slowestLater = Math.max(...rows.map((r) => r.updateMax ?? 0));
const verdict = (ok) => (ok ? 'met' : 'NOT met');
console.log(`\nwasm: ${wasmFile}: ${wasm.length.toLocaleString('en-US')} B raw, ${wasmGzip.toLocaleString('en-US')} B gzipped (${kib(wasmGzip)})`);
console.log('\nGoals:');
console.log(
  `  first results within ${GOAL_FIRST_MS} ms on loopback: cold ${verdict(slowestCold <= GOAL_FIRST_MS)} ` +
    `(slowest preset ${ms(slowestCold)} ms), warm ${verdict(slowestWarm <= GOAL_FIRST_MS)} (slowest ${ms(slowestWarm)} ms); ` +
    `all results: cold slowest ${ms(slowestColdAll)} ms, warm slowest ${ms(slowestWarmAll)} ms`,
);
console.log(
  `  every update within one ${GOAL_UPDATE_MS} ms frame: ${verdict(slowestUpdate <= GOAL_UPDATE_MS)} ` +
    `(largest ${ms(slowestUpdate)} ms; after the first change, largest ${ms(slowestLater)} ms)`,
);
console.log(`  wasm at most ${GOAL_WASM_GZIP_KIB} KiB gzipped: ${verdict(wasmGzip <= GOAL_WASM_GZIP_KIB * 1024)} (${kib(wasmGzip)})`);
