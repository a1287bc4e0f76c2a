// <pm-activity-row>: one activity as a large button (theme colour, title, time, place, distance,
// live seats); <pm-seats>: the seats line, which follows the store's live seats by itself.

import { h, listeners, replace } from '../shared/dom.js';
import { distance, seats, when } from './format.js';
import { store } from './store.js';
import { data, say } from './text.js';

class Seats extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.on.add(store, 'seats', (e) => {
      if (e.detail === this.activity?.id) this.render();
    });
    this.render();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  set activity(activity) {
    this._activity = activity;
    if (this.isConnected) this.render();
  }

  get activity() {
    return this._activity;
  }

  render() {
    if (!this.activity) return;
    const { text, tone } = seats(this.activity);
    this.dataset.tone = tone;
    this.textContent = text;
  }
}

customElements.define('pm-seats', Seats);

/** A row for `activity` ({ id, title, titleMn, startsAt, endsAt, status, theme, point, … }). */
export function activityRow(activity, distanceMeters) {
  const seatsEl = h('pm-seats');
  seatsEl.activity = activity;
  const colour = activity.theme?.color || '#8a8a8a';
  const ongoing = activity.status === 'ONGOING';
  return h(
    'button',
    { type: 'button', class: 'activity-row', 'data-activity': activity.id, style: `--theme: ${colour}` },
    h(
      'span',
      { class: 'row-main' },
      data(activity.title, activity.titleMn, 'span', { class: 'row-title' }),
      h('span', { class: 'row-when' }, ongoing ? h('b', { class: 'tag-ongoing' }, say('ongoing')) : null, when(activity)),
      h(
        'span',
        { class: 'row-where' },
        activity.point?.name || '',
        distanceMeters != null ? h('span', { class: 'row-distance' }, ` · ${distance(distanceMeters)}`) : null,
      ),
    ),
    seatsEl,
  );
}

/** Replaces `list`'s children with rows; clicks open the activity (one listener on the list). */
export function fillActivities(list, items, emptyKey = 'noneComing') {
  if (!items.length) {
    replace(list, h('p', { class: 'empty' }, say(emptyKey)));
    return;
  }
  for (const { activity } of items) store.updateSeats(activity);
  replace(list, items.map(({ activity, distanceMeters }) => activityRow(activity, distanceMeters)));
}
