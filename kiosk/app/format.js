// Distances, times and seats as a visitor reads them.

import { formatTime, formatWhen } from '../shared/time.js';
import { store } from './store.js';
import { say } from './text.js';

const timeLang = () => (store.mode === 'en' ? 'en' : 'zh');

export function distance(metres) {
  if (metres == null) return '';
  if (metres < 50) return say('here');
  if (metres < 1000) return say('metres', { n: Math.round(metres / 10) * 10 });
  return say('kilometres', { n: (metres / 1000).toFixed(1) });
}

export function when(activity) {
  return formatWhen(activity.startsAt, activity.endsAt, timeLang());
}

export function clock(date) {
  return formatTime(date, timeLang());
}

/** The seats line and its tone (ok / low / full / open) for an activity, with live seats applied. */
export function seats(activity) {
  const live = { ...activity, ...(store.seats.get(activity.id) || {}) };
  if (live.capacity == null) return { text: say('openEvent'), tone: 'open' };
  if (live.seatsLeft > 0) return { text: say('seatsLeft', { n: live.seatsLeft }), tone: live.seatsLeft <= 3 ? 'low' : 'ok' };
  return { text: say(live.hasWaitlist ? 'seatsFullWaitlist' : 'seatsFull'), tone: 'full' };
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
