// A tiny GraphQL client: persisted queries by POST, errors as values the pages can show.

import { loadQuery, runPersisted } from './persisted.js';

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
 * gave, NetworkError when there was no usable answer. `query` is the URL of a .graphql file
 * (the pages' way: the server registers those files, so only the hash travels) or a query text;
 * either way it goes as a persisted query, its text sent only when the server asks for it.
 */
export async function graphql(query, variables = {}, { token, timeoutMs = 15000 } = {}) {
  let text;
  try {
    text = query instanceof URL ? await loadQuery(query) : query;
  } catch (e) {
    throw new NetworkError(e.message);
  }
  const body = await runPersisted(text, variables, (payload) => post(payload, token, timeoutMs));
  if (body.errors && body.errors.length) throw new ApiError(body.errors[0]);
  if (!body.data) throw new NetworkError('The answer held no data');
  return body.data;
}

async function post(payload, token, timeoutMs) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new NetworkError(e.message);
  }
  try {
    return await response.json();
  } catch (e) {
    throw new NetworkError(`HTTP ${response.status}`);
  }
}

/** A fresh idempotency key; getRandomValues works on plain http too, unlike randomUUID. */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
