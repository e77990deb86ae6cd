// The platform's REST API under /api, signed in with HTTP Basic. The credentials live in this tab's
// sessionStorage only: closing the tab or signing out forgets them.

const CREDENTIALS = 'civicgrid.credentials'

/** An API answer other than 2xx, with the problem's detail (RFC 7807) when the platform gave one. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || ('HTTP ' + status))
    this.status = status
    this.detail = detail
  }
}

let onSignedOut = () => {}

/** What to do when the platform no longer accepts the stored credentials (e.g. the account was locked). */
export function whenSignedOut(handler) {
  onSignedOut = handler
}

export function hasCredentials() {
  return sessionStorage.getItem(CREDENTIALS) !== null
}

export function storeCredentials(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password)
  sessionStorage.setItem(CREDENTIALS, btoa(String.fromCharCode(...bytes)))
}

export function forgetCredentials() {
  sessionStorage.removeItem(CREDENTIALS)
}

export async function api(method, path, body) {
  // X-Requested-With: the platform then leaves out WWW-Authenticate on a 401, so the browser shows no
  // login dialog of its own over the console.
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  const token = sessionStorage.getItem(CREDENTIALS)
  if (token) {
    headers.Authorization = 'Basic ' + token
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
  }
  const response = await fetch('/api' + path, {
    method,
    headers,
    credentials: 'omit',
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const type = response.headers.get('Content-Type') || ''
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text()
  if (!response.ok) {
    if (response.status === 401 && token) {
      forgetCredentials()
      onSignedOut()
    }
    const detail = payload && typeof payload === 'object' ? payload.detail || payload.title : null
    throw new ApiError(response.status, detail)
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
