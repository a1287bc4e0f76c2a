// Live data on the phone pages. Seats come over a GraphQL subscription (`activityChanged`, on the
// kiosk's general client shared/live-socket.js: graphql-transport-ws, reconnecting forever with
// backoff), whose first event (CURRENT) is the activity as it is once the server follows it, after
// every (re)connect; a query is the safety net: at once after every RESYNC (events may have been
// missed), every 10 s while the socket is down and every 60 s while it is up. The newest `version`
// wins, whichever way it came; one the page shows already is not passed on again.

import { graphql } from '../shared/graphql.js';
import { LiveSocket } from '../shared/live-socket.js';

const SEATS = new URL('./queries/seats.graphql', import.meta.url);
const SEATS_CHANGED = new URL('./queries/seats-changed.graphql', import.meta.url);
const BOOKING = new URL('./queries/booking-status.graphql', import.meta.url);

const POLL_DOWN_MS = 10000;
const POLL_UP_MS = 60000;

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
  // The socket calls back only after it has connected, when `poll` is set. A hidden page keeps
  // its socket (a phone suspends it anyway, and the reconnect's CURRENT brings the seats).
  let poll = null;
  // No query on (re)connect: the subscription's first event, CURRENT, brings the seats.
  const socket = new LiveSocket();
  socket.subscribe(SEATS_CHANGED, { id: activityId }, ({ activityChanged: event }) => {
    if (event.kind === 'RESYNC' || !event.activity) poll.refresh();
    else take(event.activity);
  });
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
