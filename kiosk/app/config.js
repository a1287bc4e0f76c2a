// Which kiosk this screen is, its configuration from the registry, its device token and the
// heartbeat. The start-up URL is /kiosk/?id={kioskId}#token={KIOSK token}: the token is kept in
// localStorage and taken out of the address bar at once, so it never shows on screen or in history.

import { ApiError, graphql, NetworkError } from '../shared/graphql.js';
import { store } from './store.js';

const KIOSK = new URL('./queries/kiosk.graphql', import.meta.url);
const HEARTBEAT = new URL('./queries/heartbeat.graphql', import.meta.url);
const TOKEN_KEY = 'pm.kiosk.token';
const CONFIG_KEY = 'pm.kiosk.config';
export const APP_VERSION = 'kiosk-2026.12.1';
const HEARTBEAT_MS = 30000;

/**
 * The URL's settings; `idle`, `countdown` and `heartbeat` (seconds), `lang` and `screen` (the first
 * screen: map, themes, routes, activity:{id}) exist for installers checking a screen, and for tests.
 */
export function startupParams() {
  const q = new URLSearchParams(location.search);
  const int = (name) => (/^\d{1,4}$/.test(q.get(name) || '') ? Number(q.get(name)) : null);
  return { id: q.get('id') || 'demo-centre', idle: int('idle'), countdown: int('countdown'), heartbeat: int('heartbeat'), lang: q.get('lang'), screen: q.get('screen') };
}

/** The token from `#token=…` (then stored and stripped) or the stored one; null without. */
export function takeToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  try {
    if (match) {
      localStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return localStorage.getItem(TOKEN_KEY);
  } catch (e) {
    return match ? decodeURIComponent(match[1]) : null;
  }
}

/**
 * The kiosk's configuration: from the registry, else the last one this screen saw (the network may
 * be down at switch-on). Resolves to null when the registry does not know the id.
 */
export async function loadConfig(params) {
  try {
    const config = normalise(await fetchConfig(params.id), params);
    if (config) save(config);
    return config;
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    store.offline();
    const saved = restore(params.id);
    if (saved) return saved;
    throw e;
  }
}

async function fetchConfig(id) {
  try {
    const { kiosk } = await graphql(KIOSK, { id }, { token: store.token });
    return kiosk;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NOT_FOUND') return null; // not registered
    throw e;
  }
}

function normalise(kiosk, params) {
  if (!kiosk) return null;
  const mode = kiosk.bilingual ? 'bi' : { ZH: 'zh', MN: 'mn', EN: 'en' }[kiosk.defaultLang] || 'zh';
  const asked = ['zh', 'mn', 'en', 'bi'].includes(params.lang) ? params.lang : null;
  const idleSeconds = params.idle ?? kiosk.idleSeconds ?? 60;
  return {
    ...kiosk,
    defaultMode: asked || mode,
    idleSeconds,
    countdownSeconds: params.countdown ?? Math.min(10, Math.max(2, Math.round(idleSeconds / 6))),
  };
}

function save(config) {
  try {
    localStorage.setItem(CONFIG_KEY, JSON.stringify(config));
  } catch (e) {
    // Not kept: the next start needs the network.
  }
}

function restore(id) {
  try {
    const saved = JSON.parse(localStorage.getItem(CONFIG_KEY) || 'null');
    return saved && saved.id === id ? saved : null;
  } catch (e) {
    return null;
  }
}

/**
 * Every 30 s (`?heartbeat=` seconds) while a token is set; `onConfig(kiosk)` hears the registry's
 * version, location and radius (a mobile point's kiosk moves without a new version or an event).
 */
export function startHeartbeat(onConfig, seconds) {
  if (!store.token) return () => {};
  const beat = async () => {
    const input = {
      id: store.config.id,
      appVersion: APP_VERSION,
      screenWidth: window.innerWidth,
      screenHeight: window.innerHeight,
      lang: store.mode === 'en' ? 'EN' : store.mode === 'mn' ? 'MN' : 'ZH',
      configVersion: store.config.version,
    };
    try {
      const { kioskHeartbeat } = await graphql(HEARTBEAT, { input }, { token: store.token });
      if (kioskHeartbeat.kiosk) onConfig(kioskHeartbeat.kiosk);
    } catch (e) {
      // A missed beat only makes the kiosk look stale to the managers; the next one comes soon.
    }
  };
  beat();
  const timer = setInterval(beat, seconds ? seconds * 1000 : HEARTBEAT_MS);
  return () => clearInterval(timer);
}
