// 司法确认期限: the agreements of the user's region whose 30-day judicial-confirmation window is open, the closest
// deadline first, with the days left (red once passed). A console page module (host API version 1); imports nothing.

export default function confirmations(host) {
  const { h, ref, computed, onMounted } = host.vue
  const C = host.components
  const T = host.text

  return {
    name: 'MediationConfirmations',
    setup() {
      const rows = ref([])
      const error = ref('')
      const loading = ref(false)
      const warnOnly = ref(false)

      async function load() {
        loading.value = true
        error.value = ''
        try {
          rows.value = await host.api('GET', '/mediation/confirmations?region=' + encodeURIComponent(host.me.regionCode))
        } catch (e) {
          error.value = e.message
        } finally {
          loading.value = false
        }
      }

      const shown = computed(() => rows.value.filter((r) => !warnOnly.value || r.daysLeft <= 7))
      const closing = computed(() => rows.value.filter((r) => r.daysLeft >= 0 && r.daysLeft <= 7).length)
      const overdue = computed(() => rows.value.filter((r) => r.daysLeft < 0).length)

      function days(row) {
        const late = row.daysLeft < 0
        return h('span', { class: 'med-days', 'data-days-left': row.daysLeft, style: {
          color: late ? '#f56c6c' : row.daysLeft <= 7 ? '#e6a23c' : '#67c23a', fontWeight: 600 } },
        late ? T('已逾期 ' + -row.daysLeft + ' 天', -row.daysLeft + ' days overdue')
          : row.daysLeft === 0 ? T('今天截止', 'Closes today') : T('剩余 ' + row.daysLeft + ' 天', row.daysLeft + ' days left'))
      }

      onMounted(load)

      return () => h('div', { class: 'cg-page', id: 'med-confirmations' }, [
        h('div', { style: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap', marginBottom: '12px' } }, [
          h('h3', { style: { margin: 0 } }, T('司法确认期限', 'Judicial-confirmation windows')),
          h(C.ElButton, { onClick: load, loading: loading.value }, () => T('刷新', 'Refresh')),
          h('label', { style: { display: 'flex', gap: '6px', alignItems: 'center', fontSize: '13px' } }, [
            h('input', { type: 'checkbox', checked: warnOnly.value, onChange: (e) => { warnOnly.value = e.target.checked } }),
            T('只看 7 天内到期和已逾期的', 'Only those closing within 7 days or overdue')])
        ]),
        h('p', { style: { color: '#606266', fontSize: '13px', margin: '0 0 12px' } }, T(
          '调解协议生效后 30 日内，双方当事人可以共同向人民法院申请司法确认。请提醒临近期限的当事人；期满未申请的协议仍具有合同效力。',
          'Within 30 days of the agreement taking effect the parties may jointly apply to a court for judicial confirmation. '
            + 'Remind the parties whose window is closing; an agreement not confirmed still binds as a contract.')),
        h('div', { style: { display: 'flex', gap: '32px', marginBottom: '12px' } }, [
          h(C.ElStatistic, { title: T('期限内协议', 'Open windows'), value: rows.value.length }),
          h(C.ElStatistic, { title: T('7 天内到期', 'Closing within 7 days'), value: closing.value }),
          h(C.ElStatistic, { title: T('已逾期', 'Overdue'), value: overdue.value, valueStyle: overdue.value ? { color: '#f56c6c' } : {} })
        ]),
        error.value ? h(C.ElAlert, { type: 'error', title: error.value, closable: false, showIcon: true, id: 'med-error' }) : null,
        h(C.ElTable, { data: shown.value, border: true, size: 'small', id: 'med-confirmation-table',
          emptyText: T('没有待申请司法确认的协议', 'No agreement awaits confirmation') }, () => [
          h(C.ElTableColumn, { label: T('纠纷编号', 'Dispute'), width: 160 }, { default: ({ row }) =>
            h('a', { href: '/console/panels/' + encodeURIComponent(host.panel.plugin) + '/disputes?dispute=' + encodeURIComponent(row.disputeId),
              class: 'med-dispute-link', 'data-dispute': row.disputeId }, row.disputeId) }),
          h(C.ElTableColumn, { prop: 'regionCode', label: T('发生地', 'Region'), width: 130 }),
          h(C.ElTableColumn, { prop: 'mediatorId', label: T('调解员', 'Mediator'), width: 120 }),
          h(C.ElTableColumn, { prop: 'effectiveOn', label: T('协议生效', 'Effective on'), width: 120 }),
          h(C.ElTableColumn, { prop: 'deadline', label: T('申请截止', 'Apply by'), width: 120 }),
          h(C.ElTableColumn, { label: T('剩余', 'Left'), width: 140 }, { default: ({ row }) => days(row) }),
          h(C.ElTableColumn, { label: T('已提醒', 'Warned'), width: 90 }, { default: ({ row }) => (row.warned ? T('是', 'Yes') : T('否', 'No')) })
        ])
      ])
    }
  }
}
