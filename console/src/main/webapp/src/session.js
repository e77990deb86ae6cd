import { reactive } from 'vue'
import { api, closeSession, forgetCredentials, get, hasCredentials, openSession } from './api.js'

/** Who is signed in (GET /api/me) and the plug-in panels they may open. */
export const session = reactive({ me: null, panels: [] })

/** Titles of the platform's answers about an administrator's second factor (POST /api/session). */
export const SECOND_FACTOR = {
  required: 'Second factor required', wrong: 'Wrong second factor code', missing: 'Second factor not set up'
}

export const ADMIN_ROLES = ['COUNTY_ADMIN', 'CITY_ADMIN', 'SECURITY_ADMIN']
export const STAFF_ROLES = ['GRID_WORKER', 'GRID_LEADER', 'COMMAND_OPERATOR', 'DEPARTMENT_HANDLER', 'MEDIATOR',
  'COUNSELLOR', 'COUNTY_ADMIN', 'CITY_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']

export function hasRole(...roles) {
  return !!session.me && session.me.roles.some((r) => roles.includes(r))
}

export async function signIn(user, password, code) {
  await openSession(user, password, code)
  try {
    session.me = await get('/me')
  } catch (e) {
    forgetCredentials()
    throw e
  }
  await refreshPanels()
}

/** After a page reload: the tab still holds a session's token, so ask whom it stands for. */
export async function restore() {
  if (!hasCredentials() || session.me) {
    return
  }
  try {
    session.me = await get('/me')
    await refreshPanels()
  } catch (e) {
    forgetCredentials()
  }
}

export function signOut() {
  closeSession()
  session.me = null
  session.panels = []
}

/** The panels of the plug-ins installed now that this user's roles may see (GET /api/console/panels). */
export async function refreshPanels() {
  if (!session.me) {
    return
  }
  try {
    const panels = await api('GET', '/console/panels')
    if (JSON.stringify(panels) !== JSON.stringify(session.panels)) {
      session.panels = panels
    }
  } catch (e) {
    // A transient failure keeps the menu as it is; the next poll tries again.
  }
}
