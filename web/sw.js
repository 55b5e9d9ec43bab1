// Headroom's service worker: the site keeps working offline once loaded.
// It keeps the page and the files the page names (the wasm, its JS glue,
// the style sheet; their names change with their contents) in one cache.
// A page load asks the network first, so a new version shows as soon as it
// is online, and falls back to the cached page offline; the other files
// come from the cache first, since a name always means the same content.
// Nothing is fetched from other origins, here or anywhere in the app.

const CACHE = 'headroom';

// The files a page names in its `href`, `src` and loader: same-origin
// paths ending in .js, .wasm or .css.
function filesOf(html) {
  const files = new Set();
  for (const m of html.matchAll(/["'](\/[^"'?#]+\.(?:js|wasm|css))["']/g)) files.add(m[1]);
  return [...files];
}

// Caches the page at `/` and its files; drops the files of older versions.
async function keep(pageResponse) {
  const cache = await caches.open(CACHE);
  const html = await pageResponse.clone().text();
  const files = filesOf(html).filter((f) => f !== '/sw.js');
  for (const f of files) {
    if (!(await cache.match(f))) await cache.add(f);
  }
  await cache.put('/', pageResponse);
  const wanted = new Set(['/', ...files].map((f) => new URL(f, self.location.origin).href));
  for (const request of await cache.keys()) {
    if (!wanted.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch('/', { cache: 'no-cache' })
      .then((r) => (r.ok ? keep(r) : undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The page load starts while the worker wakes up.
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => {
        try {
          const response = (await event.preloadResponse) || (await fetch(request));
          if (response.ok && url.pathname === '/') event.waitUntil(keep(response.clone()).catch(() => {}));
          return response;
        } catch (offline) {
          const cached = await caches.match('/');
          if (cached) return cached;
          throw offline;
        }
      })(),
    );
    return;
  }
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
