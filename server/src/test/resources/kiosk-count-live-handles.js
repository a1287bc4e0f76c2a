// Injected before the kiosk's own scripts (KioskBrowserTest, rule 18): counts the listeners and
// intervals alive in the page, added minus removed, so a test can see that going through the
// screens again and again leaves none behind.
(() => {
  let listeners = 0;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const registry = new WeakMap();
  const key = (type, o) => type + (typeof o === 'object' && o ? !!o.capture : !!o);
  EventTarget.prototype.addEventListener = function (type, fn, o) {
    if (fn) {
      let byFn = registry.get(this);
      if (!byFn) registry.set(this, (byFn = new Map()));
      let keys = byFn.get(fn);
      if (!keys) byFn.set(fn, (keys = new Set()));
      if (!keys.has(key(type, o))) { keys.add(key(type, o)); listeners++; }
    }
    return add.call(this, type, fn, o);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, o) {
    const keys = fn && registry.get(this)?.get(fn);
    if (keys && keys.delete(key(type, o))) listeners--;
    return remove.call(this, type, fn, o);
  };
  const setI = window.setInterval, clearI = window.clearInterval, live = new Set();
  window.setInterval = (...a) => { const id = setI(...a); live.add(id); return id; };
  window.clearInterval = (id) => { live.delete(id); return clearI(id); };
  window.__handles = () => ({ listeners, intervals: live.size });
})();
