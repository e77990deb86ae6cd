// The host object a plug-in's page module receives (host API version 1; documented for vendors in docs/console.md,
// "For vendors: contributing a panel"). A module is a plain ES module inside the plug-in's bundle that cannot import
// the console's libraries itself, so everything it may use is handed to it here. Keep this the one place the host
// is built: whatever is added is a promise to every plug-in; nothing may be removed or changed within version 1.

import * as vue from 'vue'
import { ElMessage } from 'element-plus'
import {
  ElAlert, ElButton, ElCard, ElCountdown, ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElEmpty,
  ElForm, ElFormItem, ElInput, ElInputNumber, ElOption, ElPagination, ElProgress, ElSelect, ElStatistic, ElTable,
  ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline, ElTimelineItem
} from 'element-plus'
import L from 'leaflet'
import { api, authorization } from './api.js'
import { when } from './format.js'
import { i18n } from './i18n.js'

export const HOST_API_VERSION = 1

const components = Object.freeze({
  ElTable, ElTableColumn, ElButton, ElDialog, ElForm, ElFormItem, ElInput, ElInputNumber, ElSelect, ElOption,
  ElDatePicker, ElTag, ElTabs, ElTabPane, ElDescriptions, ElDescriptionsItem, ElEmpty, ElAlert, ElCard, ElProgress,
  ElPagination, ElTimeline, ElTimelineItem, ElCountdown, ElStatistic
})

/**
 * A failed API call as a module sees it: the problem's detail (else its title) as the message, the HTTP status, and
 * the problem+json body as the platform sent it.
 */
function problemError(e) {
  const problem = e && e.payload && typeof e.payload === 'object' ? e.payload : null
  const message = problem ? problem.detail || problem.title || e.message : (e && e.message) || String(e)
  const error = new Error(message)
  error.status = e && e.status !== undefined ? e.status : 0
  error.problem = problem
  return error
}

/**
 * Fetches a file under /api with the user's session (a PDF, a CSV) and offers it as a download; a plain link cannot
 * carry the session. Rejects like api() when the platform refuses.
 */
async function download(path, fileName) {
  const response = await fetch('/api' + path, {
    headers: { Authorization: authorization() || '', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'omit'
  })
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || ''
    const payload = type.includes('json') ? await response.json().catch(() => null) : null
    throw problemError({ status: response.status, payload, message: 'HTTP ' + response.status })
  }
  const link = document.createElement('a')
  link.href = URL.createObjectURL(await response.blob())
  link.download = fileName || path.substring(path.lastIndexOf('/') + 1)
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 10000)
}

/** The console's map settings, read once (GET /api/console/config). */
let settings = null
export async function loadMapSettings() {
  if (!settings) {
    settings = await api('GET', '/console/config').catch(() => ({}))
  }
  return settings
}

/**
 * @param panel the panel as GET /api/console/panels answers it ({ plugin, id, … })
 * @param me the signed-in user (GET /api/me)
 * @param route the console's current route
 * @returns the host object for that panel's module
 */
export function createHost(panel, me, route) {
  const locale = vue.computed(() => (i18n.global.locale.value === 'en' ? 'en' : 'zh-CN'))
  return Object.freeze({
    version: HOST_API_VERSION,
    vue,
    // The path is under /api; the call carries the user's own session, like the console's own calls.
    api: (method, path, body) => api(String(method).toUpperCase(), path, body).then(
      (answer) => (answer === '' || answer === undefined ? null : answer),
      (e) => { throw problemError(e) }),
    download,
    me: Object.freeze({
      userId: me.userId,
      name: me.name || me.userId,
      roles: Object.freeze([...me.roles]),
      regionCode: me.regionCode,
      unitId: me.unitId || null
    }),
    locale,
    text: (zh, en) => (locale.value === 'en' ? en : zh),
    components,
    notify: Object.freeze({
      success: (message) => ElMessage.success(String(message)),
      error: (message) => ElMessage.error(String(message))
    }),
    // A Leaflet map drawn the console's way: the configured tile server, or the plain background when none is set.
    map(element, options) {
      const map = L.map(element, { zoomControl: true, attributionControl: true, ...(options || {}) })
      if (settings && settings.tileUrl) {
        L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution || '', maxZoom: 18 }).addTo(map)
      }
      return map
    },
    L,
    formatTime: when,
    panel: Object.freeze({ plugin: panel.plugin, id: panel.id }),
    route: Object.freeze({ query: Object.freeze({ ...route.query }) })
  })
}
