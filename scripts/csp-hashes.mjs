// Trunk post-build hook: allows the page's inline scripts by hash in its
// Content-Security-Policy. index.html's policy says 'inline-scripts' where
// the hashes go; this replaces it with a 'sha256-...' source for each inline
// <script> of the built page (trunk's loader, whose text changes with every
// build, and the start-up check). If the hook did not run, the browser
// refuses the unknown source and the inline scripts, so the page fails
// visibly rather than running with a looser policy.
//
// It also drops the `integrity` attribute trunk puts on the wasm's
// preload: browsers ignore it there (the module is fetched and checked by
// the loader) and Chromium warns about it on every load.
//
// Usage (trunk sets TRUNK_STAGING_DIR): node scripts/csp-hashes.mjs [FILE]

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const file = process.argv[2] ?? path.join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
// Under `trunk serve`, the page also carries trunk's reload script, whose
// server fills in the address per request, which would change its hash.
// Writing in here what the server would (the page's own host, and the base
// path, "/" for this site) keeps its text, and so its hash, fixed.
const html = (await readFile(file, 'utf8'))
  .replaceAll("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
  .replaceAll('{{__TRUNK_WS_BASE__}}', '/')
  .replace(/(<link rel="preload"[^>]*?) integrity="[^"]*"([^>]*\bas="fetch")/g, '$1$2');
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/i.test(m[1])) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
const marker = "'inline-scripts'";
const policy = /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;
const found = html.match(policy);
if (!found || !found[2].includes(marker)) {
  console.error(`csp-hashes: ${file} has no ${marker} in its Content-Security-Policy`);
  process.exit(1);
}
// A function as replacement, so that nothing in the hashes is read as a
// replacement pattern.
await writeFile(file, html.replace(policy, (_, a, b, c) => a + b.replace(marker, () => hashes.join(' ')) + c));
console.log(`csp-hashes: ${hashes.length} inline script(s) allowed by hash in ${file}`);
