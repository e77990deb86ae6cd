// The platform's REST API under /api. Signing in opens a server-side session (POST /api/session with the
// password, once); the console then sends only the session's token, kept in this tab's sessionStorage: closing the
// tab forgets it, signing out ends it on the platform, and the platform ends it after idle time, at its time limit
// or when the account is disabled.

const TOKEN = 'civicgrid.session'

/** An API answer other than 2xx, with the problem's detail (RFC 7807) when the platform gave one. */
export class ApiError extends Error {
  constructor(status, detail, payload) {
    super(detail || ('HTTP ' + status))
    this.status = status
    this.detail = detail
    // The answer's body as the platform sent it (a grid import's refusal carries its per-row report).
    this.payload = payload
  }
}

let onSignedOut = () => {}

/** What to do when the platform no longer accepts the session (ended, idle too long, account disabled). */
export function whenSignedOut(handler) {
  onSignedOut = handler
}

export function hasCredentials() {
  return sessionStorage.getItem(TOKEN) !== null
}

/**
 * Signs in with the password once (and an administrator's code from their authenticator app) and keeps the
 * session's token, never the password.
 */
export async function openSession(user, password, code) {
  const bytes = new TextEncoder().encode(user + ':' + password)
  const session = await send('POST', '/session', 'Basic ' + btoa(String.fromCharCode(...bytes)), code ? { code } : {})
  sessionStorage.setItem(TOKEN, session.token)
  return session
}

/** Ends the session on the platform (best effort) and forgets its token. */
export async function closeSession() {
  const token = sessionStorage.getItem(TOKEN)
  forgetCredentials()
  if (token) {
    await send('DELETE', '/session', 'Bearer ' + token).catch(() => {})
  }
}

/** The Authorization header of the signed-in session, for requests made outside api() (file downloads). */
export function authorization() {
  const token = sessionStorage.getItem(TOKEN)
  return token ? 'Bearer ' + token : null
}

export function forgetCredentials() {
  sessionStorage.removeItem(TOKEN)
}

export async function api(method, path, body, contentType) {
  const token = sessionStorage.getItem(TOKEN)
  try {
    return await send(method, path, token ? 'Bearer ' + token : null, body, contentType)
  } catch (e) {
    if (e.status === 401 && token) {
      forgetCredentials()
      onSignedOut()
    }
    throw e
  }
}

/** Sends a file's content as it is (a Blob or File) with the given content type, as the signed-in user. */
export const upload = (path, contentType, file) => api('POST', path, file, contentType)

async function send(method, path, authorization, body, contentType) {
  // X-Requested-With: the platform then leaves out WWW-Authenticate on a 401, so the browser shows no
  // login dialog of its own over the console.
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  if (authorization) {
    headers.Authorization = authorization
  }
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json'
  }
  const response = await fetch('/api' + path, {
    method,
    headers,
    credentials: 'omit',
    body: body === undefined || contentType ? body : JSON.stringify(body)
  })
  const type = response.headers.get('Content-Type') || ''
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text()
  if (!response.ok) {
    const detail = payload && typeof payload === 'object' ? payload.detail || payload.title : null
    throw new ApiError(response.status, detail, payload)
  }
  return payload
}
export const get = (path) => api('GET', path)
export const post = (path, body) => api('POST', path, body === undefined ? {} : body)

/** A query string from the given parameters, leaving out empty ones. */
export function query(params) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) {
      search.set(key, value)
    }
  }
  const text = search.toString()
  return text ? '?' + text : ''
}
