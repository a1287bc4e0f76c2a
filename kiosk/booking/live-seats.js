// Live data on the phone pages. Seats come over a GraphQL subscription (graphql-transport-ws on
// /graphql, `activityChanged`), whose first event (CURRENT) is the activity as it is once the
// server follows it, after every (re)connect; a query is the safety net: at once after every
// RESYNC (events may have been missed), every 10 s while the socket is down and every 60 s while
// it is up. The newest `version` wins, whichever way it came; one the page shows already is not
// passed on again.
// When the kiosk's general client (shared/live-socket.js) is on main, ActivitySocket below gives
// way to it: the page sees the same watchers.

import { graphql } from './graphql.js';
import { isPersistedQueryNotFound, loadQuery, persistedBody, sha256Hex } from './persisted.js';

const SEATS = new URL('./queries/seats.graphql', import.meta.url);
const SEATS_CHANGED = new URL('./queries/seats-changed.graphql', import.meta.url);
const BOOKING = new URL('./queries/booking-status.graphql', import.meta.url);

const POLL_DOWN_MS = 10000;
const POLL_UP_MS = 60000;
const MAX_RETRY_MS = 30000;

/**
 * Calls `onChange({ seatsLeft, bookable, status, version })` as seats come and go, for versions
 * newer than `shownVersion` (what the page shows already). Returns `{ stop, refresh }`.
 */
export function watchSeats(activityId, onChange, shownVersion = -1) {
  let version = shownVersion;
  const take = (activity) => {
    if (!activity || activity.version <= version) return;
    version = activity.version;
    onChange(activity);
  };
  // The socket calls back only after it has connected, when `poll` is set.
  let poll = null;
  // No query on (re)connect: the subscription's first event, CURRENT, brings the seats.
  const socket = new ActivitySocket(activityId, (event) => {
    if (event.kind === 'RESYNC' || !event.activity) poll.refresh();
    else take(event.activity);
  }, () => {});
  poll = pollWhileVisible(async () => {
    const { activity } = await graphql(SEATS, { id: activityId });
    take(activity);
  }, () => (socket.open ? POLL_UP_MS : POLL_DOWN_MS));
  return {
    stop() {
      socket.close();
      poll.stop();
    },
    refresh: poll.refresh,
  };
}

/**
 * Calls `onChange({ status, position })` while a booking waits for a seat; the page calls
 * `refresh()` when the activity's seats change (a promotion moves them). Returns `{ stop, refresh }`.
 */
export function watchBooking(code, onChange, periodMs = POLL_DOWN_MS) {
  return pollWhileVisible(async () => {
    const { booking } = await graphql(BOOKING, { code });
    if (booking) onChange(booking);
  }, () => periodMs);
}

/**
 * One activity's changes over one WebSocket: `onEvent(activityChanged)` per event, `onOpen()`
 * after every (re)connect. Reconnects with a growing pause until closed; a page that is hidden
 * keeps its socket (a phone suspends it anyway, and the reconnect refetches).
 */
class ActivitySocket {
  constructor(activityId, onEvent, onOpen) {
    this.activityId = activityId;
    this.onEvent = onEvent;
    this.onOpen = onOpen;
    this.open = false;
    this.closed = false;
    this.attempt = 0;
    this.connect();
  }

  async connect() {
    if (this.closed) return;
    let ws;
    try {
      const text = await loadQuery(SEATS_CHANGED);
      const hash = await sha256Hex(text);
      const variables = { id: this.activityId };
      // The hash alone, as over HTTP; the text only for a server that does not know it.
      const payloads = [persistedBody(hash, variables), persistedBody(hash, variables, text)];
      if (this.closed) return; // the page left while the query loaded
      const url = new URL('/graphql', location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      ws = new WebSocket(url, 'graphql-transport-ws');
      ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init' }));
      ws.onmessage = (m) => this.received(ws, JSON.parse(m.data), payloads);
    } catch (e) {
      this.retry();
      return;
    }
    ws.onclose = () => {
      this.open = false;
      if (this.ws === ws) this.ws = null;
      this.retry();
    };
    this.ws = ws;
  }

  received(ws, message, payloads) {
    if (message.type === 'connection_ack') {
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: payloads[0] }));
      this.open = true;
      this.attempt = 0;
      this.onOpen();
    } else if (message.type === 'ping') {
      ws.send(JSON.stringify({ type: 'pong' }));
    } else if (message.type === 'next' && message.payload?.data?.activityChanged) {
      this.onEvent(message.payload.data.activityChanged);
    } else if (message.type === 'error' && isPersistedQueryNotFound({ errors: message.payload })) {
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: payloads[1] }));
    } else if (message.type === 'error' || message.type === 'complete') {
      ws.close(1000, 'subscription ended'); // the safety-net query covers the gap
    }
  }

  retry() {
    if (this.closed) return;
    const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  close() {
    this.closed = true;
    this.open = false;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close(1000, 'page left');
  }
}

/**
 * Runs `fn` every `periodMs()` while the document is visible, and at once when it becomes visible
 * again (a phone taken out of a pocket shows fresh seats) or when `refresh()` is called. Never two
 * runs at a time: a refresh during a run is run after it.
 */
function pollWhileVisible(fn, periodMs) {
  let timer = null;
  let stopped = false;
  let running = false;
  let again = false;
  const run = async () => {
    clearTimeout(timer);
    timer = null;
    if (stopped || document.visibilityState !== 'visible') return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await fn();
    } catch (e) {
      // A missed refresh is harmless: the next one comes soon.
    } finally {
      running = false;
    }
    if (stopped) return;
    if (again) {
      again = false;
      run();
      return;
    }
    timer = setTimeout(run, periodMs());
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') run();
  };
  document.addEventListener('visibilitychange', onVisibility);
  timer = setTimeout(run, periodMs());
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    },
    refresh: run,
  };
}
