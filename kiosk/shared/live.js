// Live data on the phone pages. Polls while the page is visible; when GraphQL subscriptions
// land, only this file changes (subscribe to the activity's and the booking's changes instead).

import { graphql } from './graphql.js';

const SEATS = new URL('./queries/seats.graphql', import.meta.url);
const BOOKING = new URL('./queries/booking-status.graphql', import.meta.url);

/** Calls `onChange({ seatsLeft, bookable, status })` as seats come and go; returns stop(). */
export function watchSeats(activityId, onChange, periodMs = 10000) {
  return pollWhileVisible(async () => {
    const { activity } = await graphql(SEATS, { id: activityId });
    if (activity) onChange(activity);
  }, periodMs);
}

/** Calls `onChange({ status, position })` while a booking waits for a seat; returns stop(). */
export function watchBooking(code, onChange, periodMs = 10000) {
  return pollWhileVisible(async () => {
    const { booking } = await graphql(BOOKING, { code });
    if (booking) onChange(booking);
  }, periodMs);
}

/**
 * Runs `fn` every `periodMs` while the document is visible, and at once when it becomes visible
 * again (a phone taken out of a pocket shows fresh seats). Never two runs at a time.
 */
function pollWhileVisible(fn, periodMs) {
  let timer = null;
  let stopped = false;
  let running = false;
  const run = async () => {
    clearTimeout(timer);
    timer = null;
    if (stopped || running || document.visibilityState !== 'visible') return;
    running = true;
    try {
      await fn();
    } catch (e) {
      // A missed refresh is harmless: the next one comes in a few seconds.
    } finally {
      running = false;
    }
    if (!stopped) timer = setTimeout(run, periodMs);
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') run();
  };
  document.addEventListener('visibilitychange', onVisibility);
  timer = setTimeout(run, periodMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
