// Persisted queries for the web clients (Apollo's automatic persisted queries protocol).
//
// A page keeps each query in a .graphql file beside it. The server registers every such file
// under kiosk/ at start-up, so a page sends only the query's SHA-256: a short request the server
// answers from a parsed, validated document. If the server does not know the hash (an older
// server, a file added since), it answers PersistedQueryNotFound and the query goes again with its
// text. In allow-list mode (PERSISTED_QUERIES=allowlist) only registered queries run for callers
// without a token, so a page's queries must be .graphql files under kiosk/.

const texts = new Map();
const hashes = new Map();

/** The text of a .graphql file shipped with the pages, fetched once: `loadQuery(new URL('./x.graphql', import.meta.url))`. */
export function loadQuery(url) {
  const key = String(url);
  if (!texts.has(key)) {
    const text = fetch(key).then((response) => {
      if (!response.ok) throw new Error(`Cannot load ${key}: HTTP ${response.status}`);
      return response.text();
    });
    texts.set(key, text);
    text.catch(() => texts.delete(key));
  }
  return texts.get(key);
}

/** The request body of a persisted query: its hash, and its text when `query` is given. */
export function persistedBody(hash, variables, query) {
  const body = { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
  if (query !== undefined) body.query = query;
  return body;
}

/** Whether a response body asks for the query's text. */
export function isPersistedQueryNotFound(body) {
  return Boolean(
    body && Array.isArray(body.errors) && body.errors.some((e) =>
      e.message === 'PersistedQueryNotFound'
      || (e.extensions && e.extensions.code === 'PERSISTED_QUERY_NOT_FOUND')),
  );
}

/**
 * Runs `query` as a persisted query. `post(body)` sends one JSON body to /graphql and resolves to
 * the parsed response body (the caller's own fetch, with its headers and timeout). Resolves to the
 * response body of the hash-only request, or of the second request with the text.
 */
export async function runPersisted(query, variables, post) {
  const hash = await sha256Hex(query);
  const first = await post(persistedBody(hash, variables));
  if (!isPersistedQueryNotFound(first)) return first;
  return post(persistedBody(hash, variables, query));
}

/** A plain POST to /graphql that resolves to the parsed response body, for `runPersisted`. */
export function postJson({ endpoint = '/graphql', token, timeoutMs = 15000 } = {}) {
  return async (body) => {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(endpoint, {
      method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs),
    });
    return response.json();
  };
}

/**
 * SHA-256 of the text's UTF-8 bytes, lower-case hex. `crypto.subtle` exists only in secure contexts
 * (https, localhost); a kiosk on a plain-http LAN address has none, so a small implementation of
 * FIPS 180-4 stands in.
 */
export function sha256Hex(text) {
  if (!hashes.has(text)) hashes.set(text, digest(new TextEncoder().encode(text)));
  return hashes.get(text);
}

async function digest(bytes) {
  if (globalThis.crypto && crypto.subtle) {
    return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
  }
  return sha256Fallback(bytes);
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const ror = (x, n) => (x >>> n) | (x << (32 - n));

/** SHA-256 in plain JavaScript; exported so that a test can compare it with crypto.subtle. */
export function sha256Fallback(bytes) {
  const hash = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const length = bytes.length;
  const padded = new Uint8Array(Math.ceil((length + 9) / 64) * 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length << 3) >>> 0);
  const w = new Uint32Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, h] = hash;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      const t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    hash[0] += a; hash[1] += b; hash[2] += c; hash[3] += d;
    hash[4] += e; hash[5] += f; hash[6] += g; hash[7] += h;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  hash.forEach((word, i) => outView.setUint32(i * 4, word));
  return hex(out);
}
