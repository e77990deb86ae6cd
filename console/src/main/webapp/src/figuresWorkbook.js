// The dashboard's figures as an Excel workbook (.xlsx): one sheet per set of figures, headers in the console's
// language, counts and shares as numbers (shares formatted as percentages), nothing fetched from the network.

const STATES = ['REPORTED', 'REGISTERED', 'REJECTED', 'DISPATCHED', 'IN_HANDLING', 'EXTENSION_REQUESTED', 'RETURNED',
  'HANDLED', 'VERIFIED', 'CLOSED']
const LEVELS = ['VILLAGE', 'TOWNSHIP', 'COUNTY', 'CITY']

const head = (t, keys) => keys.map((k) => ({ value: t(k), fontWeight: 'bold' }))
const text = (value) => ({ value: value == null ? '' : String(value), type: String })
const count = (value) => ({ value: Number(value || 0), type: Number })
// An absent share or mean (nothing closed, nothing rated) stays an empty cell, not a zero.
const share = (value) => (value == null ? null : { value, type: Number, format: '0.0%' })
const mean = (value) => (value == null ? null : { value, type: Number, format: '0.00' })

/**
 * The sheets of the workbook.
 * @param t the translation function
 * @param d { figures, regionCounts, regionNames, units, workers, trend, categoryName(code) }
 */
export function figuresSheets(t, d) {
  const f = d.figures
  const notOverdue = f.total ? (f.total - f.overdue) / f.total : null
  const summary = [head(t, ['dashboardMore.item', 'dashboardMore.value']),
    [text(t('dashboard.region')), text(f.regionCode)],
    [text(t('dashboard.total')), count(f.total)],
    [text(t('state.CLOSED')), count(f.byState.CLOSED)],
    [text(t('dashboard.overdue')), count(f.overdue)],
    [text(t('dashboard.onTime')), share(notOverdue)],
    [text(t('dashboard.rating')), mean(f.averageRating)]]

  const breakdown = [head(t, ['dashboardMore.dimension', 'dashboardMore.entry', 'dashboard.count'])]
  STATES.forEach((s) => breakdown.push([text(t('dashboard.byState')), text(t('state.' + s)), count(f.byState[s])]))
  Object.entries(f.byCategory).forEach(([c, n]) => breakdown.push([text(t('dashboard.byCategory')), text(d.categoryName(c)), count(n)]))
  LEVELS.forEach((l) => breakdown.push([text(t('dashboard.byLevel')), text(t('level.' + l)), count(f.byLevel[l])]))
  LEVELS.forEach((l) => breakdown.push([text(t('dashboard.closedByLevel')), text(t('level.' + l)), count(f.closedByLevel[l])]))
  LEVELS.forEach((l) => breakdown.push([text(t('dashboard.solvedShare')), text(t('level.' + l)),
    share((f.closedShareByLevel || {})[l] ?? (f.byState.CLOSED ? 0 : null))]))

  const regions = [head(t, ['dashboardMore.regionCode', 'dashboardMore.regionName', 'dashboardMore.total',
    'dashboardMore.open', 'dashboardMore.overdue', 'dashboardMore.closed'])]
  d.regionCounts.forEach((c) => regions.push([text(c.regionCode), text(d.regionNames[c.regionCode] || ''), count(c.total),
    count(c.open), count(c.overdue), count(c.closed)]))

  const units = [head(t, ['dashboardMore.unit', 'dashboardMore.account', 'dashboardMore.received', 'dashboardMore.open',
    'dashboardMore.closed', 'dashboardMore.overdue', 'dashboardMore.closedOnTime', 'dashboardMore.onTimeShare',
    'dashboardMore.rating'])]
  d.units.forEach((u) => units.push([text(u.unitName || u.unitId), text(u.unitId), count(u.received), count(u.open),
    count(u.closed), count(u.overdue), count(u.closedOnTime), share(u.onTimeRate), mean(u.averageRating)]))

  const workers = [head(t, ['dashboardMore.worker', 'dashboardMore.account', 'dashboardMore.grids',
    'dashboardMore.reportedBy', 'dashboardMore.inGrids', 'dashboardMore.verified', 'dashboardMore.closed',
    'dashboardMore.overdue', 'dashboardMore.closedOnTime', 'dashboardMore.onTimeShare', 'dashboardMore.rating'])]
  d.workers.forEach((w) => workers.push([text(w.name || w.userId), text(w.userId), text(w.grids.join(' ')),
    count(w.reported), count(w.inGrids), count(w.verified), count(w.closed), count(w.overdue), count(w.closedOnTime),
    share(w.onTimeRate), mean(w.averageRating)]))

  const trend = [head(t, ['dashboardMore.start', 'dashboardMore.end', 'dashboardMore.reported', 'dashboardMore.closed',
    'dashboardMore.closedOnTime', 'dashboardMore.onTimeShare'])]
  ;(d.trend ? d.trend.points : []).forEach((p) => trend.push([text(p.start), text(p.end), count(p.reported),
    count(p.closed), count(p.closedOnTime), share(p.onTimeShare)]))

  const sheet = (key, data, widths) => ({ data, sheet: t(key), stickyRowsCount: 1, columns: widths.map((width) => ({ width })) })
  return [
    sheet('dashboardMore.sheetSummary', summary, [20, 14]),
    sheet('dashboardMore.sheetBreakdown', breakdown, [18, 20, 10]),
    sheet('dashboardMore.sheetRegions', regions, [16, 20, 10, 10, 10, 10]),
    sheet('dashboardMore.sheetUnits', units, [22, 16, 10, 10, 10, 10, 12, 12, 10]),
    sheet('dashboardMore.sheetWorkers', workers, [16, 16, 34, 10, 12, 10, 10, 10, 12, 12, 10]),
    sheet('dashboardMore.sheetTrend', trend, [14, 14, 10, 10, 12, 12])
  ]
}

/** The file's name: 案件统计-140521-2026-12-02.xlsx (today's date where the console runs). */
export function figuresFileName(t, regionCode, today = new Date()) {
  const pad = (n) => String(n).padStart(2, '0')
  return `${t('dashboardMore.file')}-${regionCode}-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.xlsx`
}

/** Writes the workbook and offers it as a download; the library is loaded only when someone exports. */
export async function downloadFiguresWorkbook(t, d) {
  const { default: writeExcelFile } = await import('write-excel-file/browser')
  await writeExcelFile(figuresSheets(t, d)).toFile(figuresFileName(t, d.figures.regionCode))
}
