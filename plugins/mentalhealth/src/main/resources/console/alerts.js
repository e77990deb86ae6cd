/**
 * 心理健康预警 / Mental-health alerts — a console page of the mental-health plug-in (console host API version 1).
 *
 * The signed-in counsellor's alert inbox: a screening's self-harm item answered, a follow-up past due. Open ones
 * first; acknowledging one records what was done. Names as the API masks them.
 */
export default function mentalHealthAlerts(host) {
  const { h, ref, reactive, onMounted, onBeforeUnmount, resolveComponent } = host.vue
  const t = host.text
  const KINDS = {
    SELF_HARM_ITEM: ['自伤念头（PHQ-9第9题）', 'Thoughts of self-harm (PHQ-9 item 9)', 'danger'],
    FOLLOW_UP_OVERDUE: ['随访逾期', 'Follow-up overdue', 'warning']
  }

  function problem(e) {
    const lead = e && e.status === 403 ? t('无权操作：', 'Not allowed: ')
      : e && e.status === 404 ? t('未找到：', 'Not found: ') : e && e.status === 409 ? t('已处理：', 'Already done: ') : t('操作失败：', 'Failed: ')
    return lead + ((e && e.message) || t('网络错误', 'network error'))
  }

  return {
    name: 'MentalHealthAlerts',
    setup() {
      const narrowQuery = window.matchMedia('(max-width: 767px)')
      const narrow = ref(narrowQuery.matches)
      const follow = (e) => (narrow.value = e.matches)
      narrowQuery.addEventListener('change', follow)
      onBeforeUnmount(() => narrowQuery.removeEventListener('change', follow))

      const alerts = ref([])
      const openOnly = ref(true)
      const error = ref('')
      const loading = ref(false)
      const form = reactive({ open: false, alert: null, note: '', error: '', busy: false })

      async function load() {
        error.value = ''
        loading.value = true
        try {
          alerts.value = await host.api('GET', '/mentalhealth/alerts' + (openOnly.value ? '?open=true' : ''))
        } catch (e) {
          error.value = problem(e)
        } finally {
          loading.value = false
        }
      }

      async function acknowledge() {
        form.error = ''
        const note = form.note.trim()
        if (!note) form.error = t('请写下已采取的措施。', 'Write down what was done.')
        else if (note.length > 500) form.error = t('最多500个字。', 'At most 500 characters are kept.')
        if (form.error) return
        form.busy = true
        try {
          await host.api('POST', '/mentalhealth/alerts/' + encodeURIComponent(form.alert.id) + '/acknowledge', { note })
          host.notify.success(t('已处理预警', 'Alert acknowledged'))
          form.open = false
          await load()
        } catch (e) {
          form.error = problem(e)
        } finally {
          form.busy = false
        }
      }

      onMounted(load)

      const E = (name) => resolveComponent(name)
      const col = (prop, zh, en, extra) => h(E('ElTableColumn'), { prop, label: t(zh, en), ...extra })
      const kind = (k) => (KINDS[k] ? h(E('ElTag'), { type: KINDS[k][2], size: 'small' }, () => t(KINDS[k][0], KINDS[k][1])) : k)

      return () => h('div', { id: 'mh-alerts-page' }, [
        h('div', { class: 'cg-toolbar' }, [
          h(E('ElCheckbox'), { id: 'alerts-open-only', modelValue: openOnly.value, 'onUpdate:modelValue': (v) => { openOnly.value = v; load() } }, () => t('只看未处理', 'Open ones only')),
          h(E('ElButton'), { onClick: load, loading: loading.value }, () => t('刷新', 'Refresh'))
        ]),
        error.value ? h(E('ElAlert'), { title: error.value, type: 'error', closable: false, showIcon: true, style: { marginBottom: '8px' } }) : null,
        h(E('ElTable'), { data: alerts.value, size: 'small', border: true, id: 'mh-alerts', emptyText: openOnly.value ? t('没有未处理的预警', 'No open alert') : t('没有预警', 'No alert') }, () => [
          col('raisedAt', '时间', 'Raised', { width: 140, formatter: (a) => host.formatTime(a.raisedAt) }),
          col('kind', '类型', 'Kind', { minWidth: 150, formatter: (a) => kind(a.kind) }),
          col('personName', '当事人', 'Person', { minWidth: 80 }),
          narrow.value ? null : col('regionCode', '区域', 'Area', { minWidth: 120 }),
          col('acknowledgedAt', '处理', 'Done', {
            minWidth: narrow.value ? 100 : 200, formatter: (a) => a.acknowledgedAt
              ? host.formatTime(a.acknowledgedAt) + ' ' + a.acknowledgedBy + (a.note ? '：' + a.note : '')
              : h(E('ElButton'), { size: 'small', type: 'primary', class: 'alert-acknowledge', onClick: () => Object.assign(form, { open: true, alert: a, note: '', error: '' }) }, () => t('处理', 'Acknowledge'))
          })
        ]),
        h(E('ElDialog'), { modelValue: form.open, 'onUpdate:modelValue': (v) => (form.open = v), title: t('处理预警', 'Acknowledge an alert'), width: '480px' }, {
          default: () => [
            form.error ? h(E('ElAlert'), { title: form.error, type: 'error', closable: false, showIcon: true, style: { marginBottom: '8px' } }) : null,
            h(E('ElInput'), { id: 'alert-note', type: 'textarea', rows: 3, maxlength: 500, modelValue: form.note, 'onUpdate:modelValue': (v) => (form.note = v), placeholder: t('如：已电话联系，已转介危机干预', 'e.g. phoned; referred to crisis intervention') })
          ],
          footer: () => [
            h(E('ElButton'), { onClick: () => (form.open = false) }, () => t('取消', 'Cancel')),
            h(E('ElButton'), { type: 'primary', id: 'alert-submit', loading: form.busy, onClick: acknowledge }, () => t('确认处理', 'Acknowledge'))
          ]
        })
      ])
    }
  }
}
