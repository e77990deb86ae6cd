/**
 * 巡防路线 / Patrol routes — a console page of the patrol plug-in (console host API version 1).
 *
 * A team's routes on the console's map: each route a line through its checkpoints in walking order, each
 * checkpoint a numbered point. A new route is drawn by clicking its checkpoints on the map in order.
 */
export default function patrolRoutes(host) {
  const { h, ref, reactive, computed, nextTick, onMounted, onBeforeUnmount, resolveComponent } = host.vue
  const t = host.text
  const L = host.L
  const TEAM_KEY = 'civicgrid.patrol.team'
  const COLOURS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7ea4']
  const MAX_CHECKPOINTS = 50

  function problem(e) {
    const lead = e && e.status === 403 ? t('无权操作：', 'Not allowed: ')
      : e && e.status === 404 ? t('未找到：', 'Not found: ') : t('操作失败：', 'Failed: ')
    return lead + ((e && e.message) || t('网络错误', 'network error'))
  }

  return {
    name: 'PatrolRoutes',
    setup() {
      const narrowQuery = window.matchMedia('(max-width: 767px)')
      const narrow = ref(narrowQuery.matches)
      const follow = (e) => {
        narrow.value = e.matches
        nextTick(() => map && map.invalidateSize())
      }
      narrowQuery.addEventListener('change', follow)

      const mapElement = ref(null)
      const teams = ref([])
      const teamId = ref('')
      const team = ref(null)
      const error = ref('')
      const chosen = ref('')
      const draft = reactive({ open: false, name: '', regionCode: '', checkpoints: [], error: '', busy: false })
      let map = null
      let routeLayer = null
      let draftLayer = null

      const routes = computed(() => (team.value ? team.value.routes : []))
      const colour = (i) => COLOURS[i % COLOURS.length]

      async function loadTeams() {
        error.value = ''
        try {
          teams.value = await host.api('GET', '/patrol/teams?region=' + encodeURIComponent(host.me.regionCode))
          const wanted = (host.route.query && host.route.query.team) || sessionStorage.getItem(TEAM_KEY)
          const first = teams.value.find((x) => x.id === wanted) || teams.value[0]
          if (first) await chooseTeam(first.id)
        } catch (e) {
          error.value = problem(e)
        }
      }

      async function chooseTeam(id) {
        teamId.value = id
        chosen.value = ''
        try {
          team.value = await host.api('GET', '/patrol/teams/' + encodeURIComponent(id))
          sessionStorage.setItem(TEAM_KEY, id)
          draw()
        } catch (e) {
          error.value = problem(e)
        }
      }

      /** Every route of the team: its line, its numbered checkpoints; the map fitted to them. */
      function draw() {
        if (!map) return
        routeLayer.clearLayers()
        const bounds = []
        routes.value.forEach((route, i) => {
          const points = route.checkpoints.map((c) => [c.latitude, c.longitude])
          bounds.push(...points)
          const line = L.polyline(points, {
            color: colour(i), weight: chosen.value === route.id ? 6 : 4, opacity: 0.85,
            className: 'cg-patrol-route cg-patrol-route-' + route.id
          }).addTo(routeLayer)
          line.bindTooltip(route.name + ' · ' + route.regionName, { sticky: true })
          line.on('click', () => choose(route.id))
          route.checkpoints.forEach((c) => {
            L.circleMarker([c.latitude, c.longitude], {
              radius: 7, color: '#fff', weight: 2, fillColor: colour(i), fillOpacity: 1,
              className: 'cg-patrol-checkpoint'
            }).bindTooltip(c.seq + '. ' + c.name, { permanent: chosen.value === route.id || routes.value.length === 1, direction: 'top', offset: [0, -6] })
              .addTo(routeLayer)
          })
        })
        if (bounds.length) map.fitBounds(L.latLngBounds(bounds).pad(0.2), { maxZoom: 17 })
      }

      function choose(id) {
        chosen.value = chosen.value === id ? '' : id
        draw()
        const route = routes.value.find((r) => r.id === chosen.value)
        if (route && route.checkpoints.length) {
          map.fitBounds(L.latLngBounds(route.checkpoints.map((c) => [c.latitude, c.longitude])).pad(0.3), { maxZoom: 17 })
        }
      }

      function drawDraft() {
        if (!draftLayer) return
        draftLayer.clearLayers()
        const points = draft.checkpoints.map((c) => [c.latitude, c.longitude])
        if (points.length > 1) L.polyline(points, { color: '#e6a23c', weight: 3, dashArray: '6 6', className: 'cg-patrol-draft' }).addTo(draftLayer)
        draft.checkpoints.forEach((c, i) => L.circleMarker([c.latitude, c.longitude], { radius: 6, color: '#e6a23c', fillOpacity: 0.9 })
          .bindTooltip((i + 1) + '. ' + c.name, { permanent: true, direction: 'top', offset: [0, -6] }).addTo(draftLayer))
      }

      function onMapClick(event) {
        if (!draft.open) return
        if (draft.checkpoints.length >= MAX_CHECKPOINTS) {
          draft.error = t('一条路线最多50个检查点。', 'A route has at most 50 checkpoints.')
          return
        }
        const n = draft.checkpoints.length + 1
        draft.checkpoints.push({
          name: t('检查点', 'Checkpoint ') + n,
          longitude: Math.round(event.latlng.lng * 1e6) / 1e6,
          latitude: Math.round(event.latlng.lat * 1e6) / 1e6
        })
        drawDraft()
      }

      function startDraft() {
        Object.assign(draft, { open: true, name: '', regionCode: '', checkpoints: [], error: '' })
        drawDraft()
      }

      function cancelDraft() {
        draft.open = false
        draft.checkpoints = []
        drawDraft()
      }

      async function villages(node, resolve) {
        try {
          const code = node.level === 0 ? (team.value ? team.value.regionCode : host.me.regionCode) : node.value
          if (node.level === 0 && code.length === 12) {
            const own = await host.api('GET', '/regions/' + code)
            resolve([{ value: own.code, label: own.name, leaf: true }])
            return
          }
          const children = await host.api('GET', '/regions/' + code + '/children')
          resolve(children.map((r) => ({ value: r.code, label: r.name, leaf: r.level === 'VILLAGE' })))
        } catch (e) {
          host.notify.error(problem(e))
          resolve([])
        }
      }

      async function saveDraft() {
        draft.error = ''
        const name = draft.name.trim()
        const names = draft.checkpoints.map((c) => (c.name || '').trim())
        if (!name) draft.error = t('请填写路线名称。', 'Enter the route\'s name.')
        else if (!draft.regionCode || String(draft.regionCode).length !== 12) draft.error = t('请选择路线所在的村（社区）。', 'Choose the village/community the route runs in.')
        else if (!draft.checkpoints.length) draft.error = t('请在地图上依次点出检查点（至少一个）。', 'Click the checkpoints on the map in walking order (at least one).')
        else if (names.some((n) => !n)) draft.error = t('每个检查点都要有名称。', 'Every checkpoint needs a name.')
        else if (new Set(names).size !== names.length) draft.error = t('检查点名称不能重复。', 'Two checkpoints have the same name.')
        if (draft.error) return
        draft.busy = true
        try {
          const route = await host.api('POST', '/patrol/teams/' + encodeURIComponent(teamId.value) + '/routes', {
            name, regionCode: draft.regionCode,
            checkpoints: draft.checkpoints.map((c, i) => ({ name: names[i], longitude: c.longitude, latitude: c.latitude }))
          })
          host.notify.success(t('已添加路线：', 'Route added: ') + route.name)
          cancelDraft()
          await chooseTeam(teamId.value)
          choose(route.id)
        } catch (e) {
          draft.error = problem(e)
        } finally {
          draft.busy = false
        }
      }

      onMounted(() => {
        map = host.map(mapElement.value, { zoomControl: true })
        map.setView([35.6, 112.8], 9)
        routeLayer = L.featureGroup().addTo(map)
        draftLayer = L.featureGroup().addTo(map)
        map.on('click', onMapClick)
        loadTeams()
      })
      onBeforeUnmount(() => {
        narrowQuery.removeEventListener('change', follow)
        if (map) map.remove()
        map = null
      })

      // --- rendering ---
      const E = (name) => resolveComponent(name)
      const alert = (text) => text && h(E('ElAlert'), { title: text, type: 'error', closable: false, showIcon: true, style: { marginBottom: '8px' } })

      function routeList() {
        if (!routes.value.length) {
          return h(E('ElEmpty'), { imageSize: 60, description: teamId.value ? t('这支队伍还没有路线', 'This team has no route yet') : t('本辖区还没有巡防队伍', 'No patrol team in your area yet') })
        }
        return h('ul', { id: 'patrol-route-list', style: { listStyle: 'none', padding: 0, margin: 0 } }, routes.value.map((route, i) =>
          h('li', {
            key: route.id, 'data-route': route.id, onClick: () => choose(route.id),
            style: { padding: '8px', cursor: 'pointer', borderLeft: '4px solid ' + colour(i), marginBottom: '6px', background: chosen.value === route.id ? '#ecf5ff' : '#f5f7fa' }
          }, [
            h('div', { style: { fontWeight: 600 } }, route.name),
            h('div', { style: { color: '#909399', fontSize: '12px' } }, route.regionName + ' · ' + t('检查点 ', 'checkpoints: ') + route.checkpoints.length),
            chosen.value === route.id ? h('ol', { style: { margin: '6px 0 0', paddingLeft: '20px', fontSize: '13px' } },
              route.checkpoints.map((c) => h('li', { key: c.id }, c.name + '（' + c.longitude.toFixed(5) + ', ' + c.latitude.toFixed(5) + '）'))) : null
          ])))
      }

      function draftPanel() {
        return h(E('ElCard'), { shadow: 'never', id: 'route-draft', style: { marginTop: '8px' } }, {
          header: () => h('b', t('新路线', 'New route')),
          default: () => [
            alert(draft.error),
            h('p', { id: 'route-pick-hint', style: { color: '#e6a23c', fontSize: '13px', marginTop: 0 } }, t('在地图上按巡防顺序依次点击，添加检查点。', 'Click the map in walking order to add checkpoints.')),
            h(E('ElForm'), { labelPosition: 'top', size: 'small', onSubmit: (e) => e.preventDefault() }, () => [
              h(E('ElFormItem'), { label: t('路线名称', 'Route name'), required: true }, () =>
                h(E('ElInput'), { id: 'route-name', modelValue: draft.name, 'onUpdate:modelValue': (v) => (draft.name = v), maxlength: 100 })),
              h(E('ElFormItem'), { label: t('村（社区）', 'Village/community'), required: true }, () =>
                h(E('ElCascader'), {
                  id: 'route-region', modelValue: draft.regionCode, 'onUpdate:modelValue': (v) => (draft.regionCode = v || ''),
                  props: { lazy: true, lazyLoad: villages, emitPath: false }, clearable: true, style: { width: '100%' },
                  placeholder: t('选择村（社区）', 'Choose the village/community')
                })),
              ...draft.checkpoints.map((c, i) => h('div', { key: i, style: { display: 'flex', gap: '6px', marginBottom: '6px', alignItems: 'center' } }, [
                h('span', { style: { width: '20px' } }, String(i + 1)),
                h(E('ElInput'), { modelValue: c.name, 'onUpdate:modelValue': (v) => { c.name = v; drawDraft() }, maxlength: 100, class: 'route-checkpoint-name' }),
                h(E('ElButton'), { link: true, type: 'danger', onClick: () => { draft.checkpoints.splice(i, 1); drawDraft() } }, () => t('删除', 'Remove'))
              ]))
            ]),
            h('div', { style: { display: 'flex', gap: '8px' } }, [
              h(E('ElButton'), { size: 'small', onClick: cancelDraft }, () => t('取消', 'Cancel')),
              h(E('ElButton'), { size: 'small', type: 'primary', id: 'route-submit', loading: draft.busy, onClick: saveDraft }, () => t('保存路线', 'Save the route'))
            ])
          ]
        })
      }

      return () => h('div', { id: 'patrol-routes-page' }, [
        h('div', { class: 'cg-toolbar' }, [
          h(E('ElSelect'), {
            id: 'route-team', modelValue: teamId.value, 'onUpdate:modelValue': chooseTeam, filterable: true,
            placeholder: t('选择巡防队伍', 'Choose a patrol team'), style: { width: narrow.value ? '100%' : '260px' }
          }, () => teams.value.map((x) => h(E('ElOption'), { key: x.id, value: x.id, label: x.name + ' · ' + x.regionName }))),
          teamId.value && !draft.open ? h(E('ElButton'), { type: 'primary', id: 'route-add', onClick: startDraft }, () => t('画新路线', 'Draw a new route')) : null,
          h('span', { id: 'route-count', style: { color: '#909399', fontSize: '13px' } }, t('路线 ', 'Routes: ') + routes.value.length)
        ]),
        alert(error.value),
        h('div', { style: { display: 'flex', flexDirection: narrow.value ? 'column' : 'row', gap: '12px' } }, [
          h('div', {
            ref: mapElement, id: 'patrol-map', class: 'cg-map' + (draft.open ? ' picking' : ''),
            style: { flex: '1 1 auto', minWidth: 0, height: narrow.value ? '55vh' : 'calc(100vh - 190px)', minHeight: '320px' }
          }),
          h('div', { style: { width: narrow.value ? '100%' : '300px', flex: 'none', overflowY: 'auto', maxHeight: narrow.value ? 'none' : 'calc(100vh - 190px)' } }, [
            routeList(),
            draft.open ? draftPanel() : null
          ])
        ])
      ])
    }
  }
}
