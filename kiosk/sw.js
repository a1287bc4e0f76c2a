// The kiosk's service worker: network first, the last good copy when the server cannot be
// reached. With it a kiosk restarted during an outage still has its page, scripts, font and QR
// codes; the data comes from the app's own cache (app/store.js). Only same-origin GETs of the
// kiosk's files and QR codes are kept, at most MAX_ENTRIES of them.

const CACHE = 'pm-kiosk-v1';
const MAX_ENTRIES = 200;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const kept = url.origin === location.origin && (url.pathname.startsWith('/kiosk/') || url.pathname.startsWith('/qr/'));
  if (event.request.method !== 'GET' || !kept) return;
  event.respondWith(fromNetwork(event.request));
});

async function fromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
      trim(cache);
    }
    return response;
  } catch (e) {
    const copy = await cache.match(request, { ignoreSearch: false });
    if (copy) return copy;
    throw e;
  }
}

async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) await cache.delete(key);
}
