/**
 * 巡防队伍 / Patrol teams — a console page of the patrol plug-in (console host API version 1).
 *
 * The patrol teams of the signed-in user's area; a team's members (phones masked by the API) and routes;
 * registering a team and a member; the hazards reported on patrol and what became of their cases.
 * Everything goes through /api/patrol with the user's own session: the API decides who may see and do what.
 */
export default function patrolTeams(host) {
  const { h, ref, reactive, onMounted, onBeforeUnmount, resolveComponent } = host.vue
  const t = host.text
  const TEAM_KEY = 'civicgrid.patrol.team'
  const KINDS = {
    VETERAN_CADRE: ['老干部', 'Veteran cadre'],
    SAFETY_VOLUNTEER: ['平安志愿者', 'Safety volunteer']
  }
  const CASE_STATES = {
    REPORTED: ['已上报', 'Reported'], REGISTERED: ['已立案', 'Registered'], DISPATCHED: ['已派遣', 'Dispatched'],
    IN_HANDLING: ['处置中', 'In handling'], EXTENSION_REQUESTED: ['申请延期', 'Extension requested'],
    HANDLED: ['已处置', 'Handled'], VERIFIED: ['已核查', 'Verified'],
    CLOSED: ['已结案', 'Closed'], REJECTED: ['不予受理', 'Rejected'], RETURNED: ['已退回', 'Returned']
  }
  const label = (table, key) => (table[key] ? t(table[key][0], table[key][1]) : key || '')

  /** What went wrong, in the user's words: the API's problem detail after a short lead. */
  function problem(e) {
    const lead = e && e.status === 403 ? t('无权操作：', 'Not allowed: ')
      : e && e.status === 404 ? t('未找到：', 'Not found: ') : t('操作失败：', 'Failed: ')
    return lead + ((e && e.message) || t('网络错误', 'network error'))
  }

  return {
    name: 'PatrolTeams',
    setup() {
      const narrowQuery = window.matchMedia('(max-width: 767px)')
      const narrow = ref(narrowQuery.matches)
      const follow = (e) => (narrow.value = e.matches)
      narrowQuery.addEventListener('change', follow)
      onBeforeUnmount(() => narrowQuery.removeEventListener('change', follow))

      const tab = ref('teams')
      const teams = ref([])
      const team = ref(null)
      const hazards = ref([])
      const error = ref('')
      const loading = ref(false)
      const teamForm = reactive({ open: false, regionCode: '', name: '', error: '', busy: false })
      const memberForm = reactive({ open: false, userId: '', kind: '', phone: '', error: '', busy: false })

      async function loadTeams() {
        loading.value = true
        error.value = ''
        try {
          teams.value = await host.api('GET', '/patrol/teams?region=' + encodeURIComponent(host.me.regionCode))
          const wanted = (host.route.query && host.route.query.team) || sessionStorage.getItem(TEAM_KEY)
          if (wanted && teams.value.some((x) => x.id === wanted)) await openTeam(wanted)
        } catch (e) {
          error.value = problem(e)
        } finally {
          loading.value = false
        }
      }

      async function openTeam(id) {
        try {
          team.value = await host.api('GET', '/patrol/teams/' + encodeURIComponent(id))
          sessionStorage.setItem(TEAM_KEY, id)
        } catch (e) {
          host.notify.error(problem(e))
        }
      }

      async function loadHazards() {
        try {
          hazards.value = await host.api('GET', '/patrol/hazards?region=' + encodeURIComponent(host.me.regionCode))
        } catch (e) {
          error.value = problem(e)
        }
      }

      async function regionNodes(node, resolve) {
        try {
          if (node.level === 0) {
            const own = await host.api('GET', '/regions/' + host.me.regionCode)
            resolve([{ value: own.code, label: own.name, leaf: own.level === 'VILLAGE' }])
            return
          }
          const children = await host.api('GET', '/regions/' + node.value + '/children')
          resolve(children.map((r) => ({ value: r.code, label: r.name, leaf: r.level === 'VILLAGE' })))
        } catch (e) {
          host.notify.error(problem(e))
          resolve([])
        }
      }

      async function createTeam() {
        teamForm.error = ''
        const name = teamForm.name.trim()
        if (!teamForm.regionCode) teamForm.error = t('请选择队伍所在的县、乡镇或村（社区）。', 'Choose the county, township or village/community of the team.')
        else if (!name) teamForm.error = t('请填写队伍名称。', 'Enter the team\'s name.')
        else if (name.length > 100) teamForm.error = t('队伍名称最多100个字。', 'The team\'s name has at most 100 characters.')
        else if (String(teamForm.regionCode).length < 6) teamForm.error = t('队伍属于县、乡镇或村（社区），不能是市。', 'A team belongs to a county, township or village/community, not a city.')
        if (teamForm.error) return
        teamForm.busy = true
        try {
          const created = await host.api('POST', '/patrol/teams', { regionCode: teamForm.regionCode, name })
          host.notify.success(t('已登记队伍：', 'Team registered: ') + created.name)
          teamForm.open = false
          await loadTeams()
          await openTeam(created.id)
        } catch (e) {
          teamForm.error = problem(e)
        } finally {
          teamForm.busy = false
        }
      }

      async function addMember() {
        memberForm.error = ''
        const userId = memberForm.userId.trim()
        const phone = memberForm.phone.replace(/[\s-]/g, '')
        if (!userId) memberForm.error = t('请填写成员的平台用户账号。', 'Enter the member\'s platform user id.')
        else if (!memberForm.kind) memberForm.error = t('请选择成员类别。', 'Choose the kind of member.')
        else if (phone && !/^\+?\d{6,20}$/.test(phone)) memberForm.error = t('电话号码应为6到20位数字。', 'A phone number has 6 to 20 digits.')
        if (memberForm.error) return
        memberForm.busy = true
        try {
          const member = await host.api('POST', '/patrol/teams/' + encodeURIComponent(team.value.id) + '/members',
            { userId, kind: memberForm.kind, phone: phone || null })
          host.notify.success(t('已加入队伍：', 'Added to the team: ') + member.name)
          memberForm.open = false
          await openTeam(team.value.id)
        } catch (e) {
          memberForm.error = problem(e)
        } finally {
          memberForm.busy = false
        }
      }

      async function exportHours() {
        try {
          await host.download('/patrol/hours.csv?region=' + encodeURIComponent(host.me.regionCode), 'patrol-hours.csv')
        } catch (e) {
          host.notify.error(problem(e))
        }
      }

      onMounted(() => {
        loadTeams()
        loadHazards()
      })

      // --- rendering ---
      const E = (name) => resolveComponent(name)
      const col = (prop, zh, en, extra) => h(E('ElTableColumn'), { prop, label: t(zh, en), ...extra })
      const alert = (text) => text && h(E('ElAlert'), { title: text, type: 'error', closable: false, showIcon: true, style: { marginBottom: '8px' } })

      function teamList() {
        return h(E('ElTable'), {
          data: teams.value, size: 'small', border: true, id: 'patrol-teams', highlightCurrentRow: true,
          emptyText: t('本辖区还没有巡防队伍', 'No patrol team in your area yet'),
          onRowClick: (row) => openTeam(row.id)
        }, () => [
          col('name', '队伍', 'Team', { minWidth: 140 }),
          col('regionName', '所在区域', 'Area', { minWidth: 110 }),
          narrow.value ? null : col('createdAt', '登记时间', 'Registered', { width: 150, formatter: (r) => host.formatTime(r.createdAt) })
        ])
      }

      function teamDetail() {
        if (!team.value) {
          return h(E('ElEmpty'), { description: t('点选一支队伍查看成员和路线', 'Choose a team to see its members and routes') })
        }
        const x = team.value
        return h('div', { id: 'patrol-team', 'data-team': x.id }, [
          h('div', { class: 'cg-toolbar' }, [
            h('h4', { style: { margin: 0 } }, x.name + ' · ' + x.regionName),
            h(E('ElButton'), { size: 'small', type: 'primary', id: 'member-add', onClick: () => Object.assign(memberForm, { open: true, userId: '', kind: '', phone: '', error: '' }) },
              () => t('登记成员', 'Register a member'))
          ]),
          h(E('ElTable'), { data: x.members, size: 'small', border: true, id: 'patrol-members', emptyText: t('还没有成员', 'No member yet') }, () => [
            col('name', '姓名', 'Name', { minWidth: 90 }),
            col('kind', '类别', 'Kind', { minWidth: 100, formatter: (r) => label(KINDS, r.kind) }),
            col('phone', '电话', 'Phone', { minWidth: 110, formatter: (r) => r.phone || '—' }),
            narrow.value ? null : col('userId', '账号', 'User id', { minWidth: 100 })
          ]),
          h('h4', { style: { margin: '12px 0 6px' } }, t('路线', 'Routes')),
          h(E('ElTable'), { data: x.routes, size: 'small', border: true, id: 'patrol-routes-list', emptyText: t('还没有路线（在“巡防路线”页添加）', 'No route yet (add one on the “Patrol routes” page)') }, () => [
            col('name', '路线', 'Route', { minWidth: 120 }),
            col('regionName', '村（社区）', 'Village/community', { minWidth: 120 }),
            col('checkpoints', '检查点', 'Checkpoints', { width: 90, formatter: (r) => String(r.checkpoints.length) })
          ])
        ])
      }

      function hazardList() {
        return h(E('ElTable'), { data: hazards.value, size: 'small', border: true, id: 'patrol-hazards', emptyText: t('没有巡防发现的隐患', 'No hazard reported on patrol') }, () => [
          col('reportedAt', '上报时间', 'Reported', { width: 150, formatter: (r) => host.formatTime(r.reportedAt) }),
          col('title', '隐患', 'Hazard', { minWidth: 160 }),
          col('reportedBy', '上报人', 'By', { minWidth: 90, formatter: (r) => r.reportedBy === r.userId ? r.userId : r.userId + ' (' + r.reportedBy + ')' }),
          col('caseState', '案件状态', 'Case state', {
            minWidth: 100, formatter: (r) => label(CASE_STATES, r.caseState)
          }),
          narrow.value ? null : col('caseId', '案件', 'Case', {
            minWidth: 120, formatter: (r) => h('a', { href: '/console/cases/' + encodeURIComponent(r.caseId) }, t('查看案件', 'Open the case'))
          })
        ])
      }

      function teamDialog() {
        return h(E('ElDialog'), { modelValue: teamForm.open, 'onUpdate:modelValue': (v) => (teamForm.open = v), title: t('登记巡防队伍', 'Register a patrol team'), width: '480px' }, {
          default: () => [
            alert(teamForm.error),
            h(E('ElForm'), { labelPosition: 'top', onSubmit: (e) => e.preventDefault() }, () => [
              h(E('ElFormItem'), { label: t('所在区域（县、乡镇或村）', 'Area (county, township or village)'), required: true }, () =>
                h(E('ElCascader'), {
                  id: 'team-region', modelValue: teamForm.regionCode, 'onUpdate:modelValue': (v) => (teamForm.regionCode = v || ''),
                  props: { lazy: true, lazyLoad: regionNodes, checkStrictly: true, emitPath: false }, clearable: true,
                  placeholder: t('选择区域', 'Choose the area'), style: { width: '100%' }
                })),
              h(E('ElFormItem'), { label: t('队伍名称', 'Team name'), required: true }, () =>
                h(E('ElInput'), { id: 'team-name', modelValue: teamForm.name, 'onUpdate:modelValue': (v) => (teamForm.name = v), maxlength: 100, placeholder: t('如：城关老干部巡防队', 'e.g. Chengguan veteran-cadre patrol') }))
            ])
          ],
          footer: () => [
            h(E('ElButton'), { onClick: () => (teamForm.open = false) }, () => t('取消', 'Cancel')),
            h(E('ElButton'), { type: 'primary', id: 'team-submit', loading: teamForm.busy, onClick: createTeam }, () => t('登记', 'Register'))
          ]
        })
      }

      function memberDialog() {
        return h(E('ElDialog'), { modelValue: memberForm.open, 'onUpdate:modelValue': (v) => (memberForm.open = v), title: t('登记队伍成员', 'Register a team member'), width: '480px' }, {
          default: () => [
            alert(memberForm.error),
            h('p', { style: { color: '#909399', fontSize: '13px', marginTop: 0 } }, t('成员须先有平台账号（志愿者、老干部通常是所在村、社区的居民账号）。',
              'A member needs a platform account first (volunteers and veteran cadres are usually resident accounts of their village/community).')),
            h(E('ElForm'), { labelPosition: 'top', onSubmit: (e) => e.preventDefault() }, () => [
              h(E('ElFormItem'), { label: t('用户账号', 'User id'), required: true }, () =>
                h(E('ElInput'), { id: 'member-user', modelValue: memberForm.userId, 'onUpdate:modelValue': (v) => (memberForm.userId = v), maxlength: 64 })),
              h(E('ElFormItem'), { label: t('类别', 'Kind'), required: true }, () =>
                h(E('ElSelect'), { id: 'member-kind', modelValue: memberForm.kind, 'onUpdate:modelValue': (v) => (memberForm.kind = v), placeholder: t('选择', 'Choose'), style: { width: '100%' } }, () =>
                  Object.keys(KINDS).map((k) => h(E('ElOption'), { key: k, value: k, label: label(KINDS, k) })))),
              h(E('ElFormItem'), { label: t('电话（可不填，加密保存，显示时打码）', 'Phone (optional; stored sealed, shown masked)') }, () =>
                h(E('ElInput'), { id: 'member-phone', modelValue: memberForm.phone, 'onUpdate:modelValue': (v) => (memberForm.phone = v), maxlength: 24 }))
            ])
          ],
          footer: () => [
            h(E('ElButton'), { onClick: () => (memberForm.open = false) }, () => t('取消', 'Cancel')),
            h(E('ElButton'), { type: 'primary', id: 'member-submit', loading: memberForm.busy, onClick: addMember }, () => t('登记', 'Register'))
          ]
        })
      }

      return () => h('div', { id: 'patrol-teams-page' }, [
        h('div', { class: 'cg-toolbar' }, [
          h(E('ElButton'), { type: 'primary', id: 'team-add', onClick: () => Object.assign(teamForm, { open: true, regionCode: '', name: '', error: '' }) }, () => t('登记队伍', 'Register a team')),
          h(E('ElButton'), { onClick: () => { loadTeams(); loadHazards() }, loading: loading.value }, () => t('刷新', 'Refresh')),
          // Volunteer service hours of the area as CSV (UTF-8, opens in a spreadsheet), when the console offers downloads.
          host.download ? h(E('ElButton'), { id: 'hours-export', onClick: exportHours }, () => t('导出志愿服务时长', 'Export service hours')) : null
        ]),
        alert(error.value),
        h(E('ElTabs'), { modelValue: tab.value, 'onUpdate:modelValue': (v) => (tab.value = v) }, () => [
          h(E('ElTabPane'), { name: 'teams', label: t('队伍', 'Teams') }, () =>
            h('div', { style: { display: 'grid', gap: '12px', gridTemplateColumns: narrow.value ? '1fr' : 'minmax(280px, 2fr) 3fr' } }, [teamList(), teamDetail()])),
          h(E('ElTabPane'), { name: 'hazards', label: t('巡防发现的隐患', 'Hazards found on patrol') }, () => hazardList())
        ]),
        teamDialog(),
        memberDialog()
      ])
    }
  }
}
