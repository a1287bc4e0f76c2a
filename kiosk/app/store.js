// The kiosk's one store: configuration, the screen shown, the reading settings, the last data of
// every query (kept, so that a lost network never empties the screen), live seats, and whether the
// server is reachable. Components read it and listen; only its methods change it.
//
// Events: 'screen' (another screen), 'settings' (language, large text, contrast), 'config',
// 'refresh' (data may have changed: screens load again), 'seats' (detail: activity id),
// 'online' (the offline banner), 'attract' (the attract loop comes or goes).

import { graphql, NetworkError } from '../shared/graphql.js';

const CACHE_KEY = 'pm.kiosk.cache';

class KioskStore extends EventTarget {
  constructor() {
    super();
    this.config = null;
    this.screen = { name: 'home' };
    this.mode = 'zh'; // zh | mn | en | bi (Mongolian beside Chinese)
    this.largeText = false;
    this.contrast = false;
    this.offlineSince = null;
    this.token = null;
    this.attract = false;
    this.seats = new Map(); // activity id → { seatsLeft, bookable, status, capacity, hasWaitlist }
    this.cache = readCache();
  }

  /** The API's Lang for the main texts: Chinese also under Mongolian, which is fetched beside it. */
  get apiLang() {
    return this.mode === 'en' ? 'EN' : 'ZH';
  }

  go(name, params = {}) {
    this.screen = { name, ...params };
    this.emit('screen');
  }

  setConfig(config) {
    this.config = config;
    this.emit('config');
  }

  setSettings({ mode = this.mode, largeText = this.largeText, contrast = this.contrast }) {
    const langChanged = mode !== this.mode;
    Object.assign(this, { mode, largeText, contrast });
    this.emit('settings');
    if (langChanged) this.emit('refresh');
  }

  showAttract(on) {
    if (this.attract === on) return;
    this.attract = on;
    this.emit('attract');
  }

  /** Back to the start for the next visitor: Home, the kiosk's language, default reading settings. */
  reset() {
    this.setSettings({ mode: this.config?.defaultMode || 'zh', largeText: false, contrast: false });
    this.go('home');
  }

  /**
   * Runs a query and remembers its answer under `key`; when the server cannot be reached, marks the
   * kiosk offline and answers with the remembered data instead (undefined if there is none).
   */
  async load(key, url, variables = {}) {
    const cacheKey = `${key}|${this.mode}`;
    try {
      const data = await graphql(url, variables, { token: this.token, timeoutMs: 8000 });
      this.cache.set(cacheKey, data);
      writeCache(this.cache);
      this.online();
      return data;
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      this.offline();
      if (this.cache.has(cacheKey)) return this.cache.get(cacheKey);
      throw e;
    }
  }

  /** Live seats from a subscription event or a fresh query. */
  updateSeats(activity) {
    if (!activity || !activity.id) return;
    const { seatsLeft, bookable, status, capacity, hasWaitlist } = activity;
    const old = this.seats.get(activity.id);
    const next = { seatsLeft, bookable, status, capacity, hasWaitlist };
    if (old && JSON.stringify(old) === JSON.stringify(next)) return;
    this.seats.set(activity.id, next);
    this.dispatchEvent(new CustomEvent('seats', { detail: activity.id }));
  }

  offline() {
    if (this.offlineSince) return;
    this.offlineSince = new Date();
    this.emit('online');
  }

  online() {
    if (!this.offlineSince) return;
    this.offlineSince = null;
    this.emit('online');
  }

  emit(type) {
    this.dispatchEvent(new Event(type));
  }
}

// The last answers survive a reload (after a crash, or a screen switched on while the network is
// down), bounded so that localStorage never fills.
function readCache() {
  try {
    return new Map(JSON.parse(localStorage.getItem(CACHE_KEY) || '[]'));
  } catch (e) {
    return new Map();
  }
}

function writeCache(cache) {
  while (cache.size > 40) cache.delete(cache.keys().next().value);
  try {
    localStorage.setItem(CACHE_KEY, JSON.stringify([...cache]));
  } catch (e) {
    // Full or unavailable: the in-memory copy still serves.
  }
}

export const store = new KioskStore();
