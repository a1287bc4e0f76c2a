// Building DOM without innerHTML: text always goes in as textContent.

/**
 * h('p', { class: 'note', 'data-x': 1 }, 'text', child) — attributes set with setAttribute,
 * strings appended as text nodes, null/false children skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces everything inside `el` with `children`. */
export function replace(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/**
 * Listeners that come off together: `const on = listeners(); on.add(el, 'click', fn); … on.clear()`
 * (in disconnectedCallback), so a page that stays open for days never piles them up.
 */
export function listeners() {
  const list = [];
  return {
    add(target, type, fn, options) {
      target.addEventListener(type, fn, options);
      list.push(() => target.removeEventListener(type, fn, options));
    },
    clear() {
      while (list.length) list.pop()();
    },
  };
}
