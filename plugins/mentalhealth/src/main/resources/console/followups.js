/**
 * 随访 / Follow-ups — a console page of the mental-health plug-in (console host API version 1), for counsellors.
 *
 * The people of the counsellor's area by when their next follow-up is due (overdue ones first and marked),
 * narrowed by risk tier; recording a follow-up contact (what was found, and the tier after it if it changed),
 * which plans the next one; a person's follow-ups and screenings. Names, ID numbers and phones as the API masks them.
 */
export default function mentalHealthFollowUps(host) {
  const { h, ref, reactive, onMounted, onBeforeUnmount, resolveComponent } = host.vue
  const t = host.text
  const TIERS = { LOW: ['低风险', 'Low', 'success'], MODERATE: ['中风险', 'Moderate', 'warning'], HIGH: ['高风险', 'High', 'danger'], CRISIS: ['危机', 'Crisis', 'danger'] }
  const NOTE_MAX = 500

  function problem(e) {
    const lead = e && e.status === 403 ? t('无权操作：', 'Not allowed: ')
      : e && e.status === 404 ? t('未找到：', 'Not found: ') : t('操作失败：', 'Failed: ')
    return lead + ((e && e.message) || t('网络错误', 'network error'))
  }

  return {
    name: 'MentalHealthFollowUps',
    setup() {
      const narrowQuery = window.matchMedia('(max-width: 767px)')
      const narrow = ref(narrowQuery.matches)
      const follow = (e) => (narrow.value = e.matches)
      narrowQuery.addEventListener('change', follow)
      onBeforeUnmount(() => narrowQuery.removeEventListener('change', follow))

      const people = ref([])
      const error = ref('')
      const loading = ref(false)
      const filter = reactive({ tier: '', overdue: false })
      const form = reactive({ open: false, person: null, note: '', tier: '', error: '', busy: false })
      const record = reactive({ open: false, person: null, followUps: [], screenings: [] })

      async function load() {
        error.value = ''
        loading.value = true
        try {
          const query = ['region=' + encodeURIComponent(host.me.regionCode), 'limit=200']
          if (filter.tier) query.push('tier=' + filter.tier)
          if (filter.overdue) query.push('overdue=true')
          // Only people with a tier are followed up; those without are waiting for their first screening.
          people.value = (await host.api('GET', '/mentalhealth/persons?' + query.join('&')))
        } catch (e) {
          error.value = problem(e)
        } finally {
          loading.value = false
        }
      }

      function openForm(person) {
        Object.assign(form, { open: true, person, note: '', tier: '', error: '', busy: false })
      }

      async function save() {
        form.error = ''
        const note = form.note.trim()
        if (!note) form.error = t('请写下随访情况。', 'Write down what the follow-up found.')
        else if (note.length > NOTE_MAX) form.error = t('随访情况最多500个字。', 'At most 500 characters are kept.')
        else if (!form.person.tier && !form.tier) form.error = t('此人还没有风险等级：请先筛查，或在此评定等级。', 'This person has no tier yet: screen them first, or set the tier here.')
        if (form.error) return
        form.busy = true
        try {
          const done = await host.api('POST', '/mentalhealth/persons/' + encodeURIComponent(form.person.id) + '/follow-ups',
            { note, tier: form.tier || null })
          form.open = false
          await load()
          const now = people.value.find((p) => p.id === form.person.id)
          host.notify.success(t('已记录随访', 'Follow-up recorded') + (now && now.nextFollowUpDue ? t('，下次随访 ', '; next one due ') + host.formatTime(now.nextFollowUpDue) : '')
            + (done.tier !== form.person.tier ? t('，风险等级改为 ', '; tier now ') + tierName(done.tier) : ''))
        } catch (e) {
          form.error = problem(e)
        } finally {
          form.busy = false
        }
      }

      async function openRecord(person) {
        Object.assign(record, { open: true, person, followUps: [], screenings: [] })
        try {
          const id = encodeURIComponent(person.id)
          const [followUps, screenings] = await Promise.all([
            host.api('GET', '/mentalhealth/persons/' + id + '/follow-ups'),
            host.api('GET', '/mentalhealth/persons/' + id + '/screenings')
          ])
          record.followUps = followUps
          record.screenings = screenings
        } catch (e) {
          host.notify.error(problem(e))
        }
      }

      onMounted(load)

      // --- rendering ---
      const E = (name) => resolveComponent(name)
      const col = (prop, zh, en, extra) => h(E('ElTableColumn'), { prop, label: t(zh, en), ...extra })
      const alert = (text) => text && h(E('ElAlert'), { title: text, type: 'error', closable: false, showIcon: true, style: { marginBottom: '8px' } })
      const tierName = (tier) => (TIERS[tier] ? t(TIERS[tier][0], TIERS[tier][1]) : t('未评定', 'None yet'))
      const tierTag = (tier) => (tier ? h(E('ElTag'), { type: TIERS[tier][2], size: 'small', 'data-tier': tier }, () => tierName(tier)) : h(E('ElTag'), { type: 'info', size: 'small' }, () => t('待筛查', 'Not yet screened')))

      function due(p) {
        if (!p.nextFollowUpDue) return h('span', { style: { color: '#909399' } }, '—')
        return h('span', { class: p.followUpOverdue ? 'follow-up-overdue' : 'follow-up-due' }, [
          host.formatTime(p.nextFollowUpDue),
          p.followUpOverdue ? h(E('ElTag'), { type: 'danger', size: 'small', style: { marginLeft: '6px' } }, () => t('已逾期', 'Overdue')) : null
        ])
      }

      const actions = (p) => h('div', { style: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center' } }, [
        h(E('ElButton'), { size: 'small', type: 'primary', class: 'follow-up-record', 'data-person': p.id, onClick: () => openForm(p) }, () => t('记录随访', 'Record')),
        h(E('ElButton'), { size: 'small', link: true, onClick: () => openRecord(p) }, () => t('记录', 'History')),
        h('a', { href: '/console/panels/mentalhealth/screening?person=' + encodeURIComponent(p.id), style: { fontSize: '12px' } }, t('筛查', 'Screen'))
      ])

      function table() {
        const options = {
          data: people.value, size: 'small', border: true, id: 'mh-follow-ups', rowKey: 'id',
          emptyText: filter.overdue ? t('没有逾期的随访', 'No follow-up overdue') : t('辖区内还没有登记的人', 'Nobody on the register in your area yet')
        }
        if (narrow.value) {
          // A phone: one column, each person stacked.
          return h(E('ElTable'), options, () => [col('name', '需随访的人', 'People to follow up', {
            formatter: (p) => h('div', { style: { lineHeight: 1.8 } }, [
              h('div', [h('b', p.name), ' · ' + p.regionName + ' ', tierTag(p.tier)]),
              h('div', [t('下次随访：', 'Next: '), due(p)]),
              actions(p)
            ])
          })])
        }
        return h(E('ElTable'), options, () => [
          col('name', '姓名', 'Name', { minWidth: 80 }),
          col('idNumber', '身份证号', 'ID number', { minWidth: 160 }),
          col('regionName', '住址', 'Lives in', { minWidth: 110 }),
          col('tier', '风险', 'Tier', { width: 90, formatter: (p) => tierTag(p.tier) }),
          col('nextFollowUpDue', '下次随访', 'Next follow-up', { minWidth: 150, formatter: due }),
          col('followUpEveryDays', '周期', 'Every', { width: 80, formatter: (p) => (p.followUpEveryDays != null ? p.followUpEveryDays + t(' 天', ' days') : '—') }),
          col('actions', '操作', 'Actions', { width: 230, formatter: actions })
        ])
      }

      function formDialog() {
        const p = form.person
        return h(E('ElDialog'), { modelValue: form.open, 'onUpdate:modelValue': (v) => (form.open = v), title: t('记录随访', 'Record a follow-up'), width: '520px' }, {
          default: () => p && [
            alert(form.error),
            h('p', { style: { marginTop: 0 } }, [p.name + ' · ' + p.regionName + ' · ', tierTag(p.tier)]),
            h(E('ElForm'), { labelPosition: 'top', onSubmit: (e) => e.preventDefault() }, () => [
              h(E('ElFormItem'), { label: t('随访情况', 'What was found'), required: true }, () =>
                h(E('ElInput'), { id: 'follow-up-note', type: 'textarea', rows: 4, maxlength: NOTE_MAX, showWordLimit: true, modelValue: form.note, 'onUpdate:modelValue': (v) => (form.note = v), placeholder: t('如：电话联系，情绪平稳，按时服药', 'e.g. phoned; calm; taking medication as prescribed') })),
              h(E('ElFormItem'), { label: t('随访后的风险等级（不变可不选）', 'Tier after it (leave empty if unchanged)'), required: !p.tier }, () =>
                h(E('ElSelect'), { id: 'follow-up-tier', clearable: true, modelValue: form.tier, 'onUpdate:modelValue': (v) => (form.tier = v || ''), style: { width: '100%' }, placeholder: p.tier ? t('保持：', 'Keep: ') + tierName(p.tier) : t('选择等级', 'Choose the tier') }, () =>
                  Object.keys(TIERS).map((k) => h(E('ElOption'), { key: k, value: k, label: tierName(k) }))))
            ]),
            h('p', { style: { color: '#909399', fontSize: '12px' } }, t('保存后按风险等级安排下次随访。', 'Saving plans the next follow-up by the tier.'))
          ],
          footer: () => [
            h(E('ElButton'), { onClick: () => (form.open = false) }, () => t('取消', 'Cancel')),
            h(E('ElButton'), { type: 'primary', id: 'follow-up-submit', loading: form.busy, onClick: save }, () => t('保存', 'Save'))
          ]
        })
      }

      function recordDialog() {
        const p = record.person
        return h(E('ElDialog'), { modelValue: record.open, 'onUpdate:modelValue': (v) => (record.open = v), title: t('随访与筛查记录', 'Follow-ups and screenings'), width: '680px' }, () => p && [
          h('p', { style: { marginTop: 0 } }, p.name + ' · ' + p.regionName),
          h(E('ElTimeline'), { id: 'follow-up-history' }, () => record.followUps.length
            ? record.followUps.map((f) => h(E('ElTimelineItem'), { key: f.id, timestamp: host.formatTime(f.doneAt) + ' · ' + f.doneBy }, () => [tierTag(f.tier), ' ', f.note]))
            : [h(E('ElEmpty'), { imageSize: 50, description: t('还没有随访', 'No follow-up yet') })]),
          h(E('ElTable'), { data: record.screenings, size: 'small', border: true, emptyText: t('还没有筛查', 'No screening yet') }, () => [
            col('recordedAt', '筛查时间', 'Screened', { width: 140, formatter: (s) => host.formatTime(s.recordedAt) }),
            col('instrument', '量表', 'Questionnaire', { width: 90 }),
            col('score', '总分', 'Score', { width: 60 }),
            col('tier', '风险', 'Tier', { width: 90, formatter: (s) => tierTag(s.tier) })
          ])
        ])
      }

      return () => h('div', { id: 'mh-follow-ups-page' }, [
        h('div', { class: 'cg-toolbar' }, [
          h(E('ElSelect'), { id: 'follow-up-filter-tier', clearable: true, modelValue: filter.tier, 'onUpdate:modelValue': (v) => { filter.tier = v || ''; load() }, placeholder: t('全部风险等级', 'Every tier'), style: { width: narrow.value ? '100%' : '160px' } }, () =>
            Object.keys(TIERS).map((k) => h(E('ElOption'), { key: k, value: k, label: tierName(k) }))),
          h(E('ElCheckbox'), { id: 'follow-up-filter-overdue', modelValue: filter.overdue, 'onUpdate:modelValue': (v) => { filter.overdue = v; load() } }, () => t('只看逾期', 'Overdue only')),
          h(E('ElButton'), { onClick: load, loading: loading.value }, () => t('刷新', 'Refresh')),
          h('span', { style: { color: '#909399', fontSize: '13px' } }, t('按下次随访时间排序', 'By when the next follow-up is due'))
        ]),
        alert(error.value),
        table(),
        formDialog(),
        recordDialog()
      ])
    }
  }
}
