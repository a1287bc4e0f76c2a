// A graphql-transport-ws client for screens that stay open for days: one WebSocket, any number of
// subscriptions, reconnecting forever with capped, jittered backoff. After every reconnect each
// subscription is started again and 'reconnect' fires, so the page refetches what it shows
// (events sent while the socket was down are gone). Events: 'open', 'close', 'reconnect'.

import { loadQuery, sha256Hex } from './persisted.js';

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 10000;

export class LiveSocket extends EventTarget {
  constructor({ url = defaultUrl(), token = null } = {}) {
    super();
    this.url = url;
    this.token = token;
    this.ops = new Map(); // id → { text, variables, onNext }
    this.nextId = 1;
    this.attempt = 0;
    this.everOpened = false;
    this.open = false;
    this.stopped = false;
    this.connect();
  }

  /**
   * Starts `query` (a .graphql URL or text) and calls `onNext(data)` for each event; returns a
   * function that stops it. Errors of one subscription end it quietly: the page's refetch covers it.
   */
  subscribe(query, variables, onNext) {
    const id = String(this.nextId++);
    const op = { text: null, hash: null, variables, onNext };
    this.ops.set(id, op);
    const textPromise = query instanceof URL ? loadQuery(query) : Promise.resolve(query);
    textPromise.then(async (text) => [text, await sha256Hex(text)]).then(
      ([text, hash]) => {
        op.text = text;
        op.hash = hash;
        if (this.ops.has(id)) this.start(id);
      },
      () => this.ops.delete(id),
    );
    return () => {
      if (!this.ops.delete(id)) return;
      this.send({ id, type: 'complete' });
    };
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.ops.clear();
    if (this.ws) this.ws.close(1000, 'page closed');
  }

  connect() {
    if (this.stopped) return;
    let ws;
    try {
      ws = new WebSocket(this.url, 'graphql-transport-ws');
    } catch (e) {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      const payload = this.token ? { token: this.token } : {};
      ws.send(JSON.stringify({ type: 'connection_init', payload }));
    };
    ws.onmessage = (e) => this.receive(ws, e.data);
    ws.onclose = () => this.closed(ws);
    ws.onerror = () => {}; // onclose follows and does the work
  }

  receive(ws, raw) {
    let message;
    try {
      message = JSON.parse(raw);
    } catch (e) {
      return;
    }
    if (message.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    if (message.type === 'connection_ack') this.acked();
    if (message.type === 'next') {
      const op = this.ops.get(message.id);
      if (op && message.payload && message.payload.data) op.onNext(message.payload.data);
    }
    if (message.type === 'error' || message.type === 'complete') this.ops.delete(message.id);
  }

  acked() {
    const again = this.everOpened;
    this.attempt = 0;
    this.open = this.everOpened = true;
    for (const id of this.ops.keys()) this.start(id);
    this.dispatchEvent(new Event('open'));
    if (again) this.dispatchEvent(new Event('reconnect'));
  }

  start(id) {
    const op = this.ops.get(id);
    if (!op || op.text === null || !this.open) return;
    // The text and its hash: a server in allow-list mode runs it as the registered file it is.
    const extensions = { persistedQuery: { version: 1, sha256Hash: op.hash } };
    this.send({ id, type: 'subscribe', payload: { query: op.text, variables: op.variables, extensions } });
  }

  send(message) {
    if (this.open && this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  closed(ws) {
    if (ws !== this.ws) return;
    const wasOpen = this.open;
    this.open = false;
    this.ws = null;
    if (wasOpen || this.attempt === 0) this.dispatchEvent(new Event('close'));
    this.retry();
  }

  retry() {
    if (this.stopped) return;
    const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 10);
    this.timer = setTimeout(() => this.connect(), delay * (0.75 + Math.random() * 0.5));
  }
}

function defaultUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}
