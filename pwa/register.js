// Registers the service worker and offers a new version when one is ready. Release builds
// only: tools/pwa.mjs adds this module to dist/index.html (as pwa-<hash>.js); the development
// build never registers a worker.
//
// A new version installs in the background and waits. The page shows a status bar, "A new
// version of the quiz is ready", with Reload and Later; Reload asks the waiting worker to take
// over and reloads once it has, so the page never runs on a mix of old and new files.
const sw = navigator.serviceWorker;
let asked = false;

function offer(registration) {
  if (document.querySelector('.update')) return;
  const bar = document.createElement('section');
  bar.className = 'update';
  bar.setAttribute('aria-label', 'Update');
  bar.innerHTML = '<p role="status"></p><button type="button" class="primary">Reload</button><button type="button" class="ghost">Later</button>';
  const [status, reload, later] = bar.children;
  reload.onclick = () => {
    const waiting = registration.waiting;
    if (waiting) {
      asked = true;
      waiting.postMessage('skip-waiting');
    } else location.reload();
  };
  later.onclick = () => bar.remove();
  document.body.append(bar);
  // The text goes into the live region after it exists, so that screen readers announce it.
  setTimeout(() => {
    status.textContent = 'A new version of the quiz is ready.';
  }, 100);
}

async function start() {
  const registration = await sw.register(new URL('sw.js', import.meta.url));
  const ready = () => {
    if (registration.waiting && sw.controller) offer(registration);
  };
  ready();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') ready();
    });
  });
  // The new version took over: this page asked for it, or another tab of the app did.
  sw.addEventListener('controllerchange', () => {
    if (asked) location.reload();
    else offer(registration);
  });
  // The browser checks for a new sw.js on every navigation; an app left open checks when it is
  // shown again and every hour. Offline, a check fails quietly and the next one tries again.
  const check = () => registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, 3600e3);
}

// A browser may refuse the worker (plain HTTP on a LAN address, a storage policy, a privacy
// mode): the app still works, only not offline, so a refusal is not an error to show.
const run = () => start().catch(() => {});
if (sw) {
  if (document.readyState === 'complete') run();
  else addEventListener('load', run);
}
