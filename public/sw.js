// The service worker of development builds (`make serve`). A release build registers a real one
// (`make dist` writes it over this file). If a release build was ever served at this address,
// its worker still controls the page; on its next update check the browser fetches this file
// instead, which removes the registration and the quiz's caches for this scope and reloads the
// open pages, so the development build is what runs.
const PREFIX = `django-quiz:${new URL('./', location).pathname}:`;
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX)) await caches.delete(key);
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
    })(),
  ),
);
