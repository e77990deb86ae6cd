import { createRouter, createWebHistory } from 'vue-router'
import { whenSignedOut } from './api.js'
import { hasRole, restore, session, ADMIN_ROLES, STAFF_ROLES } from './session.js'
import Layout from './views/Layout.vue'
import Login from './views/Login.vue'

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', name: 'login', component: Login, meta: { public: true } },
    {
      path: '/',
      component: Layout,
      children: [
        { path: '', redirect: { name: 'map' } },
        { path: 'map', name: 'map', component: () => import('./views/MapView.vue') },
        { path: 'cases', name: 'inbox', component: () => import('./views/Inbox.vue') },
        { path: 'cases/:id', name: 'case', component: () => import('./views/CaseDetail.vue'), props: true },
        { path: 'dashboard', name: 'dashboard', component: () => import('./views/Dashboard.vue'), meta: { roles: STAFF_ROLES } },
        { path: 'admin', name: 'admin', component: () => import('./views/Admin.vue'), meta: { roles: ADMIN_ROLES } },
        { path: 'panels/:plugin/:panel', name: 'panel', component: () => import('./views/PanelView.vue'), props: true }
      ]
    },
    { path: '/:rest(.*)*', redirect: '/' }
  ]
})

router.beforeEach(async (to) => {
  await restore()
  if (to.meta.public) {
    return session.me && to.name === 'login' ? { name: 'map' } : true
  }
  if (!session.me) {
    return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  }
  if (to.meta.roles && !hasRole(...to.meta.roles)) {
    return { name: 'map' }
  }
  return true
})

whenSignedOut(() => {
  session.me = null
  session.panels = []
  router.push({ name: 'login' })
})
