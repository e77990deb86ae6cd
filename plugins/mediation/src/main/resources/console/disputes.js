// 人民调解: the disputes of the user's region, a dispute taken in at the window, and (from dispute.js beside this
// file) one dispute's page. A console page module (host API version 1, docs/console.md): it imports nothing and
// gets everything from the host; every call goes through the mediation API with the user's own session.

/** Labels shared with dispute.js and confirmations.js: [Chinese, English, tag type]. */
export const STATUS = {
  RECEIVED: ['已受理', 'Received', 'info'],
  ASSIGNED: ['已分派', 'Assigned', 'primary'],
  IN_MEDIATION: ['调解中', 'In mediation', 'warning'],
  AGREED: ['调解成功', 'Agreed', 'success'],
  FAILED: ['调解不成', 'Failed', 'danger'],
  WITHDRAWN: ['已撤回', 'Withdrawn', 'info'],
  REFERRED: ['已转交', 'Referred', 'info']
}
export const TYPES = {
  NEIGHBOURS: ['邻里纠纷', 'Neighbours'], MARRIAGE_FAMILY: ['婚姻家庭纠纷', 'Marriage and family'],
  LABOUR: ['劳动争议', 'Labour'], LAND: ['土地纠纷', 'Land'], PROPERTY_MANAGEMENT: ['物业纠纷', 'Property management'],
  REAL_ESTATE: ['房地产纠纷', 'Real estate'], TRAFFIC: ['交通事故纠纷', 'Traffic accident'], MEDICAL: ['医疗纠纷', 'Medical'],
  TOURISM: ['旅游纠纷', 'Tourism'], OTHER: ['其他纠纷', 'Other']
}
export const SOURCES = { WINDOW: ['一站式窗口', 'One-stop window'], CASE: ['案件转入', 'From a case'], COURT: ['法院委派（诉前调解）', 'Sent by a court'] }
const LIMIT = 200

export default function disputes(host) {
  const { h, ref, computed, onMounted, resolveComponent, defineAsyncComponent } = host.vue
  const C = host.components
  const T = host.text
  const label = (map, key) => (map[key] ? T(map[key][0], map[key][1]) : key)
  const desk = ['MEDIATOR', 'COMMAND_OPERATOR', 'GRID_WORKER', 'GRID_LEADER', 'COUNTY_ADMIN', 'CITY_ADMIN']
  const mayTakeIn = host.me.roles.some((r) => desk.includes(r))

  // One dispute's page lives in its own file; the version query of this one keeps it in step with an upgrade.
  const DisputePage = defineAsyncComponent(() =>
    import(new URL('./dispute.js' + new URL(import.meta.url).search, import.meta.url).href)
      .then((m) => m.default(host, { STATUS, TYPES, SOURCES })))

  function statusTag(status) {
    const s = STATUS[status] || [status, status, 'info']
    return h(C.ElTag, { type: s[2], effect: 'light', class: 'med-status', 'data-status': status }, () => T(s[0], s[1]))
  }

  return {
    name: 'MediationDisputes',
    setup() {
      const selected = ref(host.route.query.dispute || null)
      const rows = ref([])
      const windows = ref({})
      const error = ref('')
      const loading = ref(false)
      const status = ref('OPEN')
      const type = ref('')
      const keyword = ref('')
      const intake = ref(null)
      const intakeError = ref('')

      async function load() {
        loading.value = true
        error.value = ''
        try {
          const region = encodeURIComponent(host.me.regionCode)
          const [list, due] = await Promise.all([
            host.api('GET', '/mediation/disputes?region=' + region + '&limit=' + LIMIT),
            host.api('GET', '/mediation/confirmations?region=' + region).catch(() => [])
          ])
          rows.value = list
          windows.value = Object.fromEntries(due.map((d) => [d.disputeId, d]))
        } catch (e) {
          error.value = e.message
        } finally {
          loading.value = false
        }
      }

      const OPEN = ['RECEIVED', 'ASSIGNED', 'IN_MEDIATION', 'FAILED']
      const shown = computed(() => rows.value.filter((d) =>
        (status.value === '' || (status.value === 'OPEN' ? OPEN.includes(d.status) : d.status === status.value))
        && (type.value === '' || d.type === type.value)
        && (keyword.value.trim() === '' || (d.summary + ' ' + d.id + ' ' + (d.regionName || ''))
          .includes(keyword.value.trim()))))
      const counts = computed(() => {
        const c = {}
        rows.value.forEach((d) => { c[d.status] = (c[d.status] || 0) + 1 })
        return c
      })

      function open(id) {
        selected.value = id
        window.history.replaceState(window.history.state, '', '?dispute=' + encodeURIComponent(id))
      }
      function back() {
        selected.value = null
        window.history.replaceState(window.history.state, '', window.location.pathname)
        load()
      }

      function newIntake() {
        intakeError.value = ''
        intake.value = { regionCode: host.me.regionCode, type: 'NEIGHBOURS', summary: '', issues: '', amountInDispute: null,
          source: 'WINDOW', courtName: '', courtDeadline: null }
      }
      async function submitIntake() {
        const f = intake.value
        intakeError.value = ''
        if (!f.summary.trim() || !f.regionCode.trim()) {
          intakeError.value = T('请填写发生地区划代码和纠纷概况。', 'Enter the region code and what the dispute is about.')
          return
        }
        const body = { regionCode: f.regionCode.trim(), type: f.type, summary: f.summary.trim(),
          issues: f.issues.trim() || null, amountInDispute: f.amountInDispute, source: f.source }
        if (f.source === 'COURT') {
          body.courtName = f.courtName.trim()
          body.courtDeadline = f.courtDeadline
        }
        try {
          const made = await host.api('POST', '/mediation/disputes', body)
          host.notify.success(T('纠纷已受理，编号 ', 'Dispute taken in: ') + made.id)
          intake.value = null
          open(made.id)
        } catch (e) {
          intakeError.value = e.message
        }
      }

      function countdown(d) {
        const w = windows.value[d.id]
        if (!w) return ''
        const late = w.daysLeft < 0
        return h('span', { class: 'med-days', 'data-days-left': w.daysLeft,
          style: { color: late ? '#f56c6c' : w.daysLeft <= 7 ? '#e6a23c' : '#67c23a', fontWeight: late || w.daysLeft <= 7 ? 600 : 400 } },
        late ? T('司法确认已逾期 ' + -w.daysLeft + ' 天', 'Confirmation ' + -w.daysLeft + ' days overdue')
          : T('司法确认剩 ' + w.daysLeft + ' 天', w.daysLeft + ' days left to confirm'))
      }

      function select(model, key, options, width) {
        // Element Plus shows an empty value as the placeholder: the placeholder is the "all" option's text.
        return h(C.ElSelect, { modelValue: model.value, 'onUpdate:modelValue': (v) => { model.value = v }, id: key,
          placeholder: (options.find(([value]) => value === '') || [null, ''])[1],
          style: { width: width || '160px' } }, () => options.map(([value, text]) =>
          h(C.ElOption, { key: value, value, label: text })))
      }

      function field(f, key, labelText, input) {
        return h(C.ElFormItem, { label: labelText }, () => input || h(C.ElInput, {
          modelValue: f[key], 'onUpdate:modelValue': (v) => { f[key] = v }, id: 'intake-' + key }))
      }

      function intakeDialog() {
        const f = intake.value
        return h(C.ElDialog, { modelValue: !!f, 'onUpdate:modelValue': (v) => { if (!v) intake.value = null },
          title: T('受理纠纷', 'Take in a dispute'), width: '600px' }, {
          default: () => f && h(C.ElForm, { labelWidth: '130px' }, () => [
            intakeError.value ? h(C.ElAlert, { type: 'error', title: intakeError.value, closable: false, id: 'intake-error' }) : null,
            field(f, 'regionCode', T('发生地（区划代码）', 'Region code')),
            field(f, 'type', T('纠纷类型', 'Type'), h(C.ElSelect, { modelValue: f.type, 'onUpdate:modelValue': (v) => { f.type = v } },
              () => Object.keys(TYPES).map((k) => h(C.ElOption, { key: k, value: k, label: label(TYPES, k) })))),
            field(f, 'summary', T('纠纷概况', 'What happened'), h(C.ElInput, { type: 'textarea', rows: 3, modelValue: f.summary,
              'onUpdate:modelValue': (v) => { f.summary = v }, id: 'intake-summary' })),
            field(f, 'issues', T('争议焦点', 'Points in dispute')),
            field(f, 'amountInDispute', T('争议金额（元）', 'Amount (yuan)'), h(C.ElInputNumber, { modelValue: f.amountInDispute,
              min: 0, precision: 2, controlsPosition: 'right', 'onUpdate:modelValue': (v) => { f.amountInDispute = v } })),
            field(f, 'source', T('来源', 'Source'), h(C.ElSelect, { modelValue: f.source, 'onUpdate:modelValue': (v) => { f.source = v } },
              () => ['WINDOW', 'COURT'].map((k) => h(C.ElOption, { key: k, value: k, label: label(SOURCES, k) })))),
            f.source === 'COURT' ? field(f, 'courtName', T('委派法院', 'Court')) : null,
            f.source === 'COURT' ? field(f, 'courtDeadline', T('法院要求办结日期', "Court's deadline"), h(C.ElDatePicker, {
              modelValue: f.courtDeadline, type: 'date', valueFormat: 'YYYY-MM-DD',
              'onUpdate:modelValue': (v) => { f.courtDeadline = v } })) : null,
            h('p', { class: 'med-hint' }, T('当事人在受理后于纠纷页面逐一登记（身份信息加密保存，显示时脱敏）。',
              "Add the parties on the dispute's page once it is taken in (identities are sealed and shown masked)."))
          ]),
          footer: () => [
            h(C.ElButton, { onClick: () => { intake.value = null } }, () => T('取消', 'Cancel')),
            h(C.ElButton, { type: 'primary', id: 'intake-submit', onClick: submitIntake }, () => T('受理', 'Take in'))
          ]
        })
      }

      onMounted(() => { if (!selected.value) load() })

      return () => {
        if (selected.value) {
          return h(DisputePage, { id: selected.value, key: selected.value, onBack: back })
        }
        const ElTable = resolveComponent('ElTable')
        const ElTableColumn = resolveComponent('ElTableColumn')
        const statusOptions = [['OPEN', T('未办结', 'Open')], ['', T('全部', 'All')],
          ...Object.keys(STATUS).map((k) => [k, label(STATUS, k) + (counts.value[k] ? ' (' + counts.value[k] + ')' : '')])]
        return h('div', { class: 'cg-page med-disputes', id: 'med-disputes' }, [
          h('div', { class: 'cg-toolbar', style: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center', marginBottom: '12px' } }, [
            h('h3', { style: { margin: '0 12px 0 0' } }, T('矛盾纠纷调解', 'Disputes in mediation')),
            select(status, 'med-filter-status', statusOptions),
            select(type, 'med-filter-type', [['', T('全部类型', 'All types')], ...Object.keys(TYPES).map((k) => [k, label(TYPES, k)])]),
            h(C.ElInput, { modelValue: keyword.value, 'onUpdate:modelValue': (v) => { keyword.value = v }, clearable: true,
              placeholder: T('编号、概况或地点', 'Number, summary or place'), style: { width: '200px' }, id: 'med-filter-keyword' }),
            h(C.ElButton, { onClick: load, loading: loading.value }, () => T('刷新', 'Refresh')),
            mayTakeIn ? h(C.ElButton, { type: 'primary', id: 'med-intake', onClick: newIntake }, () => T('受理纠纷', 'Take in a dispute')) : null
          ]),
          error.value ? h(C.ElAlert, { type: 'error', title: error.value, closable: false, showIcon: true, id: 'med-error' }) : null,
          h('div', { class: 'med-count', style: { color: '#909399', fontSize: '13px', margin: '4px 0 8px' } },
            T('共 ' + shown.value.length + ' 件（最近 ' + LIMIT + ' 件中）', shown.value.length + ' disputes (of the newest ' + LIMIT + ')')),
          h(ElTable, { data: shown.value, border: true, size: 'small', id: 'med-dispute-table',
            emptyText: T('暂无纠纷', 'No disputes'), rowKey: 'id' }, () => [
            h(ElTableColumn, { label: T('编号', 'Number'), width: 290 }, { default: ({ row }) =>
              h('a', { href: '#', class: 'med-dispute-link', 'data-dispute': row.id,
                onClick: (e) => { e.preventDefault(); open(row.id) } }, row.id) }),
            h(ElTableColumn, { label: T('状态', 'Status'), width: 110 }, { default: ({ row }) => statusTag(row.status) }),
            h(ElTableColumn, { label: T('类型', 'Type'), width: 120 }, { default: ({ row }) => label(TYPES, row.type) }),
            h(ElTableColumn, { prop: 'summary', label: T('纠纷概况', 'Summary'), minWidth: 220, showOverflowTooltip: true }),
            h(ElTableColumn, { prop: 'regionName', label: T('发生地', 'Place'), width: 130 }),
            h(ElTableColumn, { label: T('调解员', 'Mediator'), width: 110 }, { default: ({ row }) =>
              row.mediatorId || h('span', { style: { color: '#e6a23c' } }, T('待分派', 'Unassigned')) }),
            h(ElTableColumn, { label: T('受理时间', 'Received'), width: 140 }, { default: ({ row }) => host.formatTime(row.receivedAt) }),
            h(ElTableColumn, { label: T('司法确认', 'Confirmation'), width: 150 }, { default: ({ row }) => countdown(row) })
          ]),
          intakeDialog()
        ])
      }
    }
  }
}
