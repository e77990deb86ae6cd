/**
 * 筛查活动 / Screening campaigns — a console page of the mental-health plug-in (console host API version 1).
 *
 * The campaigns of the user's area, planning one (counsellors and county/city administrators, as the API allows)
 * and a campaign's progress: its days gone and the anonymised counts the API answers (people screened, by risk
 * tier and by area, small counts hidden as "<5"). Nothing personal is shown here.
 */
export default function mentalHealthCampaigns(host) {
  const { h, ref, reactive, onMounted, onBeforeUnmount, resolveComponent } = host.vue
  const t = host.text
  const PLANNERS = ['COUNSELLOR', 'COUNTY_ADMIN', 'CITY_ADMIN']
  const TIERS = {
    UNSCREENED: ['待筛查', 'Not yet screened'], LOW: ['低风险', 'Low'], MODERATE: ['中风险', 'Moderate'],
    HIGH: ['高风险', 'High'], CRISIS: ['危机', 'Crisis']
  }
  const DAY = 24 * 3600 * 1000

  function problem(e) {
    const lead = e && e.status === 403 ? t('无权操作：', 'Not allowed: ')
      : e && e.status === 404 ? t('未找到：', 'Not found: ') : t('操作失败：', 'Failed: ')
    return lead + ((e && e.message) || t('网络错误', 'network error'))
  }
  const day = (d) => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0')

  /** How far a campaign has run: [percentage of its days gone, words]. */
  function elapsed(c) {
    const start = Date.parse(c.startsOn + 'T00:00:00')
    const end = Date.parse(c.endsOn + 'T23:59:59')
    const now = Date.now()
    if (now < start) return [0, t('未开始', 'Not started')]
    if (now > end) return [100, t('已结束', 'Ended')]
    const left = Math.ceil((end - now) / DAY)
    return [Math.round(((now - start) / (end - start)) * 100), t('进行中，还剩 ' + left + ' 天', 'Running, ' + left + ' days left')]
  }

  return {
    name: 'MentalHealthCampaigns',
    setup() {
      const narrowQuery = window.matchMedia('(max-width: 767px)')
      const narrow = ref(narrowQuery.matches)
      const follow = (e) => (narrow.value = e.matches)
      narrowQuery.addEventListener('change', follow)
      onBeforeUnmount(() => narrowQuery.removeEventListener('change', follow))

      const mayPlan = (host.me.roles || []).some((r) => PLANNERS.includes(r))
      const campaigns = ref([])
      const instruments = ref([])
      const chosen = ref(null)
      const figures = ref(null)
      const error = ref('')
      const loading = ref(false)
      const form = reactive({ open: false, regionCode: '', name: '', instruments: [], period: [], error: '', busy: false })

      async function load() {
        error.value = ''
        loading.value = true
        try {
          campaigns.value = await host.api('GET', '/mentalhealth/campaigns?region=' + encodeURIComponent(host.me.regionCode))
          if (chosen.value) {
            const again = campaigns.value.find((c) => c.id === chosen.value.id)
            if (again) await progress(again)
          }
        } catch (e) {
          error.value = problem(e)
        } finally {
          loading.value = false
        }
      }

      async function progress(campaign) {
        chosen.value = campaign
        figures.value = null
        try {
          figures.value = await host.api('GET', '/mentalhealth/figures?region=' + encodeURIComponent(campaign.regionCode)
            + '&campaign=' + encodeURIComponent(campaign.id))
        } catch (e) {
          host.notify.error(problem(e))
        }
      }

      async function regionNodes(node, resolve) {
        try {
          if (node.level === 0) {
            const own = await host.api('GET', '/regions/' + host.me.regionCode)
            resolve([{ value: own.code, label: own.name, leaf: own.level === 'TOWNSHIP' || own.level === 'VILLAGE' }])
            return
          }
          const children = await host.api('GET', '/regions/' + node.value + '/children')
          resolve(children.map((r) => ({ value: r.code, label: r.name, leaf: r.level === 'TOWNSHIP' })))
        } catch (e) {
          host.notify.error(problem(e))
          resolve([])
        }
      }

      async function openForm() {
        Object.assign(form, { open: true, regionCode: host.me.regionCode.length === 6 ? host.me.regionCode : '', name: '', instruments: [], period: [], error: '' })
        if (!instruments.value.length) {
          try {
            instruments.value = await host.api('GET', '/mentalhealth/instruments')
          } catch (e) {
            form.error = problem(e)
          }
        }
      }

      async function create() {
        form.error = ''
        const name = form.name.trim()
        const [start, end] = form.period || []
        const level = String(form.regionCode).length
        if (!form.regionCode) form.error = t('请选择活动覆盖的县或乡镇。', 'Choose the county or township the campaign covers.')
        else if (level !== 6 && level !== 9) form.error = t('筛查活动覆盖一个县或一个乡镇（街道）。', 'A campaign covers a county or a township.')
        else if (!name) form.error = t('请填写活动名称。', 'Enter the campaign\'s name.')
        else if (!form.instruments.length) form.error = t('请至少选择一种量表。', 'Choose at least one questionnaire.')
        else if (!start || !end) form.error = t('请选择起止日期。', 'Choose the first and last day.')
        if (form.error) return
        form.busy = true
        try {
          const created = await host.api('POST', '/mentalhealth/campaigns', {
            regionCode: form.regionCode, name, instruments: form.instruments, startsOn: day(start), endsOn: day(end)
          })
          host.notify.success(t('已创建筛查活动：', 'Campaign planned: ') + created.name)
          form.open = false
          await load()
          await progress(created)
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
      const alert = (text) => text && h(E('ElAlert'), { title: text, type: 'error', closable: false, showIcon: true, style: { marginBottom: '8px' } })
      const tier = (key) => (TIERS[key] ? t(TIERS[key][0], TIERS[key][1]) : key)

      function list() {
        return h(E('ElTable'), {
          data: campaigns.value, size: 'small', border: true, id: 'mh-campaigns', highlightCurrentRow: true,
          emptyText: t('本辖区还没有筛查活动', 'No screening campaign in your area yet'), onRowClick: progress
        }, () => [
          col('name', '活动', 'Campaign', { minWidth: 160 }),
          col('regionName', '范围', 'Area', { minWidth: 90 }),
          col('instruments', '量表', 'Questionnaires', { minWidth: 110, formatter: (c) => c.instruments.join('、') }),
          narrow.value ? null : col('startsOn', '起止', 'Runs', { minWidth: 170, formatter: (c) => c.startsOn + ' – ' + c.endsOn }),
          col('progress', '进度', 'Progress', { minWidth: 130, formatter: (c) => h(E('ElProgress'), { percentage: elapsed(c)[0], format: () => elapsed(c)[1], strokeWidth: 10 }) })
        ])
      }

      function detail() {
        const c = chosen.value
        if (!c) return h(E('ElEmpty'), { description: t('点选一项活动查看进度', 'Choose a campaign to see its progress') })
        const f = figures.value
        const tiers = f ? Object.keys(f.byTier) : []
        return h('div', { id: 'mh-campaign-progress' }, [
          h('h4', { style: { margin: '0 0 8px' } }, c.name),
          h(E('ElDescriptions'), { column: 1, border: true, size: 'small' }, () => [
            h(E('ElDescriptionsItem'), { label: t('范围', 'Area') }, () => c.regionName + '（' + c.regionCode + '）'),
            h(E('ElDescriptionsItem'), { label: t('起止', 'Runs') }, () => c.startsOn + ' – ' + c.endsOn + ' · ' + elapsed(c)[1]),
            h(E('ElDescriptionsItem'), { label: t('量表', 'Questionnaires') }, () => c.instruments.join('、')),
            h(E('ElDescriptionsItem'), { label: t('已筛查人数', 'People screened') }, () => h('b', { id: 'mh-campaign-screened' }, f ? f.people : '…'))
          ]),
          f ? h('div', { style: { display: 'flex', flexWrap: 'wrap', gap: '8px', margin: '10px 0' } }, tiers.map((k) =>
            h(E('ElCard'), { key: k, shadow: 'never', bodyStyle: { padding: '8px 12px' } }, () => [
              h('div', { style: { color: '#909399', fontSize: '12px' } }, tier(k)),
              h('div', { style: { fontSize: '20px', fontWeight: 600 } }, f.byTier[k])
            ]))) : null,
          f && Object.keys(f.byRegion || {}).length ? h(E('ElTable'), { data: Object.entries(f.byRegion).map(([code, r]) => ({ code, ...r })), size: 'small', border: true }, () => [
            col('name', '下辖区域', 'Area below', { minWidth: 110 }),
            col('people', '人数', 'People', { width: 80 }),
            ...tiers.map((k) => col(k, tier(k), tier(k), { width: 90, formatter: (r) => (r.byTier && r.byTier[k]) || '' }))
          ]) : null,
          f ? h('p', { style: { color: '#909399', fontSize: '12px' } }, t('统计已匿名：少于 ' + f.smallCountThreshold + ' 的数不显示具体值。', 'Anonymised: counts below ' + f.smallCountThreshold + ' are not shown exactly.')) : null
        ])
      }

      function dialog() {
        return h(E('ElDialog'), { modelValue: form.open, 'onUpdate:modelValue': (v) => (form.open = v), title: t('创建筛查活动', 'Plan a screening campaign'), width: '520px' }, {
          default: () => [
            alert(form.error),
            h(E('ElForm'), { labelPosition: 'top', onSubmit: (e) => e.preventDefault() }, () => [
              h(E('ElFormItem'), { label: t('范围（县或乡镇）', 'Area (county or township)'), required: true }, () =>
                h(E('ElCascader'), {
                  id: 'campaign-region', modelValue: form.regionCode, 'onUpdate:modelValue': (v) => (form.regionCode = v || ''),
                  props: { lazy: true, lazyLoad: regionNodes, checkStrictly: true, emitPath: false }, clearable: true, style: { width: '100%' },
                  placeholder: form.regionCode || t('选择区域', 'Choose the area')
                })),
              h(E('ElFormItem'), { label: t('活动名称', 'Name'), required: true }, () =>
                h(E('ElInput'), { id: 'campaign-name', modelValue: form.name, 'onUpdate:modelValue': (v) => (form.name = v), maxlength: 100, placeholder: t('如：2025年春季心理健康筛查', 'e.g. Spring 2025 mental-health screening') })),
              h(E('ElFormItem'), { label: t('量表', 'Questionnaires'), required: true }, () =>
                h(E('ElCheckboxGroup'), { id: 'campaign-instruments', modelValue: form.instruments, 'onUpdate:modelValue': (v) => (form.instruments = v) }, () =>
                  instruments.value.map((i) => h(E('ElCheckbox'), { key: i.instrument.code, value: i.instrument.code, label: i.instrument.code }, () => i.instrument.code + ' ' + i.instrument.name)))),
              h(E('ElFormItem'), { label: t('起止日期', 'First and last day'), required: true }, () =>
                h(E('ElDatePicker'), { id: 'campaign-period', type: 'daterange', modelValue: form.period, 'onUpdate:modelValue': (v) => (form.period = v || []), startPlaceholder: t('开始', 'From'), endPlaceholder: t('结束', 'To'), style: { width: '100%' } }))
            ])
          ],
          footer: () => [
            h(E('ElButton'), { onClick: () => (form.open = false) }, () => t('取消', 'Cancel')),
            h(E('ElButton'), { type: 'primary', id: 'campaign-submit', loading: form.busy, onClick: create }, () => t('创建', 'Plan'))
          ]
        })
      }

      return () => h('div', { id: 'mh-campaigns-page' }, [
        h('div', { class: 'cg-toolbar' }, [
          mayPlan ? h(E('ElButton'), { type: 'primary', id: 'campaign-add', onClick: openForm }, () => t('创建筛查活动', 'Plan a campaign')) : null,
          h(E('ElButton'), { onClick: load, loading: loading.value }, () => t('刷新', 'Refresh'))
        ]),
        alert(error.value),
        h('div', { style: { display: 'grid', gap: '12px', gridTemplateColumns: narrow.value ? '1fr' : 'minmax(0, 3fr) minmax(0, 2fr)' } }, [list(), detail()]),
        mayPlan ? dialog() : null
      ])
    }
  }
}
