// The service worker of release builds. tools/pwa.mjs writes it to dist/sw.js with the two
// constants below filled in from the build: every file of dist/ but this one, each with the
// start of its SHA-256, and a version derived from that list.
//
// - install: downloads every file into a cache of its own version and checks each against its
//   hash, so a cache never holds a mix of two deployments (a host or proxy still serving an old
//   index.html fails the install, which the browser retries on its next update check);
// - fetch: answers the app's files from the cache of the version that controls the page, and
//   navigations to the app's address (any query, any fragment) with its index.html;
// - a new version waits until the page asks it to take over (the user clicked "Reload");
// - activate: deletes the caches of older versions of this app (same scope only).
const VERSION = '%VERSION%';
const FILES = '%FILES%';

const BASE = new URL('./', location).pathname;
const PREFIX = `django-quiz:${BASE}:`;
const CACHE = PREFIX + VERSION;
const PATHS = new Set(FILES.map(([path]) => path));
// Names with a content hash (Trunk's are up to 16 hex digits, the bank's data files 8) never
// change content: the HTTP cache may answer for them.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|txt)$/;

const digest = async (bytes) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16);

self.addEventListener('install', (event) =>
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        FILES.map(async ([path, sum]) => {
          if (await cache.match(path)) return; // stored by an earlier, interrupted install
          const response = await fetch(path, { cache: HASHED.test(path) ? 'default' : 'no-cache' });
          const body = await response.arrayBuffer();
          if (!response.ok || (await digest(body)) !== sum) throw new Error(`${path} is not the file of version ${VERSION}`);
          // A fresh response: a redirected one cannot answer a navigation.
          await cache.put(path, new Response(body, { headers: response.headers }));
        }),
      );
    })(),
  ),
);

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    })(),
  ),
);

const cached = async (path, request) => (await (await caches.open(CACHE)).match(path)) ?? fetch(request);

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  const navigate = request.mode === 'navigate';
  let path = url.pathname.slice(BASE.length);
  if (navigate && path === '') path = 'index.html';
  if (PATHS.has(path)) event.respondWith(cached(path, request));
  // Any other address below the app: the host's answer, or its 404 page offline.
  else if (navigate) event.respondWith(fetch(request).catch(() => cached('404.html', request)));
});
