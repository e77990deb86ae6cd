/**
 * 心理筛查 / Screening — a console page of the mental-health plug-in (console host API version 1), for counsellors.
 *
 * Fill in a questionnaire the plug-in defines (PHQ-9, GAD-7: its items and answer scale from the API) for a person
 * on the register, on the worklist of people flagged for screening, or registered with it; the server scores it
 * and the page shows the score, band, risk tier and whether an alert was raised. Identities are shown as the API
 * masks them; the page never asks to reveal them.
 */
export default function mentalHealthScreening(host) {
  const { h, ref, reactive, computed, nextTick, onMounted, onBeforeUnmount, resolveComponent } = host.vue
  const t = host.text
  const TIERS = { LOW: ['低风险', 'Low', 'success'], MODERATE: ['中风险', 'Moderate', 'warning'], HIGH: ['高风险', 'High', 'danger'], CRISIS: ['危机', 'Crisis', 'danger'] }
  const BANDS = { minimal: ['无或极轻微', 'Minimal'], mild: ['轻度', 'Mild'], moderate: ['中度', 'Moderate'], 'moderately-severe': ['中重度', 'Moderately severe'], severe: ['重度', 'Severe'] }
  // The instruments' published English wording, shown when the console is in English (the API carries the Chinese).
  const ENGLISH = {
    'PHQ-9': ['Little interest or pleasure in doing things', 'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much', 'Feeling tired or having little energy', 'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed; or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead, or of hurting yourself in some way'],
    'GAD-7': ['Feeling nervous, anxious, or on edge', 'Not being able to stop or control worrying', 'Worrying too much about different things',
      'Trouble relaxing', 'Being so restless that it is hard to sit still', 'Becoming easily annoyed or irritable', 'Feeling afraid, as if something awful might happen']
  }
  const SCALE_EN = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day']
  const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

  function problem(e) {
    const lead = e && e.status === 403 ? t('无权操作：', 'Not allowed: ')
      : e && e.status === 404 ? t('未找到：', 'Not found: ') : e && e.status === 409 ? t('冲突：', 'Conflict: ') : t('操作失败：', 'Failed: ')
    return lead + ((e && e.message) || t('网络错误', 'network error'))
  }

  /** Whether an ID number is a resident ID number under GB 11643 (date and check character); never echoed. */
  function residentId(value) {
    const v = value.trim().toUpperCase()
    if (!/^\d{17}[\dX]$/.test(v)) return false
    const born = new Date(v.slice(6, 10) + '-' + v.slice(10, 12) + '-' + v.slice(12, 14) + 'T00:00:00')
    if (isNaN(born) || born > new Date() || v.slice(10, 12) !== String(born.getMonth() + 1).padStart(2, '0')) return false
    const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(v[i]), 0)
    return '10X98765432'[sum % 11] === v[17]
  }

  return {
    name: 'MentalHealthScreening',
    setup() {
      const narrowQuery = window.matchMedia('(max-width: 767px)')
      const narrow = ref(narrowQuery.matches)
      const follow = (e) => (narrow.value = e.matches)
      narrowQuery.addEventListener('change', follow)
      onBeforeUnmount(() => narrowQuery.removeEventListener('change', follow))

      const instruments = ref([])
      const people = ref([])
      const worklist = ref([])
      const campaigns = ref([])
      const history = ref([])
      const error = ref('')
      const result = ref(null)
      const form = reactive({
        who: 'registered', personId: (host.route.query && host.route.query.person) || '', name: '', idNumber: '', regionCode: '', phone: '',
        instrument: '', campaignId: '', answers: [], error: '', busy: false
      })

      const instrument = computed(() => {
        const found = instruments.value.find((i) => i.instrument.code === form.instrument)
        return found ? found.instrument : null
      })
      const bands = computed(() => (instruments.value.find((i) => i.instrument.code === form.instrument) || {}).bands || [])
      const now = new Date()
      const today = now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0') + '-' + String(now.getDate()).padStart(2, '0')
      const openCampaigns = computed(() => campaigns.value.filter((c) => c.startsOn <= today && today <= c.endsOn && c.instruments.includes(form.instrument)))
      const itemText = (i, n) => (host.locale.value === 'en' && ENGLISH[i.code] && ENGLISH[i.code].length === i.items.length ? ENGLISH[i.code][n] : i.items[n])
      const scaleText = (i, n) => (host.locale.value === 'en' && i.scale.length === SCALE_EN.length ? SCALE_EN[n] : i.scale[n])
      const tierTag = (tier) => (tier && TIERS[tier] ? h(E('ElTag'), { type: TIERS[tier][2], size: 'small', 'data-tier': tier }, () => t(TIERS[tier][0], TIERS[tier][1])) : h('span', '—'))
      const bandText = (band) => (BANDS[band] ? t(BANDS[band][0], BANDS[band][1]) + '（' + band + '）' : band)

      /** Everyone the counsellor may screen: the flagged not yet screened first, then the register. */
      const choices = computed(() => {
        const seen = new Set()
        const list = []
        worklist.value.filter((f) => !f.screened && f.personId).forEach((f) => {
          if (seen.has(f.personId)) return
          seen.add(f.personId)
          list.push({ id: f.personId, label: f.name + ' · ' + f.regionCode + ' · ' + t('待筛查', 'flagged for screening') })
        })
        people.value.forEach((p) => {
          if (seen.has(p.id)) return
          seen.add(p.id)
          list.push({ id: p.id, label: p.name + ' · ' + p.regionName + (p.tier ? ' · ' + t(TIERS[p.tier][0], TIERS[p.tier][1]) : '') })
        })
        return list
      })

      async function load() {
        error.value = ''
        const region = encodeURIComponent(host.me.regionCode)
        try {
          const [found, persons, flagged, planned] = await Promise.all([
            host.api('GET', '/mentalhealth/instruments?county=' + encodeURIComponent(host.me.regionCode.slice(0, 6))),
            host.api('GET', '/mentalhealth/persons?region=' + region + '&limit=200'),
            host.api('GET', '/mentalhealth/flags?region=' + region + '&limit=200'),
            host.api('GET', '/mentalhealth/campaigns?region=' + region)
          ])
          instruments.value = found
          people.value = persons
          worklist.value = flagged
          campaigns.value = planned
          if (!form.instrument && found.length) chooseInstrument(found[0].instrument.code)
          if (form.personId) loadHistory()
        } catch (e) {
          error.value = problem(e)
        }
      }

      function chooseInstrument(code) {
        form.instrument = code
        const i = instruments.value.find((x) => x.instrument.code === code)
        form.answers = i ? i.instrument.items.map(() => null) : []
        if (!openCampaigns.value.some((c) => c.id === form.campaignId)) form.campaignId = ''
      }

      async function loadHistory() {
        history.value = []
        if (!form.personId) return
        try {
          history.value = await host.api('GET', '/mentalhealth/persons/' + encodeURIComponent(form.personId) + '/screenings')
        } catch (e) {
          host.notify.error(problem(e))
        }
      }

      async function villages(node, resolve) {
        try {
          const code = node.level === 0 ? host.me.regionCode : node.value
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

      async function submit() {
        form.error = ''
        const unanswered = form.answers.map((a, n) => (a === null ? n + 1 : 0)).filter((n) => n)
        const phone = form.phone.replace(/[\s-]/g, '')
        if (form.who === 'registered' && !form.personId) form.error = t('请选择被筛查的人。', 'Choose the person screened.')
        else if (form.who === 'new' && !form.name.trim()) form.error = t('请填写姓名。', 'Enter the name.')
        else if (form.who === 'new' && form.name.trim().length > 50) form.error = t('姓名最多50个字。', 'A name has at most 50 characters.')
        else if (form.who === 'new' && !residentId(form.idNumber)) form.error = t('身份证号码不正确（18位，出生日期和校验位须正确）。', 'The ID number is not valid (18 characters, a real birth date and the right check character).')
        else if (form.who === 'new' && !form.regionCode) form.error = t('请选择居住的村（社区）或乡镇。', 'Choose the village/community or township they live in.')
        else if (form.who === 'new' && phone && !/^\+?\d{5,20}$/.test(phone)) form.error = t('电话号码应为5到20位数字。', 'A phone number has 5 to 20 digits.')
        else if (!instrument.value) form.error = t('请选择量表。', 'Choose the questionnaire.')
        else if (unanswered.length) form.error = t('还有题目没有作答：第 ', 'Items not answered yet: ') + unanswered.join('、') + t(' 题', '')
        if (form.error) return
        form.busy = true
        try {
          const body = { instrument: form.instrument, answers: form.answers, campaignId: form.campaignId || null }
          if (form.who === 'registered') body.personId = form.personId
          else body.person = { name: form.name.trim(), idNumber: form.idNumber.trim().toUpperCase(), regionCode: form.regionCode, phone: phone || null }
          result.value = await host.api('POST', '/mentalhealth/screenings', body)
          host.notify.success(t('已记录筛查结果', 'Screening recorded'))
          // The result is above the questionnaire just answered: bring it into view.
          nextTick(() => { const card = document.getElementById('screening-result'); if (card) card.scrollIntoView() })
          form.who = 'registered'
          form.personId = result.value.personId
          form.name = form.idNumber = form.phone = ''
          form.answers = form.answers.map(() => null)
          const region = encodeURIComponent(host.me.regionCode)
          people.value = await host.api('GET', '/mentalhealth/persons?region=' + region + '&limit=200')
          worklist.value = await host.api('GET', '/mentalhealth/flags?region=' + region + '&limit=200')
          await loadHistory()
        } catch (e) {
          form.error = problem(e)
        } finally {
          form.busy = false
        }
      }

      onMounted(load)

      // --- rendering ---
      const E = (name) => resolveComponent(name)
      const col = (prop, zh, en, extra) => h(E('ElTableColumn'), { prop, label: t(zh, en), ...extra })
      const alert = (text, type) => text && h(E('ElAlert'), { title: text, type: type || 'error', closable: false, showIcon: true, style: { marginBottom: '8px' } })
      const item = (zh, en, input, required) => h(E('ElFormItem'), { label: t(zh, en), required }, () => input)
      const model = (key, extra) => ({ modelValue: form[key], 'onUpdate:modelValue': (v) => (form[key] = v), ...extra })

      function personFields() {
        return [
          h(E('ElRadioGroup'), model('who', { id: 'screening-who', style: { marginBottom: '12px' } }), () => [
            h(E('ElRadioButton'), { value: 'registered' }, () => t('已登记 / 待筛查的人', 'On the register or worklist')),
            h(E('ElRadioButton'), { value: 'new', id: 'screening-new-person' }, () => t('新登记', 'Register someone new'))
          ]),
          form.who === 'registered'
            ? item('被筛查人（姓名已打码）', 'Person (names masked)', h(E('ElSelect'), model('personId', {
              id: 'screening-person', filterable: true, style: { width: '100%' }, placeholder: t('选择', 'Choose'),
              'onUpdate:modelValue': (v) => { form.personId = v; loadHistory() }
            }), () => choices.value.map((p) => h(E('ElOption'), { key: p.id, value: p.id, label: p.label }))), true)
            : h('div', { style: { display: 'grid', gap: '0 12px', gridTemplateColumns: narrow.value ? '1fr' : '1fr 1fr' } }, [
              item('姓名', 'Name', h(E('ElInput'), model('name', { id: 'screening-name', maxlength: 50 })), true),
              item('身份证号码', 'Resident ID number', h(E('ElInput'), model('idNumber', { id: 'screening-id-number', maxlength: 18, autocomplete: 'off' })), true),
              item('居住地（村、社区或乡镇）', 'Lives in (village/community or township)', h(E('ElCascader'), model('regionCode', {
                id: 'screening-region', props: { lazy: true, lazyLoad: villages, checkStrictly: true, emitPath: false }, clearable: true, style: { width: '100%' },
                'onUpdate:modelValue': (v) => (form.regionCode = v || '')
              })), true),
              item('电话（可不填）', 'Phone (optional)', h(E('ElInput'), model('phone', { id: 'screening-phone', maxlength: 24 })), false)
            ])
        ]
      }

      function questionnaire() {
        const i = instrument.value
        if (!i) return null
        return h('div', { id: 'screening-items' }, [
          h('p', { style: { color: '#606266', margin: '4px 0 8px' } }, t(i.period + '，有多少时候受到以下问题困扰？', 'Over the last 2 weeks, how often have you been bothered by the following problems?')),
          ...i.items.map((text, n) => h('div', { key: i.code + n, class: 'screening-item', 'data-item': n + 1, style: { padding: '8px 0', borderBottom: '1px solid #ebeef5' } }, [
            h('div', { style: { marginBottom: '6px' } }, [h('b', (n + 1) + '. '), itemText(i, n), i.alertItem === n + 1 ? h(E('ElTag'), { type: 'danger', size: 'small', style: { marginLeft: '6px' } }, () => t('需立即关注', 'needs immediate attention')) : null]),
            h(E('ElRadioGroup'), { modelValue: form.answers[n], 'onUpdate:modelValue': (v) => (form.answers[n] = v), size: 'small', style: { display: 'flex', flexWrap: 'wrap', gap: '4px' } }, () =>
              i.scale.map((_, a) => h(E('ElRadio'), { key: a, value: a, border: true, style: { marginRight: '4px' } }, () => a + ' ' + scaleText(i, a))))
          ]))
        ])
      }

      function resultCard() {
        const r = result.value
        if (!r) return null
        const max = instrument.value ? instrument.value.items.length * (instrument.value.scale.length - 1) : null
        return h(E('ElCard'), { shadow: 'never', id: 'screening-result', 'data-score': r.score, 'data-tier': r.tier, style: { marginBottom: '12px' } }, {
          header: () => h('b', t('筛查结果（由平台计分）', 'Result (scored by the platform)')),
          default: () => [
            r.alert ? alert(t('第9题回答“有”：已向负责的心理咨询师发出危机预警，请立即联系本人。', 'The self-harm item was answered: a crisis alert went to the responsible counsellor; contact the person now.'), 'error') : null,
            h(E('ElDescriptions'), { column: narrow.value ? 1 : 2, border: true, size: 'small' }, () => [
              h(E('ElDescriptionsItem'), { label: t('量表', 'Questionnaire') }, () => r.instrument),
              h(E('ElDescriptionsItem'), { label: t('总分', 'Score') }, () => h('b', { id: 'screening-score' }, String(r.score) + (max ? ' / ' + max : ''))),
              h(E('ElDescriptionsItem'), { label: t('分级', 'Band') }, () => h('span', { id: 'screening-band' }, bandText(r.band))),
              h(E('ElDescriptionsItem'), { label: t('风险等级', 'Risk tier') }, () => tierTag(r.tier)),
              h(E('ElDescriptionsItem'), { label: t('记录时间', 'Recorded') }, () => host.formatTime(r.recordedAt)),
              h(E('ElDescriptionsItem'), { label: t('下一步', 'Next') }, () => h('a', { href: '/console/panels/mentalhealth/followups' }, t('按风险等级安排随访', 'Follow-up is planned by the tier')))
            ])
          ]
        })
      }

      function historyTable() {
        if (!form.personId || form.who !== 'registered') return null
        return h('div', [
          h('h4', { style: { margin: '12px 0 6px' } }, t('此人以往的筛查', 'This person\'s earlier screenings')),
          h(E('ElTable'), { data: history.value, size: 'small', border: true, id: 'screening-history', emptyText: t('还没有筛查记录', 'No screening yet') }, () => [
            col('recordedAt', '时间', 'When', { width: 140, formatter: (s) => host.formatTime(s.recordedAt) }),
            col('instrument', '量表', 'Questionnaire', { width: 90 }),
            col('score', '总分', 'Score', { width: 60 }),
            col('band', '分级', 'Band', { minWidth: 100, formatter: (s) => bandText(s.band) }),
            col('tier', '风险', 'Tier', { width: 90, formatter: (s) => tierTag(s.tier) })
          ])
        ])
      }

      return () => h('div', { id: 'mh-screening-page', style: { maxWidth: '980px' } }, [
        alert(error.value),
        resultCard(),
        h(E('ElCard'), { shadow: 'never' }, () => [
          alert(form.error),
          h(E('ElForm'), { labelPosition: 'top', onSubmit: (e) => e.preventDefault() }, () => [
            ...personFields(),
            h('div', { style: { display: 'grid', gap: '0 12px', gridTemplateColumns: narrow.value ? '1fr' : '1fr 1fr' } }, [
              item('量表', 'Questionnaire', h(E('ElSelect'), { id: 'screening-instrument', modelValue: form.instrument, 'onUpdate:modelValue': chooseInstrument, style: { width: '100%' } }, () =>
                instruments.value.map((x) => h(E('ElOption'), { key: x.instrument.code, value: x.instrument.code, label: x.instrument.code + ' ' + x.instrument.name }))), true),
              item('所属筛查活动（可不选）', 'Campaign (optional)', h(E('ElSelect'), model('campaignId', { id: 'screening-campaign', clearable: true, style: { width: '100%' }, placeholder: t('不属于任何活动', 'None') }), () =>
                openCampaigns.value.map((c) => h(E('ElOption'), { key: c.id, value: c.id, label: c.name }))), false)
            ]),
            bands.value.length ? h('p', { style: { color: '#909399', fontSize: '12px', margin: '0 0 8px' } }, t('本县分级：', 'Bands in force: ') + bands.value.map((b) => bandText(b.label) + ' ' + b.min + '–' + b.max).join('；')) : null,
            questionnaire()
          ]),
          h('div', { style: { marginTop: '12px' } }, h(E('ElButton'), { type: 'primary', id: 'screening-submit', loading: form.busy, onClick: submit }, () => t('提交，由平台计分', 'Submit for scoring')))
        ]),
        historyTable()
      ])
    }
  }
}
