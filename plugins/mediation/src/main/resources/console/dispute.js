// One dispute's page for the mediation console pages: its facts, parties (masked as the API answers them),
// assignment, sessions, outcome, agreement with the 30-day judicial-confirmation countdown, referrals and the
// agreement PDF. Loaded by disputes.js with its labels; imports nothing.

export default function disputePage(host, { STATUS, TYPES, SOURCES }) {
  const { h, ref, reactive, computed, onMounted } = host.vue
  const C = host.components
  const T = host.text
  const label = (map, key) => (map[key] ? T(map[key][0], map[key][1]) : key || '')
  const ROLES = { APPLICANT: ['申请人', 'Applicant'], RESPONDENT: ['被申请人', 'Respondent'], THIRD_PARTY: ['第三人', 'Third party'] }
  const KINDS = { PERSON: ['自然人', 'Person'], ORGANISATION: ['单位', 'Organisation'] }
  const BODIES = { COURT: ['人民法院（诉讼）', 'Court'], ARBITRATION: ['仲裁机构', 'Arbitration'],
    ADMINISTRATIVE: ['行政机关', 'Administrative body'], PETITION_OFFICE: ['信访部门', 'Petition office'], POLICE: ['公安机关', 'Police'] }
  const CONFIRMATION = { NOT_APPLIED: ['未申请', 'Not applied', 'warning'], APPLIED: ['已申请', 'Applied', 'primary'],
    CONFIRMED: ['已确认', 'Confirmed', 'success'], REFUSED: ['不予确认', 'Refused', 'danger'], LAPSED: ['已逾期未申请', 'Lapsed', 'danger'] }
  const STEPS = { APPLIED: ['当事人已申请', 'Parties applied'], CONFIRMED: ['法院确认有效', 'Court confirmed'], REFUSED: ['法院不予确认', 'Court refused'] }
  const DESK = ['COMMAND_OPERATOR', 'COUNTY_ADMIN', 'CITY_ADMIN', 'MEDIATOR']
  const has = (...roles) => host.me.roles.some((r) => roles.includes(r))
  const today = () => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0') }
  const lines = (text) => String(text || '').split(/[\n,，、]/).map((s) => s.trim()).filter(Boolean)

  /** The countdown to the judicial-confirmation deadline: days left, red once passed. */
  function countdown(agreement) {
    const open = agreement.confirmationStatus === 'NOT_APPLIED' || agreement.confirmationStatus === 'LAPSED'
    const days = agreement.confirmationDaysLeft
    if (!open) {
      return h('span', { id: 'med-countdown', 'data-days-left': days, class: 'med-countdown' },
        T('已于 ' + (agreement.confirmationOn || '') + ' ' + label(CONFIRMATION, agreement.confirmationStatus),
          label(CONFIRMATION, agreement.confirmationStatus) + ' on ' + (agreement.confirmationOn || '')))
    }
    const late = days < 0
    const colour = late ? '#f56c6c' : days <= 7 ? '#e6a23c' : '#67c23a'
    return h('div', { id: 'med-countdown', 'data-days-left': days, class: late ? 'med-countdown med-overdue' : 'med-countdown' }, [
      h('div', { style: { fontSize: '28px', fontWeight: 600, color: colour } },
        late ? T('已逾期 ' + -days + ' 天', -days + ' days overdue') : T('剩余 ' + days + ' 天', days + ' days left')),
      h(C.ElProgress, { percentage: Math.max(0, Math.min(100, Math.round((30 - Math.max(days, 0)) / 30 * 100))),
        status: late ? 'exception' : days <= 7 ? 'warning' : 'success', showText: false, style: { margin: '6px 0' } }),
      h('div', { style: { color: '#606266', fontSize: '13px' } }, T(
        '协议自 ' + agreement.effectiveOn + ' 生效，当事人可在 30 日内（至 ' + agreement.confirmationDeadline + '）共同向人民法院申请司法确认。',
        'The agreement took effect on ' + agreement.effectiveOn + '; the parties may jointly apply to a court for judicial confirmation within 30 days (by ' + agreement.confirmationDeadline + ').'))
    ])
  }

  // The steps of the page: each a dialog with its own inputs, the call it makes and who may take it from where.
  const ACTIONS = {
    assign: { text: ['分派调解员', 'Assign a mediator'], from: ['RECEIVED', 'ASSIGNED', 'IN_MEDIATION'], who: 'desk',
      fields: () => ({ mediatorId: '' }), call: (id, f) => ['POST', '/mediation/disputes/' + id + '/assignment', f.mediatorId ? { mediatorId: f.mediatorId } : {}] },
    session: { text: ['记录调解', 'Record a session'], from: ['ASSIGNED', 'IN_MEDIATION'], who: 'mediator',
      fields: () => ({ heldAt: new Date().toISOString(), place: '', attendees: '', record: '' }),
      check: (f) => f.heldAt && f.place.trim() && lines(f.attendees).length && f.record.trim(),
      call: (id, f) => ['POST', '/mediation/disputes/' + id + '/sessions', { heldAt: new Date(f.heldAt).toISOString(), place: f.place.trim(), attendees: lines(f.attendees), record: f.record.trim() }] },
    agreement: { text: ['登记调解协议', 'Record the agreement'], from: ['IN_MEDIATION'], who: 'mediator',
      fields: () => ({ terms: '', performance: '', performanceDeadline: null, effectiveOn: today(), issues: '', signed: false }),
      check: (f) => f.terms.trim() && f.performance.trim() && f.effectiveOn && f.signed,
      call: (id, f) => ['POST', '/mediation/disputes/' + id + '/agreement', { terms: f.terms.trim(), performance: f.performance.trim(),
        performanceDeadline: f.performanceDeadline, effectiveOn: f.effectiveOn, issues: f.issues.trim() || null }] },
    outcome: { text: ['调解不成 / 撤回', 'Failed / withdrawn'], from: ['RECEIVED', 'ASSIGNED', 'IN_MEDIATION'], who: 'either',
      fields: (d) => ({ outcome: d.status === 'IN_MEDIATION' ? 'FAILED' : 'WITHDRAWN', note: '' }),
      check: (f) => f.note.trim(), call: (id, f) => ['POST', '/mediation/disputes/' + id + '/outcome', { outcome: f.outcome, note: f.note.trim() }] },
    referral: { text: ['转交', 'Refer on'], from: ['RECEIVED', 'ASSIGNED', 'IN_MEDIATION', 'FAILED'], who: 'either',
      fields: () => ({ to: 'COURT', receivingBody: '', reason: '' }), check: (f) => f.receivingBody.trim() && f.reason.trim(),
      call: (id, f) => ['POST', '/mediation/disputes/' + id + '/referral', { to: f.to, receivingBody: f.receivingBody.trim(), reason: f.reason.trim() }] },
    confirmation: { text: ['登记司法确认', 'Judicial confirmation'], from: ['AGREED'], who: 'either',
      fields: () => ({ result: 'APPLIED', court: '', on: today(), note: '' }), check: (f) => f.result !== 'APPLIED' || f.court.trim(),
      call: (id, f) => ['POST', '/mediation/disputes/' + id + '/confirmation', { result: f.result, court: f.court.trim() || null, on: f.on, note: f.note.trim() || null }] },
    party: { text: ['登记当事人', 'Add a party'], from: ['RECEIVED', 'ASSIGNED', 'IN_MEDIATION'], who: 'either',
      fields: () => ({ role: 'APPLICANT', kind: 'PERSON', name: '', idNumber: '', phone: '', address: '' }), check: (f) => f.name.trim(),
      call: (id, f) => ['POST', '/mediation/disputes/' + id + '/parties', { role: f.role, kind: f.kind, name: f.name.trim(),
        idNumber: f.idNumber.trim() || null, phone: f.phone.trim() || null, address: f.address.trim() || null }] }
  }

  return {
    name: 'MediationDispute',
    props: { id: String },
    emits: ['back'],
    setup(props, { emit }) {
      const dispute = ref(null)
      const sessions = ref([])
      const agreement = ref(null)
      const referrals = ref([])
      const mediators = ref([])
      const error = ref('')
      const tab = ref('parties')
      const dialog = reactive({ action: null, form: null, error: '', busy: false })

      async function load() {
        error.value = ''
        try {
          const base = '/mediation/disputes/' + encodeURIComponent(props.id)
          const d = await host.api('GET', base)
          const [s, r, a] = await Promise.all([host.api('GET', base + '/sessions'), host.api('GET', base + '/referrals'),
            d.status === 'AGREED' ? host.api('GET', base + '/agreement') : Promise.resolve(null)])
          if (!dispute.value && a) tab.value = 'agreement' // an agreed dispute opens on its agreement and countdown
          dispute.value = d
          sessions.value = s
          referrals.value = r
          agreement.value = a
        } catch (e) {
          error.value = e.message
        }
      }

      const mine = computed(() => dispute.value && dispute.value.mediatorId === host.me.userId)
      function allowed(key) {
        const a = ACTIONS[key]
        const d = dispute.value
        if (!d || !a.from.includes(d.status)) return false
        if (a.who === 'mediator') return mine.value
        if (a.who === 'desk') return has(...DESK)
        return mine.value || has('COMMAND_OPERATOR', 'COUNTY_ADMIN', 'CITY_ADMIN')
      }

      async function start(key) {
        dialog.action = key
        dialog.form = reactive(ACTIONS[key].fields(dispute.value))
        dialog.error = ''
        if (key === 'assign' && !mediators.value.length) {
          try {
            const organisations = await host.api('GET', '/mediation/organisations?region=' + encodeURIComponent(host.me.regionCode))
            const lists = await Promise.all(organisations.map((o) => host.api('GET', '/mediation/organisations/' + o.id + '/mediators')
              .then((ms) => ms.map((m) => ({ ...m, organisation: o.name })))))
            mediators.value = lists.flat()
          } catch (e) {
            dialog.error = e.message
          }
        }
      }

      async function submit() {
        const a = ACTIONS[dialog.action]
        if (a.check && !a.check(dialog.form)) {
          dialog.error = dialog.action === 'agreement' && !dialog.form.signed
            ? T('请确认各方当事人已在协议书上签名、调解委员会已盖章。', 'Confirm that every party has signed the agreement and the committee has sealed it.')
            : T('请填写所有必填项。', 'Fill in every required field.')
          return
        }
        dialog.busy = true
        dialog.error = ''
        try {
          const [method, path, body] = a.call(encodeURIComponent(props.id), dialog.form)
          await host.api(method, path, body)
          host.notify.success(T(a.text[0] + '：已保存', a.text[1] + ': saved'))
          const key = dialog.action
          dialog.action = null
          await load()
          tab.value = { session: 'sessions', agreement: 'agreement', confirmation: 'agreement', referral: 'referrals', party: 'parties' }[key] || tab.value
        } catch (e) {
          dialog.error = T('平台未接受：', 'Not accepted: ') + e.message
        } finally {
          dialog.busy = false
        }
      }

      async function pdf() {
        try {
          await host.download('/mediation/disputes/' + encodeURIComponent(props.id) + '/agreement.pdf', 'agreement-' + props.id + '.pdf')
        } catch (e) {
          host.notify.error(e.message)
        }
      }

      // Form inputs, bound to the open dialog's form.
      const f = () => dialog.form
      const bind = (key, extra) => ({ modelValue: f()[key], 'onUpdate:modelValue': (v) => { f()[key] = v }, id: 'med-' + dialog.action + '-' + key, ...(extra || {}) })
      const item = (text, input, required) => h(C.ElFormItem, { label: text, required: !!required }, () => input)
      const input = (key, extra) => h(C.ElInput, bind(key, extra))
      const area = (key) => h(C.ElInput, bind(key, { type: 'textarea', rows: 3 }))
      const choose = (key, map) => h(C.ElSelect, bind(key), () => Object.keys(map).map((k) => h(C.ElOption, { key: k, value: k, label: label(map, k) })))
      const day = (key) => h(C.ElDatePicker, bind(key, { type: 'date', valueFormat: 'YYYY-MM-DD' }))

      const FORMS = {
        assign: () => [item(T('调解员', 'Mediator'), h(C.ElSelect, bind('mediatorId', { clearable: true, placeholder: T('按类型和地点自动分派', 'Choose by type and place') }),
          () => mediators.value.map((m) => h(C.ElOption, { key: m.userId, value: m.userId, label: (m.name || m.userId) + '（' + m.organisation + '）' }))))],
        session: () => [item(T('调解时间', 'Held at'), h(C.ElDatePicker, bind('heldAt', { type: 'datetime' })), true),
          item(T('地点', 'Place'), input('place'), true),
          item(T('参加人员', 'Attendees'), input('attendees', { placeholder: T('如：申请人 张某，被申请人 李某（用逗号分隔）', 'e.g. applicant Zhang, respondent Li (comma separated)') }), true),
          item(T('调解笔录', 'Record'), area('record'), true)],
        agreement: () => [item(T('争议焦点', 'Points in dispute'), input('issues', { placeholder: T('不填则沿用受理时登记的', 'Leave empty for those recorded at intake') })),
          item(T('协议内容', 'Terms'), area('terms'), true), item(T('履行方式', 'Performance'), input('performance'), true),
          item(T('履行期限', 'Perform by'), day('performanceDeadline')), item(T('生效日期', 'Effective on'), day('effectiveOn'), true),
          item(T('当事人确认', 'Parties'), h('label', { style: { display: 'flex', gap: '6px', alignItems: 'center' } }, [
            h('input', { type: 'checkbox', id: 'med-agreement-signed', checked: f().signed, onChange: (e) => { f().signed = e.target.checked } }),
            T('各方当事人已签名，调解委员会已盖章', 'Every party has signed; the committee has sealed it')]), true)],
        outcome: () => [item(T('结果', 'Outcome'), h(C.ElSelect, bind('outcome'), () => [
          dispute.value.status === 'IN_MEDIATION' ? h(C.ElOption, { value: 'FAILED', label: T('调解不成', 'Mediation failed') }) : null,
          h(C.ElOption, { value: 'WITHDRAWN', label: T('当事人撤回', 'Withdrawn by the parties') })]), true),
        item(T('说明', 'Note'), area('note'), true)],
        referral: () => [item(T('转交至', 'To'), choose('to', BODIES), true),
          item(T('接收单位', 'Receiving body'), input('receivingBody', { placeholder: T('如：沁水县人民法院', 'e.g. 沁水县人民法院') }), true),
          item(T('转交原因', 'Reason'), area('reason'), true)],
        confirmation: () => [item(T('进展', 'Step'), choose('result', STEPS), true),
          item(T('人民法院', 'Court'), input('court'), f().result === 'APPLIED'), item(T('日期', 'On'), day('on')),
          item(T('备注（如裁定书文号）', 'Note (e.g. ruling number)'), input('note'))],
        party: () => [item(T('地位', 'Role'), choose('role', ROLES), true), item(T('类别', 'Kind'), choose('kind', KINDS), true),
          item(T('姓名/名称', 'Name'), input('name'), true),
          item(T('证件号码', 'ID number'), input('idNumber', { placeholder: T('居民身份证号或统一社会信用代码', 'Resident ID number or unified social credit code') })),
          item(T('联系电话', 'Phone'), input('phone')), item(T('住址', 'Address'), input('address'))]
      }

      function actionDialog() {
        const key = dialog.action
        return h(C.ElDialog, { modelValue: !!key, 'onUpdate:modelValue': (v) => { if (!v) dialog.action = null },
          title: key ? T(ACTIONS[key].text[0], ACTIONS[key].text[1]) : '', width: '620px', class: 'med-action-dialog' }, {
          default: () => key && h(C.ElForm, { labelWidth: '150px' }, () => [
            dialog.error ? h('div', { id: 'med-action-error', style: { marginBottom: '12px' } }, [h(C.ElAlert, { type: 'error', title: dialog.error, closable: false, showIcon: true })]) : null,
            ...FORMS[key]()]),
          footer: () => [h(C.ElButton, { onClick: () => { dialog.action = null } }, () => T('取消', 'Cancel')),
            h(C.ElButton, { type: 'primary', loading: dialog.busy, id: 'med-action-submit', onClick: submit }, () => T('确定', 'Save'))]
        })
      }

      const descriptions = (items) => h(C.ElDescriptions, { column: 2, border: true, size: 'small' }, () => items
        .filter((i) => i[1] !== null && i[1] !== undefined && i[1] !== '')
        .map(([l, v, id]) => h(C.ElDescriptionsItem, { label: l }, () => h('span', id ? { id } : {}, v))))

      function agreementTab() {
        const a = agreement.value
        if (!a) {
          return h(C.ElEmpty, { description: T('尚无调解协议', 'No agreement yet') })
        }
        const s = CONFIRMATION[a.confirmationStatus] || [a.confirmationStatus, a.confirmationStatus, 'info']
        return h('div', { id: 'med-agreement' }, [
          h(C.ElCard, { shadow: 'never', style: { marginBottom: '12px' } }, {
            header: () => h('span', [T('司法确认期限', 'Judicial-confirmation window'), ' ',
              h('span', { id: 'med-confirmation-status', 'data-status': a.confirmationStatus }, [h(C.ElTag, { type: s[2] }, () => T(s[0], s[1]))])]),
            default: () => countdown(a)
          }),
          descriptions([[T('协议内容', 'Terms'), a.terms, 'med-agreement-terms'], [T('履行方式', 'Performance'), a.performance],
            [T('履行期限', 'Perform by'), a.performanceDeadline], [T('生效日期', 'Effective on'), a.effectiveOn],
            [T('争议焦点', 'Points in dispute'), a.issues], [T('登记人', 'Recorded by'), a.recordedBy],
            [T('确认法院', 'Court'), a.confirmationCourt], [T('确认备注', 'Note'), a.confirmationNote],
            [T('到期提醒', 'Warned'), a.warnedAt ? host.formatTime(a.warnedAt) : null]]),
          h(C.ElButton, { style: { marginTop: '12px' }, id: 'med-agreement-pdf', onClick: pdf }, () => T('下载调解协议书（PDF）', 'Download the agreement (PDF)'))
        ])
      }

      onMounted(load)

      return () => {
        const d = dispute.value
        const status = d && (STATUS[d.status] || [d.status, d.status, 'info'])
        return h('div', { class: 'cg-page med-dispute', id: 'med-dispute', 'data-dispute': props.id }, [
          h('div', { style: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', marginBottom: '12px' } }, [
            h(C.ElButton, { onClick: () => emit('back'), id: 'med-back' }, () => T('返回列表', 'Back to the list')),
            h('h3', { style: { margin: '0 8px' } }, T('纠纷 ', 'Dispute ') + props.id),
            d ? h('span', { id: 'med-status', 'data-status': d.status }, [h(C.ElTag, { type: status[2], size: 'large' }, () => T(status[0], status[1]))]) : null,
            h('span', { style: { flex: 1 } }),
            ...Object.keys(ACTIONS).filter(allowed).map((k) => h(C.ElButton, { 'data-action': k, type: k === 'agreement' || k === 'session' ? 'primary' : 'default',
              onClick: () => start(k) }, () => T(ACTIONS[k].text[0], ACTIONS[k].text[1])))
          ]),
          error.value ? h(C.ElAlert, { type: 'error', title: error.value, closable: false, showIcon: true, id: 'med-error' }) : null,
          d ? descriptions([[T('类型', 'Type'), label(TYPES, d.type)], [T('发生地', 'Place'), d.regionName + '（' + d.regionCode + '）'],
            [T('来源', 'Source'), label(SOURCES, d.source)], [T('受理时间', 'Received'), host.formatTime(d.receivedAt)],
            [T('委派法院', 'Court'), d.courtName], [T('法院要求办结', "Court's deadline"), d.courtDeadline],
            [T('争议金额（元）', 'Amount (yuan)'), d.amountInDispute], [T('调解员', 'Mediator'), d.mediatorId || T('待分派', 'Unassigned'), 'med-mediator'],
            [T('关联案件', 'Case'), d.caseId], [T('办结时间', 'Concluded'), d.closedAt ? host.formatTime(d.closedAt) : null],
            [T('纠纷概况', 'Summary'), d.summary], [T('争议焦点', 'Points in dispute'), d.issues],
            [T('结果说明', 'Outcome note'), d.outcomeNote]]) : null,
          d ? h(C.ElTabs, { modelValue: tab.value, 'onUpdate:modelValue': (v) => { tab.value = v }, style: { marginTop: '12px' } }, () => [
            h(C.ElTabPane, { name: 'parties', label: T('当事人', 'Parties') + ' (' + d.parties.length + ')' }, () =>
              h(C.ElTable, { data: d.parties, border: true, size: 'small', id: 'med-parties', emptyText: T('尚未登记当事人', 'No parties yet') }, () => [
                h(C.ElTableColumn, { label: T('地位', 'Role'), width: 110 }, { default: ({ row }) => label(ROLES, row.role) }),
                h(C.ElTableColumn, { label: T('类别', 'Kind'), width: 90 }, { default: ({ row }) => label(KINDS, row.kind) }),
                h(C.ElTableColumn, { prop: 'name', label: T('姓名/名称', 'Name') }),
                h(C.ElTableColumn, { prop: 'idNumber', label: T('证件号码', 'ID number') }),
                h(C.ElTableColumn, { prop: 'phone', label: T('联系电话', 'Phone') })])),
            h(C.ElTabPane, { name: 'sessions', label: T('调解记录', 'Sessions') + ' (' + sessions.value.length + ')' }, () =>
              sessions.value.length ? h('div', { id: 'med-sessions' }, [h(C.ElTimeline, null, () => sessions.value.map((s) =>
                h(C.ElTimelineItem, { key: s.id, timestamp: host.formatTime(s.heldAt) + ' · ' + s.place, placement: 'top' }, () => [
                  h('div', { style: { color: '#606266', fontSize: '13px' } }, T('参加：', 'Attended: ') + s.attendees.join('、') + ' · ' + T('记录人：', 'Recorded by ') + s.recordedBy),
                  h('p', { style: { whiteSpace: 'pre-wrap', margin: '4px 0' } }, s.record)])))])
                : h(C.ElEmpty, { description: T('尚无调解记录', 'No sessions yet') })),
            h(C.ElTabPane, { name: 'agreement', label: T('调解协议', 'Agreement') }, agreementTab),
            h(C.ElTabPane, { name: 'referrals', label: T('转交记录', 'Referrals') + ' (' + referrals.value.length + ')' }, () =>
              h(C.ElTable, { data: referrals.value, border: true, size: 'small', id: 'med-referrals', emptyText: T('未转交', 'Not referred') }, () => [
                h(C.ElTableColumn, { label: T('转交至', 'To'), width: 150 }, { default: ({ row }) => label(BODIES, row.to) }),
                h(C.ElTableColumn, { prop: 'receivingBody', label: T('接收单位', 'Receiving body') }),
                h(C.ElTableColumn, { prop: 'reason', label: T('原因', 'Reason') }),
                h(C.ElTableColumn, { prop: 'referredBy', label: T('经办人', 'By'), width: 110 }),
                h(C.ElTableColumn, { label: T('时间', 'When'), width: 140 }, { default: ({ row }) => host.formatTime(row.referredAt) })]))
          ]) : null,
          actionDialog()
        ])
      }
    }
  }
}
