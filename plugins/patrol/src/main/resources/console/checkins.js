/**
 * 巡防签到 / Check-ins — a console page of the patrol plug-in (console host API version 1).
 *
 * One shift's check-ins with time and place: each checkpoint of the route visited, not yet visited or missed;
 * check-ins flagged as away from the checkpoint or outside the shift's time; the hazards reported on it. Staff
 * who may (grid leaders, command-centre operators, county administrators) record a check-in or a hazard on a
 * member's behalf; the record shows who entered it.
 */
export default function patrolCheckIns(host) {
  const { h, ref, reactive, computed, onMounted, onBeforeUnmount, resolveComponent } = host.vue
  const t = host.text
  const L = host.L
  const TEAM_KEY = 'civicgrid.patrol.team'
  const ON_BEHALF = ['GRID_LEADER', 'COMMAND_OPERATOR', 'COUNTY_ADMIN']

  function problem(e) {
    const lead = e && e.status === 403 ? t('无权操作：', 'Not allowed: ')
      : e && e.status === 404 ? t('未找到：', 'Not found: ') : t('操作失败：', 'Failed: ')
    return lead + ((e && e.message) || t('网络错误', 'network error'))
  }

  return {
    name: 'PatrolCheckIns',
    setup() {
      const narrowQuery = window.matchMedia('(max-width: 767px)')
      const narrow = ref(narrowQuery.matches)
      const follow = (e) => (narrow.value = e.matches)
      narrowQuery.addEventListener('change', follow)

      const mayRecord = (host.me.roles || []).some((r) => ON_BEHALF.includes(r))
      const mapElement = ref(null)
      const teams = ref([])
      const teamId = ref('')
      const team = ref(null)
      const shifts = ref([])
      const shiftId = ref('')
      const shift = ref(null)
      const route = ref(null)
      const error = ref('')
      const checkInForm = reactive({ open: false, memberId: '', checkpointId: '', longitude: null, latitude: null, error: '', busy: false })
      const hazardForm = reactive({ open: false, memberId: '', title: '', description: '', address: '', longitude: null, latitude: null, error: '', busy: false })
      let map = null
      let layer = null

      const names = computed(() => {
        const byUser = {}
        if (team.value) team.value.members.forEach((m) => (byUser[m.userId] = m.name))
        return byUser
      })
      const who = (userId) => names.value[userId] || userId

      /** Each checkpoint of the route with its first counting check-in, or whether it is still open or missed. */
      const checkpoints = computed(() => {
        if (!shift.value || !route.value) return []
        const missed = new Set(shift.value.missed.map((c) => c.id))
        return route.value.checkpoints.map((c) => {
          const all = shift.value.checkIns.filter((i) => i.checkpointId === c.id)
          const counted = all.filter((i) => !i.away && !i.offShift).sort((a, b) => a.at.localeCompare(b.at))[0]
          const status = counted ? 'visited' : missed.has(c.id) ? 'missed' : shift.value.closedAt ? 'missed' : 'open'
          return { ...c, status, at: counted ? counted.at : null, by: counted ? counted.userId : null, flagged: all.length - (counted ? 1 : 0) }
        })
      })

      async function loadTeams() {
        try {
          teams.value = await host.api('GET', '/patrol/teams?region=' + encodeURIComponent(host.me.regionCode))
          const wantedShift = host.route.query && host.route.query.shift
          if (wantedShift) {
            await chooseShift(wantedShift)
            if (shift.value) await chooseTeam(shift.value.teamId, true)
            return
          }
          const wanted = sessionStorage.getItem(TEAM_KEY)
          const first = teams.value.find((x) => x.id === wanted) || teams.value[0]
          if (first) await chooseTeam(first.id)
        } catch (e) {
          error.value = problem(e)
        }
      }

      async function chooseTeam(id, keepShift) {
        teamId.value = id
        try {
          team.value = await host.api('GET', '/patrol/teams/' + encodeURIComponent(id))
          sessionStorage.setItem(TEAM_KEY, id)
          shifts.value = await host.api('GET', '/patrol/teams/' + encodeURIComponent(id) + '/shifts')
          if (keepShift) {
            draw() // again, now with the members' names
          } else {
            const now = Date.now()
            const on = shifts.value.find((s) => Date.parse(s.startsAt) <= now && now <= Date.parse(s.endsAt))
            const pick = on || shifts.value.find((s) => Date.parse(s.startsAt) <= now) || shifts.value[0]
            if (pick) await chooseShift(pick.id)
            else { shiftId.value = ''; shift.value = null; draw() }
          }
        } catch (e) {
          error.value = problem(e)
        }
      }

      async function chooseShift(id) {
        shiftId.value = id
        error.value = ''
        try {
          shift.value = await host.api('GET', '/patrol/shifts/' + encodeURIComponent(id))
          if (!route.value || route.value.id !== shift.value.routeId) {
            route.value = await host.api('GET', '/patrol/routes/' + encodeURIComponent(shift.value.routeId))
          }
          draw()
        } catch (e) {
          error.value = problem(e)
        }
      }

      /** The route, its checkpoints (green visited, red missed, grey open) and where each check-in was made. */
      function draw() {
        if (!map) return
        layer.clearLayers()
        if (!shift.value || !route.value) return
        map.invalidateSize()
        const line = route.value.checkpoints.map((c) => [c.latitude, c.longitude])
        L.polyline(line, { color: '#1f6feb', weight: 3, opacity: 0.6, className: 'cg-patrol-route' }).addTo(layer)
        const colours = { visited: '#1a7f37', missed: '#d1242f', open: '#909399' }
        checkpoints.value.forEach((c) => L.circleMarker([c.latitude, c.longitude], {
          radius: 8, color: '#fff', weight: 2, fillColor: colours[c.status], fillOpacity: 1, className: 'cg-patrol-checkpoint'
        }).bindTooltip(c.seq + '. ' + c.name, { permanent: !narrow.value, direction: 'top', offset: [0, -6] }).addTo(layer))
        shift.value.checkIns.forEach((i) => L.circleMarker([i.latitude, i.longitude], {
          radius: 4, color: i.away || i.offShift ? '#e6a23c' : '#1a7f37', fillOpacity: 0.8, className: 'cg-patrol-check-in'
        }).bindTooltip(host.formatTime(i.at) + ' ' + who(i.userId) + ' · ' + i.checkpointName).addTo(layer))
        map.fitBounds(L.latLngBounds(line.concat(shift.value.checkIns.map((i) => [i.latitude, i.longitude]))).pad(0.25), { maxZoom: 17 })
      }

      const number = (v) => typeof v === 'number' && isFinite(v)
      const inChina = (lon, lat) => lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54

      function openCheckIn(c) {
        Object.assign(checkInForm, { open: true, memberId: shift.value.roster[0] || '', checkpointId: c ? c.id : '', longitude: c ? c.longitude : null, latitude: c ? c.latitude : null, error: '', busy: false })
      }

      async function recordCheckIn() {
        const f = checkInForm
        f.error = ''
        if (!f.memberId) f.error = t('请选择替哪位成员签到。', 'Choose the member you record for.')
        else if (!f.checkpointId) f.error = t('请选择检查点。', 'Choose the checkpoint.')
        else if (!number(f.longitude) || !number(f.latitude)) f.error = t('请填写签到位置的经度和纬度。', 'Enter the longitude and latitude of the check-in.')
        else if (!inChina(f.longitude, f.latitude)) f.error = t('经纬度不在中国境内（经度在前）。', 'That position is not in China (longitude first).')
        if (f.error) return
        f.busy = true
        try {
          const made = await host.api('POST', '/patrol/shifts/' + encodeURIComponent(shiftId.value) + '/check-ins',
            { checkpointId: f.checkpointId, longitude: f.longitude, latitude: f.latitude, memberId: f.memberId })
          host.notify.success(made.away || made.offShift ? t('已签到，但被标记（不计入）', 'Checked in, but flagged (does not count)') : t('已签到', 'Checked in'))
          f.open = false
          await chooseShift(shiftId.value)
        } catch (e) {
          f.error = problem(e)
        } finally {
          f.busy = false
        }
      }

      async function reportHazard() {
        const f = hazardForm
        f.error = ''
        if (!f.memberId) f.error = t('请选择发现隐患的成员。', 'Choose the member who found it.')
        else if (!f.title.trim()) f.error = t('请填写隐患标题。', 'Enter a title.')
        else if (!f.description.trim()) f.error = t('请描述隐患。', 'Describe the hazard.')
        else if (!number(f.longitude) || !number(f.latitude) || !inChina(f.longitude, f.latitude)) f.error = t('请填写隐患位置（中国境内的经度、纬度）。', 'Enter where it is (longitude and latitude in China).')
        if (f.error) return
        f.busy = true
        try {
          const hazard = await host.api('POST', '/patrol/shifts/' + encodeURIComponent(shiftId.value) + '/hazards', {
            title: f.title.trim(), description: f.description.trim(), address: f.address.trim() || null,
            longitude: f.longitude, latitude: f.latitude, memberId: f.memberId
          })
          host.notify.success(t('已上报，案件编号 ', 'Reported as case ') + hazard.caseId)
          f.open = false
          await chooseShift(shiftId.value)
        } catch (e) {
          f.error = problem(e)
        } finally {
          f.busy = false
        }
      }

      onMounted(() => {
        map = host.map(mapElement.value, { zoomControl: true })
        map.setView([35.6, 112.8], 9)
        layer = L.featureGroup().addTo(map)
        loadTeams()
      })
      onBeforeUnmount(() => {
        narrowQuery.removeEventListener('change', follow)
        if (map) map.remove()
        map = null
      })

      // --- rendering ---
      const E = (name) => resolveComponent(name)
      const col = (prop, zh, en, extra) => h(E('ElTableColumn'), { prop, label: t(zh, en), ...extra })
      const alert = (text) => text && h(E('ElAlert'), { title: text, type: 'error', closable: false, showIcon: true, style: { marginBottom: '8px' } })
      const tag = (type, text, cls) => h(E('ElTag'), { type, size: 'small', class: cls, style: { marginRight: '4px' } }, () => text)
      const place = (x) => x.longitude.toFixed(5) + ', ' + x.latitude.toFixed(5)
      const shiftLabel = (s) => host.formatTime(s.startsAt) + ' · ' + s.routeName + (s.closedAt ? ' · ' + t('已结束', 'closed') : '')

      function summary() {
        const s = shift.value
        return h(E('ElDescriptions'), { column: narrow.value ? 1 : 3, border: true, size: 'small', id: 'shift-summary' }, () => [
          h(E('ElDescriptionsItem'), { label: t('路线', 'Route') }, () => s.routeName),
          h(E('ElDescriptionsItem'), { label: t('时间', 'When') }, () => host.formatTime(s.startsAt) + ' – ' + host.formatTime(s.endsAt)),
          h(E('ElDescriptionsItem'), { label: t('上岗成员', 'On the roster') }, () => s.roster.map(who).join('、')),
          h(E('ElDescriptionsItem'), { label: t('覆盖率', 'Coverage') }, () => h(E('ElProgress'), { percentage: Math.round(s.coverage * 100), status: s.closedAt && s.missed.length ? 'exception' : undefined })),
          h(E('ElDescriptionsItem'), { label: t('签到', 'Check-ins') }, () => s.checkIns.length + t(' 次，其中被标记 ', ', flagged: ') + s.checkIns.filter((i) => i.away || i.offShift).length),
          h(E('ElDescriptionsItem'), { label: t('状态', 'State') }, () => s.closedAt ? t('已结束（', 'Closed (') + host.formatTime(s.closedAt) + t('，', ', by ') + s.closedBy + t('）', ')') : t('未结束', 'Open'))
        ])
      }

      function checkpointTable() {
        const status = { visited: ['success', t('已巡', 'Visited')], missed: ['danger', t('漏巡', 'Missed')], open: ['info', t('待巡', 'Not yet')] }
        return h(E('ElTable'), { data: checkpoints.value, size: 'small', border: true, id: 'shift-checkpoints' }, () => [
          col('seq', '#', '#', { width: 44 }),
          col('name', '检查点', 'Checkpoint', { minWidth: 110 }),
          col('status', '状态', 'State', { width: 90, formatter: (c) => tag(status[c.status][0], status[c.status][1], 'checkpoint-' + c.status) }),
          col('at', '签到时间', 'Checked in', { minWidth: 150, formatter: (c) => c.at ? host.formatTime(c.at) + ' ' + who(c.by) : '—' }),
          mayRecord && !shift.value.closedAt ? col('act', '', '', { width: 90, formatter: (c) => h(E('ElButton'), { link: true, type: 'primary', size: 'small', onClick: () => openCheckIn(c) }, () => t('代签到', 'Record')) }) : null
        ])
      }

      function checkInTable() {
        return h(E('ElTable'), { data: shift.value.checkIns, size: 'small', border: true, id: 'shift-check-ins', emptyText: t('还没有签到', 'No check-in yet') }, () => [
          col('at', '时间', 'Time', { width: 140, formatter: (i) => host.formatTime(i.at) }),
          col('checkpointName', '检查点', 'Checkpoint', { minWidth: 100 }),
          col('userId', '成员', 'Member', { minWidth: 90, formatter: (i) => who(i.userId) + (i.recordedBy !== i.userId ? t('（', ' (by ') + i.recordedBy + t(' 代签）', ')') : '') }),
          narrow.value ? null : col('place', '位置（经度, 纬度）', 'Place (lon, lat)', { minWidth: 150, formatter: place }),
          col('distanceMetres', '距离', 'Distance', { width: 80, formatter: (i) => Math.round(i.distanceMetres) + ' m' }),
          col('flags', '标记', 'Flags', {
            minWidth: 110, formatter: (i) => i.away || i.offShift
              ? h('span', [i.away ? tag('warning', t('距离过远', 'Away'), 'check-in-away') : null, i.offShift ? tag('danger', t('不在班次时间', 'Off shift'), 'check-in-off-shift') : null])
              : tag('success', t('有效', 'Counts'), 'check-in-ok')
          })
        ])
      }

      function hazardTable() {
        return h(E('ElTable'), { data: shift.value.hazards, size: 'small', border: true, id: 'shift-hazards', emptyText: t('本班次没有上报隐患', 'No hazard reported on this shift') }, () => [
          col('reportedAt', '时间', 'Time', { width: 140, formatter: (x) => host.formatTime(x.reportedAt) }),
          col('title', '隐患', 'Hazard', { minWidth: 140 }),
          col('userId', '发现人', 'Found by', { minWidth: 80, formatter: (x) => who(x.userId) }),
          col('caseId', '案件', 'Case', { minWidth: 120, formatter: (x) => h('a', { href: '/console/cases/' + encodeURIComponent(x.caseId) }, x.caseState || x.caseId) })
        ])
      }

      const field = (zh, en, input) => h(E('ElFormItem'), { label: t(zh, en), required: true }, () => input)
      const memberSelect = (f, id) => h(E('ElSelect'), { id, modelValue: f.memberId, 'onUpdate:modelValue': (v) => (f.memberId = v), style: { width: '100%' } }, () =>
        shift.value.roster.map((u) => h(E('ElOption'), { key: u, value: u, label: who(u) + '（' + u + '）' })))
      const coordinate = (f, key, id, min, max) => h(E('ElInputNumber'), { id, modelValue: f[key], 'onUpdate:modelValue': (v) => (f[key] = v), precision: 6, step: 0.0001, min, max, controls: false, style: { width: '100%' } })

      function checkInDialog() {
        const f = checkInForm
        return h(E('ElDialog'), { modelValue: f.open, 'onUpdate:modelValue': (v) => (f.open = v), title: t('代成员签到', 'Record a check-in for a member'), width: '480px' }, {
          default: () => [
            alert(f.error),
            h(E('ElForm'), { labelPosition: 'top', onSubmit: (e) => e.preventDefault() }, () => [
              field('成员', 'Member', memberSelect(f, 'check-in-member')),
              field('检查点', 'Checkpoint', h(E('ElSelect'), { id: 'check-in-checkpoint', modelValue: f.checkpointId, 'onUpdate:modelValue': (v) => (f.checkpointId = v), style: { width: '100%' } }, () =>
                route.value.checkpoints.map((c) => h(E('ElOption'), { key: c.id, value: c.id, label: c.seq + '. ' + c.name })))),
              field('经度（成员所在位置）', 'Longitude (where the member stands)', coordinate(f, 'longitude', 'check-in-longitude', -180, 180)),
              field('纬度', 'Latitude', coordinate(f, 'latitude', 'check-in-latitude', -90, 90))
            ]),
            h('p', { style: { color: '#909399', fontSize: '12px' } }, t('签到时间以平台时间为准；离检查点太远或不在班次时间内的签到会被标记、不计入。', 'The time is the platform\'s; a check-in too far from the checkpoint or outside the shift is flagged and does not count.'))
          ],
          footer: () => [
            h(E('ElButton'), { onClick: () => (f.open = false) }, () => t('取消', 'Cancel')),
            h(E('ElButton'), { type: 'primary', id: 'check-in-submit', loading: f.busy, onClick: recordCheckIn }, () => t('签到', 'Check in'))
          ]
        })
      }

      function hazardDialog() {
        const f = hazardForm
        return h(E('ElDialog'), { modelValue: f.open, 'onUpdate:modelValue': (v) => (f.open = v), title: t('代成员上报隐患', 'Report a hazard for a member'), width: '520px' }, {
          default: () => [
            alert(f.error),
            h(E('ElForm'), { labelPosition: 'top', onSubmit: (e) => e.preventDefault() }, () => [
              field('发现人', 'Found by', memberSelect(f, 'hazard-member')),
              field('标题', 'Title', h(E('ElInput'), { id: 'hazard-title', modelValue: f.title, 'onUpdate:modelValue': (v) => (f.title = v), maxlength: 200 })),
              field('描述', 'Description', h(E('ElInput'), { id: 'hazard-description', type: 'textarea', rows: 3, modelValue: f.description, 'onUpdate:modelValue': (v) => (f.description = v), maxlength: 3000 })),
              h(E('ElFormItem'), { label: t('地址（可不填）', 'Address (optional)') }, () => h(E('ElInput'), { modelValue: f.address, 'onUpdate:modelValue': (v) => (f.address = v), maxlength: 300 })),
              field('经度', 'Longitude', coordinate(f, 'longitude', 'hazard-longitude', -180, 180)),
              field('纬度', 'Latitude', coordinate(f, 'latitude', 'hazard-latitude', -90, 90))
            ])
          ],
          footer: () => [
            h(E('ElButton'), { onClick: () => (f.open = false) }, () => t('取消', 'Cancel')),
            h(E('ElButton'), { type: 'primary', id: 'hazard-submit', loading: f.busy, onClick: reportHazard }, () => t('上报（生成案件）', 'Report (opens a case)'))
          ]
        })
      }

      return () => h('div', { id: 'patrol-check-ins-page' }, [
        h('div', { class: 'cg-toolbar' }, [
          h(E('ElSelect'), {
            id: 'check-in-team', modelValue: teamId.value, 'onUpdate:modelValue': (v) => chooseTeam(v), filterable: true,
            placeholder: t('选择巡防队伍', 'Choose a patrol team'), style: { width: narrow.value ? '100%' : '220px' }
          }, () => teams.value.map((x) => h(E('ElOption'), { key: x.id, value: x.id, label: x.name }))),
          h(E('ElSelect'), {
            id: 'check-in-shift', modelValue: shiftId.value, 'onUpdate:modelValue': chooseShift, filterable: true,
            placeholder: t('选择班次', 'Choose a shift'), style: { width: narrow.value ? '100%' : '300px' }
          }, () => shifts.value.map((s) => h(E('ElOption'), { key: s.id, value: s.id, label: shiftLabel(s) }))),
          h(E('ElButton'), { onClick: () => shiftId.value && chooseShift(shiftId.value) }, () => t('刷新', 'Refresh')),
          mayRecord && shift.value && !shift.value.closedAt ? h(E('ElButton'), { id: 'check-in-add', onClick: () => openCheckIn(null) }, () => t('代签到', 'Record a check-in')) : null,
          mayRecord && shift.value ? h(E('ElButton'), { id: 'hazard-add', type: 'warning', plain: true, onClick: () => Object.assign(hazardForm, { open: true, memberId: shift.value.roster[0] || '', title: '', description: '', address: '', longitude: null, latitude: null, error: '' }) }, () => t('上报隐患', 'Report a hazard')) : null
        ]),
        alert(error.value),
        !shift.value ? h(E('ElEmpty'), { description: t('选择一个班次查看签到', 'Choose a shift to see its check-ins') }) : null,
        h('div', { style: { display: shift.value ? 'grid' : 'none', gap: '12px', gridTemplateColumns: narrow.value ? '1fr' : 'minmax(0, 3fr) minmax(0, 2fr)' } }, [
          h('div', { style: { minWidth: 0 } }, shift.value ? [summary(), h('h4', { style: { margin: '12px 0 6px' } }, t('检查点', 'Checkpoints')), checkpointTable()] : []),
          h('div', { ref: mapElement, id: 'check-in-map', class: 'cg-map', style: { height: narrow.value ? '300px' : '360px', minHeight: '260px' } })
        ]),
        shift.value ? h('div', [
          h('h4', { style: { margin: '12px 0 6px' } }, t('签到记录', 'Check-ins')), checkInTable(),
          h('h4', { style: { margin: '12px 0 6px' } }, t('巡防发现的隐患', 'Hazards found')), hazardTable()
        ]) : null,
        shift.value && route.value ? checkInDialog() : null,
        shift.value ? hazardDialog() : null
      ])
    }
  }
}
