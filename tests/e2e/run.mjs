// Runs every tests/e2e/*.test.mjs against the built site (dist/, or the
// directory in $DIST) in headless Chromium, and exits non-zero if any test
// fails or none ran.
//
// A test file exports `tests`: an array of `{ name, run }`, where `run(t)`
// receives a context with:
//   t.url, t.origin        the site's base URL and its origin;
//   t.open(options?)       a new page in a fresh browser context (options:
//                          width, height, colorScheme, path: what to load
//                          relative to the site, expectErrors: see below,
//                          serviceWorkers: "allow" or "block"),
//                          with the site loaded and the clipboard allowed;
//   t.screenshot(page, n, {fullPage}?)  saves tests/artifacts/<n>.png
//                          (the whole page unless fullPage is false).
// Every page a test opens is watched: a console error, an uncaught page
// error, a failed request or a request to any other origin than the site's
// fails the test, so tests need not check for them. A page opened with
// `expectErrors: true` (a test of how the page fails) collects its errors
// in `page.problems` instead.
//
// Usage: node tests/e2e/run.mjs [FILTER...]  (runs the tests whose file or
// name contains a FILTER).

import { readdir, mkdir, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const dist = path.resolve(repo, process.env.DIST ?? 'dist');
const artifacts = path.join(repo, 'tests/artifacts');
const filters = process.argv.slice(2);
const BROWSER = process.env.CHROMIUM ?? '/usr/bin/chromium';

await access(path.join(dist, 'index.html')).catch(() => {
  console.error(`e2e: no ${path.relative(repo, dist)}/index.html; run \`trunk build --release\` first`);
  process.exit(2);
});
await mkdir(artifacts, { recursive: true });

const files = (await readdir(here)).filter((f) => f.endsWith('.test.mjs')).sort();
const cases = [];
for (const file of files) {
  const mod = await import(pathToFileURL(path.join(here, file)).href);
  for (const test of mod.tests ?? []) {
    const id = `${file.replace(/\.test\.mjs$/, '')}: ${test.name}`;
    if (filters.length === 0 || filters.some((f) => id.includes(f))) cases.push({ id, run: test.run });
  }
}

const site = await serve(dist);
const origin = new URL(site.url).origin;
const browser = await chromium.launch({
  executablePath: BROWSER,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

let passed = 0;
let failed = 0;
const started = Date.now();
for (const { id, run } of cases) {
  const contexts = [];
  const problems = [];
  const t = {
    url: site.url,
    origin,
    async open({
      width = 1280,
      height = 800,
      colorScheme = 'light',
      path: at = '',
      expectErrors = false,
      serviceWorkers = 'allow',
    } = {}) {
      const context = await browser.newContext({
        serviceWorkers,
        viewport: { width, height },
        colorScheme,
        permissions: ['clipboard-read', 'clipboard-write'],
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.problems = [];
      const report = (p) => (expectErrors ? page.problems : problems).push(p);
      page.on('console', (m) => m.type() === 'error' && report(`console error: ${m.text()}`));
      page.on('pageerror', (e) => report(`page error: ${e.message}`));
      page.on('requestfailed', (r) => report(`request failed: ${r.url()} ${r.failure()?.errorText}`));
      page.on('response', (r) => r.status() >= 400 && report(`HTTP ${r.status()}: ${r.url()}`));
      // Nothing may be fetched from anywhere but the site (data: and blob:
      // URLs are the page's own).
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
          report(`request to another origin: ${r.url()}`);
        }
      });
      await page.goto(new URL(at, site.url).href);
      return page;
    },
    async screenshot(page, name, { fullPage = true } = {}) {
      const file = path.join(artifacts, `${name}.png`);
      await page.screenshot({ path: file, fullPage });
      return file;
    },
  };
  const t0 = Date.now();
  try {
    await run(t);
    if (problems.length) throw new Error(problems.join('\n'));
    passed++;
    console.log(`ok    ${id} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${id}\n      ${String(e?.stack ?? e).replaceAll('\n', '\n      ')}`);
    if (problems.length && !String(e).includes(problems[0])) console.log(`      also: ${problems.join('\n      ')}`);
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
  }
}

await browser.close();
await site.close();
console.log(`e2e: ${passed} passed, ${failed} failed (${cases.length} tests in ${files.length} files, ${Date.now() - started} ms)`);
process.exit(failed > 0 || cases.length === 0 ? 1 : 0);
