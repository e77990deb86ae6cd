/**
 * 排班 / Rosters — a console page of the patrol plug-in (console host API version 1).
 *
 * Who patrols when: a team's shifts over a period (route, times, the members on the roster, coverage, state),
 * planning a shift with its roster, and closing an ended shift. The API keeps a planned shift as it is: a roster
 * is changed by planning the shift again.
 */
export default function patrolRoster(host) {
  const { h, ref, reactive, computed, onMounted, onBeforeUnmount, resolveComponent } = host.vue
  const t = host.text
  const TEAM_KEY = 'civicgrid.patrol.team'
  const DAY = 24 * 3600 * 1000

  function problem(e) {
    const lead = e && e.status === 403 ? t('无权操作：', 'Not allowed: ')
      : e && e.status === 404 ? t('未找到：', 'Not found: ') : t('操作失败：', 'Failed: ')
    return lead + ((e && e.message) || t('网络错误', 'network error'))
  }

  /** A time as ISO 8601 with the browser's offset (the API wants an offset, e.g. +08:00). */
  function withOffset(date) {
    const pad = (n) => String(Math.abs(n)).padStart(2, '0')
    const minutes = -date.getTimezoneOffset()
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' + pad(date.getHours()) + ':'
      + pad(date.getMinutes()) + ':00' + (minutes >= 0 ? '+' : '-') + pad(Math.trunc(minutes / 60)) + ':' + pad(minutes % 60)
  }

  /** Where a shift stands now: planned, on, ended (not yet closed) or closed. */
  function state(shift) {
    if (shift.closedAt) return ['closed', t('已结束', 'Closed'), 'info']
    const now = Date.now()
    if (now < Date.parse(shift.startsAt)) return ['planned', t('未开始', 'Planned'), '']
    if (now <= Date.parse(shift.endsAt)) return ['on', t('进行中', 'On now'), 'success']
    return ['ended', t('已过结束时间', 'Past its end'), 'warning']
  }

  return {
    name: 'PatrolRoster',
    setup() {
      const narrowQuery = window.matchMedia('(max-width: 767px)')
      const narrow = ref(narrowQuery.matches)
      const follow = (e) => (narrow.value = e.matches)
      narrowQuery.addEventListener('change', follow)
      onBeforeUnmount(() => narrowQuery.removeEventListener('change', follow))

      const teams = ref([])
      const teamId = ref('')
      const team = ref(null)
      const shifts = ref([])
      const error = ref('')
      const loading = ref(false)
      const today = new Date()
      today.setHours(0, 0, 0, 0)
      const period = ref([new Date(today.getTime() - 7 * DAY), new Date(today.getTime() + 15 * DAY)])
      const form = reactive({ open: false, routeId: '', times: [], roster: [], error: '', busy: false })

      const names = computed(() => {
        const byUser = {}
        if (team.value) team.value.members.forEach((m) => (byUser[m.userId] = m.name))
        return byUser
      })
      const memberName = (userId) => names.value[userId] || userId

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
        try {
          team.value = await host.api('GET', '/patrol/teams/' + encodeURIComponent(id))
          sessionStorage.setItem(TEAM_KEY, id)
          await loadShifts()
        } catch (e) {
          error.value = problem(e)
        }
      }

      async function loadShifts() {
        if (!teamId.value) return
        error.value = ''
        loading.value = true
        try {
          const [from, to] = period.value || []
          const query = []
          if (from) query.push('from=' + encodeURIComponent(withOffset(from)))
          if (to) query.push('to=' + encodeURIComponent(withOffset(new Date(to.getTime() + DAY))))
          shifts.value = await host.api('GET', '/patrol/teams/' + encodeURIComponent(teamId.value) + '/shifts' + (query.length ? '?' + query.join('&') : ''))
        } catch (e) {
          error.value = problem(e)
        } finally {
          loading.value = false
        }
      }

      function openForm(from) {
        const start = new Date()
        start.setMinutes(0, 0, 0)
        start.setHours(start.getHours() + 1)
        Object.assign(form, {
          open: true, error: '', busy: false,
          routeId: from ? from.routeId : (team.value.routes[0] ? team.value.routes[0].id : ''),
          times: [start, new Date(start.getTime() + 2 * 3600 * 1000)],
          roster: from ? [...from.roster] : []
        })
      }

      async function plan() {
        form.error = ''
        const [start, end] = form.times || []
        if (!form.routeId) form.error = t('请选择路线（先在“巡防路线”页添加）。', 'Choose a route (add one on the “Patrol routes” page first).')
        else if (!start || !end) form.error = t('请选择开始和结束时间。', 'Choose when the shift starts and ends.')
        else if (end <= start) form.error = t('结束时间要晚于开始时间。', 'The shift must end after it starts.')
        else if (end - start > DAY) form.error = t('一个班次最长24小时。', 'A shift lasts at most 24 hours.')
        else if (!form.roster.length) form.error = t('请选择至少一名上岗成员。', 'Put at least one member on the roster.')
        if (form.error) return
        form.busy = true
        try {
          await host.api('POST', '/patrol/shifts', {
            teamId: teamId.value, routeId: form.routeId, startsAt: withOffset(start), endsAt: withOffset(end), roster: form.roster
          })
          host.notify.success(t('已排班', 'Shift planned'))
          form.open = false
          await loadShifts()
        } catch (e) {
          form.error = problem(e)
        } finally {
          form.busy = false
        }
      }

      async function close(shift) {
        try {
          const closed = await host.api('POST', '/patrol/shifts/' + encodeURIComponent(shift.id) + '/close')
          host.notify.success(t('班次已结束，漏巡检查点 ', 'Shift closed; checkpoints missed: ') + closed.missed.length)
          await loadShifts()
        } catch (e) {
          host.notify.error(problem(e))
        }
      }

      onMounted(loadTeams)

      // --- rendering ---
      const E = (name) => resolveComponent(name)
      const col = (prop, zh, en, extra) => h(E('ElTableColumn'), { prop, label: t(zh, en), ...extra })
      const alert = (text) => text && h(E('ElAlert'), { title: text, type: 'error', closable: false, showIcon: true, style: { marginBottom: '8px' } })
      const clock = (iso) => host.formatTime(iso)

      const when = (s) => clock(s.startsAt) + ' – ' + (s.endsAt.slice(0, 10) === s.startsAt.slice(0, 10) ? clock(s.endsAt).slice(-5) : clock(s.endsAt))
      const roster = (s) => h('span', { class: 'shift-roster', 'data-shift': s.id }, s.roster.map(memberName).join('、'))
      const coverage = (s) => h('span', [
        h('span', s.visited + ' / ' + s.planned),
        s.missed.length ? h(E('ElTag'), { type: 'danger', size: 'small', style: { marginLeft: '6px' } }, () => t('漏巡 ', 'missed ') + s.missed.length) : null
      ])
      const stateTag = (s) => {
        const [key, text, type] = state(s)
        return h(E('ElTag'), { type: type || undefined, size: 'small', 'data-state': key }, () => text)
      }
      const actions = (s) => h('div', { style: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center' } }, [
        h('a', { href: '/console/panels/patrol/checkins?shift=' + encodeURIComponent(s.id), class: 'shift-checkins', style: { fontSize: '13px', marginRight: '6px' } }, t('签到记录', 'Check-ins')),
        h(E('ElButton'), { link: true, type: 'primary', size: 'small', onClick: () => openForm(s) }, () => t('照此排班', 'Plan again')),
        !s.closedAt && state(s)[0] !== 'planned'
          ? h(E('ElButton'), { link: true, type: 'warning', size: 'small', class: 'shift-close', onClick: () => close(s) }, () => t('结束班次', 'Close'))
          : null
      ])

      function shiftTable() {
        const table = { data: shifts.value, size: 'small', border: true, id: 'patrol-shifts', rowKey: 'id', emptyText: t('这段时间没有班次', 'No shift in this period') }
        if (narrow.value) {
          // A phone: one column, each shift stacked.
          return h(E('ElTable'), table, () => [col('startsAt', '班次', 'Shifts', {
            formatter: (s) => h('div', { style: { lineHeight: 1.7 } }, [
              h('div', [h('b', when(s)), ' ', stateTag(s)]),
              h('div', s.routeName + ' · ', [roster(s)]),
              h('div', [t('检查点 ', 'Checkpoints ') , coverage(s)]),
              actions(s)
            ])
          })])
        }
        return h(E('ElTable'), table, () => [
          col('startsAt', '时间', 'When', { minWidth: 170, formatter: when }),
          col('routeName', '路线', 'Route', { minWidth: 110 }),
          col('roster', '上岗成员', 'On the roster', { minWidth: 150, formatter: roster }),
          col('coverage', '检查点', 'Checkpoints', { width: 140, formatter: coverage }),
          col('state', '状态', 'State', { width: 120, formatter: stateTag }),
          col('actions', '操作', 'Actions', { width: 190, formatter: actions })
        ])
      }

      function planDialog() {
        const routes = team.value ? team.value.routes : []
        const members = team.value ? team.value.members : []
        return h(E('ElDialog'), { modelValue: form.open, 'onUpdate:modelValue': (v) => (form.open = v), title: t('排班', 'Plan a shift'), width: '520px' }, {
          default: () => [
            alert(form.error),
            h(E('ElForm'), { labelPosition: 'top', onSubmit: (e) => e.preventDefault() }, () => [
              h(E('ElFormItem'), { label: t('路线', 'Route'), required: true }, () =>
                h(E('ElSelect'), { id: 'shift-route', modelValue: form.routeId, 'onUpdate:modelValue': (v) => (form.routeId = v), style: { width: '100%' }, placeholder: t('选择路线', 'Choose a route') }, () =>
                  routes.map((r) => h(E('ElOption'), { key: r.id, value: r.id, label: r.name + ' · ' + r.regionName })))),
              h(E('ElFormItem'), { label: t('时间（最长24小时）', 'When (at most 24 hours)'), required: true }, () =>
                h(E('ElDatePicker'), {
                  id: 'shift-times', type: 'datetimerange', modelValue: form.times, 'onUpdate:modelValue': (v) => (form.times = v || []),
                  format: 'YYYY-MM-DD HH:mm', startPlaceholder: t('开始', 'Starts'), endPlaceholder: t('结束', 'Ends'), style: { width: '100%' }
                })),
              h(E('ElFormItem'), { label: t('上岗成员', 'Members on the roster'), required: true }, () =>
                h(E('ElSelect'), { id: 'shift-roster', multiple: true, modelValue: form.roster, 'onUpdate:modelValue': (v) => (form.roster = v), style: { width: '100%' }, placeholder: t('选择成员', 'Choose members') }, () =>
                  members.map((m) => h(E('ElOption'), { key: m.userId, value: m.userId, label: m.name + '（' + m.userId + '）' }))))
            ])
          ],
          footer: () => [
            h(E('ElButton'), { onClick: () => (form.open = false) }, () => t('取消', 'Cancel')),
            h(E('ElButton'), { type: 'primary', id: 'shift-submit', loading: form.busy, onClick: plan }, () => t('排班', 'Plan'))
          ]
        })
      }

      return () => h('div', { id: 'patrol-roster-page' }, [
        h('div', { class: 'cg-toolbar' }, [
          h(E('ElSelect'), {
            id: 'roster-team', modelValue: teamId.value, 'onUpdate:modelValue': chooseTeam, filterable: true,
            placeholder: t('选择巡防队伍', 'Choose a patrol team'), style: { width: narrow.value ? '100%' : '240px' }
          }, () => teams.value.map((x) => h(E('ElOption'), { key: x.id, value: x.id, label: x.name + ' · ' + x.regionName }))),
          h('div', { style: { width: narrow.value ? '100%' : '360px' } }, h(E('ElDatePicker'), {
            type: 'daterange', modelValue: period.value, 'onUpdate:modelValue': (v) => { period.value = v; loadShifts() },
            startPlaceholder: t('从', 'From'), endPlaceholder: t('到', 'To'), style: { width: '100%' }
          })),
          h(E('ElButton'), { onClick: loadShifts, loading: loading.value }, () => t('刷新', 'Refresh')),
          team.value ? h(E('ElButton'), { type: 'primary', id: 'shift-add', onClick: () => openForm(null) }, () => t('排班', 'Plan a shift')) : null
        ]),
        alert(error.value),
        team.value && !team.value.members.length
          ? h(E('ElAlert'), { type: 'info', closable: false, style: { marginBottom: '8px' }, title: t('这支队伍还没有成员：先在“巡防队伍”页登记成员。', 'This team has no member yet: register members on the “Patrol teams” page first.') })
          : null,
        shiftTable(),
        planDialog()
      ])
    }
  }
}
