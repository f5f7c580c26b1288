// Talks to the JSON API. Every failure becomes an ApiError with words a person can read, never a blank page.

export class ApiError extends Error {
  constructor(title, details, status) {
    super(title);
    this.title = title;
    this.details = details;
    this.status = status;
  }
}

/** GETs JSON from the API; aborting (a newer request replaced this one) rejects with an AbortError. */
export async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('Cannot reach the server', 'Check your connection and try again.', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const title = (body && typeof body.title === 'string' && body.title) || 'Request failed (' + response.status + ')';
    const details = body && (typeof body.details === 'string' ? body.details : describe(body.details));
    throw new ApiError(title, details || '', response.status);
  }
  if (body === null) throw new ApiError('The server sent something unexpected', 'The answer was not JSON.', response.status);
  return body;
}

// details may be a string or an object/array naming parameters
function describe(details) {
  if (!details) return '';
  if (Array.isArray(details)) return details.map(describe).join(' ');
  if (typeof details === 'object') return Object.entries(details).map(([k, v]) => k + ': ' + describe(v)).join('; ');
  return String(details);
}
