// A tiny GraphQL client: one POST per call, errors as values the pages can show.

/** An error the API answered with: `code` is extensions.code, `reason` and `field` when given. */
export class ApiError extends Error {
  constructor(error) {
    super(error.message);
    const ext = error.extensions || {};
    this.code = ext.code || 'INTERNAL';
    this.reason = ext.reason || null;
    this.field = ext.field || null;
    this.extensions = ext;
  }
}

/** The request never got an answer (offline, timeout): safe to retry with the same key. */
export class NetworkError extends Error {}

/**
 * Runs a query or mutation and returns its `data`; throws ApiError for the first error the API
 * gave, NetworkError when there was no usable answer.
 */
export async function graphql(query, variables = {}, { token, timeoutMs = 15000 } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new NetworkError(e.message);
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new NetworkError(`HTTP ${response.status}`);
  }
  if (body.errors && body.errors.length) throw new ApiError(body.errors[0]);
  if (!body.data) throw new NetworkError(`HTTP ${response.status}`);
  return body.data;
}

/** A fresh idempotency key; getRandomValues works on plain http too, unlike randomUUID. */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
