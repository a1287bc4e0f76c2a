// Days as 'YYYY-MM-DD' strings in Asia/Shanghai, whatever the computer's own zone.

import { ZONE } from '../shared/time.js';

export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
}

export function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The ranges the page offers; each is at most a year, as the API allows. */
export function preset(name) {
  const now = today();
  const year = Number(now.slice(0, 4));
  if (name === 'lastTwelve') return { preset: name, from: addDays(now, -364), to: now };
  if (name === 'lastYear') return { preset: name, from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  return { preset: 'thisYear', from: `${year}-01-01`, to: now };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** ?from=…&to=… from the address, when both are days. */
export function rangeFromAddress() {
  const params = new URLSearchParams(location.search);
  const from = params.get('from');
  const to = params.get('to');
  return DAY.test(from || '') && DAY.test(to || '') ? { preset: null, from, to } : null;
}
