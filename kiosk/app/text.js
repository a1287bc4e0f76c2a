// Text in the kiosk's four reading modes. Chinese (zh) and English (en) are set horizontally;
// traditional Mongolian is set vertically (writing-mode: vertical-lr, the bundled Noto Sans
// Mongolian), alone in 'mn' mode and beside the Chinese in 'bi' mode, as on Inner Mongolia's
// public signs. Where no verified Mongolian exists the Chinese is shown, never a guess.

import { h } from '../shared/dom.js';
import { store } from './store.js';
import { en, mn, MN_PLACEHOLDER, zh } from './words.js';

function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** The label as plain text in the horizontal reading language (English, else Chinese). */
export function say(key, params = {}) {
  const words = store.mode === 'en' ? en : zh;
  return fill(words[key] ?? zh[key] ?? key, params);
}

/** A vertical run of traditional Mongolian. */
export function mongol(text, tag = 'span') {
  return h(tag, { class: 'mong', lang: 'mn-Mong' }, text);
}

/** A label as a node: Mongolian vertically where the mode asks for it and a translation exists. */
export function label(key, params = {}, tag = 'span', attrs = {}) {
  return pair(say(key, params), mn[key] ? fill(mn[key], params) : null, tag, attrs);
}

/**
 * A text from the API: `main` in the asked language (Chinese or English), `mnText` the Mongolian
 * column, which may be a marked placeholder and is then not shown.
 */
export function data(main, mnText, tag = 'span', attrs = {}) {
  return pair(main ?? '', realMongolian(mnText), tag, attrs);
}

export function realMongolian(text) {
  return text && !text.startsWith(MN_PLACEHOLDER) ? text : null;
}

function pair(main, mongolian, tag, attrs) {
  const lang = store.mode === 'en' ? 'en' : 'zh-CN';
  if (store.mode === 'mn' && mongolian) return h(tag, { ...attrs, class: cls(attrs, 'mn-only') }, mongol(mongolian));
  if (store.mode === 'bi' && mongolian) {
    return h(tag, { ...attrs, class: cls(attrs, 'bi') }, mongol(mongolian), h('span', { lang: 'zh-CN', class: 'zh' }, main));
  }
  return h(tag, { ...attrs, lang }, main);
}

function cls(attrs, extra) {
  return attrs.class ? `${attrs.class} ${extra}` : extra;
}
