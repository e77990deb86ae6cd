import { createI18n } from 'vue-i18n'

// Every string the console shows, in Simplified Chinese (the default) and English.
const messages = {
  'zh-CN': {
    app: { title: '市域社会治理平台', short: '社会治理' },
    login: {
      title: '登录', user: '用户名', password: '密码', submit: '登录', wrong: '用户名或密码错误，或账号已停用。',
      required: '请输入用户名和密码', failed: '无法登录：{detail}',
      code: '动态验证码', codeHint: '身份验证器应用中的 6 位数字',
      codeNeeded: '管理员账号需要第二重验证：请输入身份验证器应用当前显示的 6 位验证码。',
      codeWrong: '验证码错误或已使用过，请输入应用显示的下一个验证码。多次输错将锁定账号。',
      codeMissing: '该管理员账号尚未绑定身份验证器。请联系本辖区安全管理员为您生成密钥。'
    },
    header: { region: '辖区', language: '语言', logout: '退出登录', roles: '角色', menu: '菜单' },
    menu: { map: '网格地图', inbox: '案件办理', dashboard: '统计分析', admin: '系统管理', plugins: '扩展功能' },
    common: {
      search: '查询', reset: '重置', refresh: '刷新', cancel: '取消', confirm: '确定', loading: '加载中…', none: '暂无数据',
      all: '全部', yes: '是', no: '否', back: '返回', saved: '已保存', error: '出错了：{detail}', open: '查看',
      exportExcel: '导出 Excel'
    },
    map: {
      title: '网格地图', grids: '网格 {count} 个', cases: '案件 {count} 件', report: '在地图上报事件',
      pickHint: '请在地图上点击事件发生的位置', cancelPick: '取消选点', grid: '网格', code: '编码', village: '所属村（社区）',
      workers: '网格员', leader: '网格长', openCases: '未办结案件', noStaff: '未配置', noGridAtPoint: '该位置不在您辖区的任何网格内，请重新选点。',
      selectGridHint: '点击网格查看网格员和案件'
    },
    report: {
      title: '上报事件', caseTitle: '标题', description: '描述', category: '类别', address: '地址', point: '位置',
      channel: '来源渠道', submit: '上报', done: '事件已上报，编号 {id}', grid: '网格'
    },
    inbox: {
      title: '案件办理', mine: '我的待办', team: '本单位案件', overdue: '超期案件', all: '全部案件', state: '状态',
      category: '类别', keyword: '关键字', id: '编号', caseTitle: '标题', region: '区域', level: '层级',
      deadline: '办理时限', reported: '上报时间', unit: '承办单位', overdueTag: '超期'
    },
    detail: {
      title: '案件详情', basic: '基本信息', timeline: '办理过程', parties: '当事人', attachments: '附件', location: '位置',
      actions: '办理操作', noActions: '您当前不能对该案件进行操作。', reporter: '上报人', grid: '网格', channel: '渠道',
      rating: '满意度', note: '意见/原因', noteRequired: '请填写意见或原因', unitId: '承办单位', unitHint: '不选则按分派规则',
      extensionHours: '延期（工作小时）', ratingLabel: '评价', done: '已完成：{action}', by: '办理人',
      fileName: '文件名', size: '大小', uploadedBy: '上传人', uploadedAt: '上传时间', noPoint: '未标注位置',
      partyRole: '身份', partyKind: '类型', name: '姓名/名称', phone: '电话', stepFrom: '由', stepTo: '至'
    },
    dashboard: {
      title: '统计分析', total: '案件总数', overdue: '超期案件', onTime: '未超期率', rating: '平均满意度',
      byState: '按状态', byCategory: '按类别', byLevel: '按层级', closedByLevel: '各层级办结数', region: '统计区域',
      solvedShare: '各层级办结占比', count: '数量', byRegion: '下级区域对比', open: '在办', closed: '已办结'
    },
    dashboardMore: {
      from: '开始日期', to: '结束日期', trend: '案件趋势', trendWeekly: '案件趋势（按周）', reported: '上报', closed: '办结',
      onTimeShare: '按期办结率', satisfaction: '各承办单位满意度', units: '承办单位统计', workers: '网格员统计',
      unit: '承办单位', received: '承办', open: '在办', overdue: '超期', closedOnTime: '按期办结', rating: '满意度',
      worker: '网格员', account: '账号', grids: '所在网格', reportedBy: '上报', inGrids: '网格内案件', verified: '核查',
      start: '开始日期', end: '结束日期', file: '案件统计', sheetSummary: '概况', sheetBreakdown: '状态类别层级',
      sheetRegions: '下级区域', sheetUnits: '承办单位', sheetWorkers: '网格员', sheetTrend: '趋势', item: '指标',
      value: '数值', dimension: '分类', entry: '项目', regionCode: '区划代码', regionName: '区域名称', total: '案件数',
      noWorkers: '本区域网格尚未配置网格员'
    },
    admin: {
      title: '系统管理', users: '用户', units: '单位', plugins: '已安装扩展', userId: '账号', name: '名称', roles: '角色',
      region: '区域', unit: '单位', kind: '类型', version: '版本', state: '状态', bundle: '组件',
      enabled: '启用', disabled: '停用', actions: '操作', disable: '停用', enable: '启用',
      disableReason: '停用账号 {user}：请填写原因（记入审计日志）。该账号的所有登录会话将立即结束。',
      gridImport: '网格导入', gridImportHint: '上传 GeoJSON（FeatureCollection，属性 code、name、parent）或 CSV（表头 code,name,parent,wkt）文件。全部通过才导入，任一行有误则不导入并列出问题。',
      import: '导入', importApplied: '导入成功：{accepted} 个网格，其中更新 {updated} 个。',
      importRefused: '未导入：{count} 行有误，请修改后重新上传。', row: '行', problem: '问题',
      resetPassword: '重置密码', resetPasswordConfirm: '为 {user} 生成临时密码？其原密码立即失效，所有登录会话结束，账号锁定同时解除。',
      temporaryPassword: '{user} 的临时密码如下，仅显示这一次。请当面或通过安全渠道告知本人；本人登录后须立即设置新密码。',
      resetKey: '重置验证器', resetKeyConfirm: '为管理员 {user} 生成新的身份验证器密钥？旧密钥立即失效。',
      newKey: '{user} 的新密钥如下，仅显示这一次。请当面交给本人，添加到其手机上的身份验证器应用（可手动输入密钥或将 otpauth 地址生成二维码扫描）。'
    },
    password: {
      title: '修改密码', current: '当前密码', next: '新密码', repeat: '再次输入新密码', save: '保存',
      forced: '您的密码已过期或为管理员重置的临时密码，请先设置新密码再继续使用。',
      rules: '至少 10 位，包含大写字母、小写字母、数字、其他字符中的至少 3 类，不能包含账号，不能是常见密码。',
      required: '请输入当前密码和新密码', mismatch: '两次输入的新密码不一致', changed: '密码已修改'
    },
    heat: {
      toggle: '诉求热点图', from: '开始日期', to: '结束日期', count: '有位置的案件 {count} 件', few: '少', many: '多'
    },
    panel: {
      endpoint: '数据接口', empty: '暂无数据',
      removed: '扩展“{plugin}”已不再安装，此页面不可用。重新安装后可从“扩展功能”菜单再次打开。',
      unknown: '没有名为 {plugin}/{panel} 的扩展页面，或您的角色无权查看。',
      loadFailed: '扩展“{plugin}”的页面 {panel} 无法加载：{detail}',
      failed: '扩展“{plugin}”的页面 {panel} 运行出错：{detail}',
      loading: '正在加载扩展页面…', retry: '重新加载'
    },
    state: {
      REPORTED: '已上报', REGISTERED: '已立案', REJECTED: '不予受理', DISPATCHED: '已派遣', IN_HANDLING: '处置中',
      EXTENSION_REQUESTED: '申请延期', RETURNED: '已退回', HANDLED: '已处置', VERIFIED: '已核查', CLOSED: '已结案'
    },
    action: {
      REPORT: '上报', REGISTER: '立案', REJECT: '不予受理', DISPATCH: '派遣', ACCEPT: '签收', RETURN: '退回',
      REDISPATCH: '重新派遣', REQUEST_EXTENSION: '申请延期', GRANT_EXTENSION: '同意延期', DENY_EXTENSION: '驳回延期',
      ESCALATE: '上报上级', HANDLE: '处置完毕', VERIFY: '核查通过', SEND_BACK: '核查不通过', CLOSE: '结案',
      REOPEN: '重新办理', RATE: '评价', SUPERVISE: '督办', WARN: '预警', ATTACH: '上传附件'
    },
    level: { VILLAGE: '村（社区）', TOWNSHIP: '乡镇（街道）', COUNTY: '县（区）', CITY: '市' },
    channel: {
      GRID_WORKER: '网格员上报', HOTLINE: '热线', WALK_IN: '来访', APP: '群众上报', DEPARTMENT: '部门移交',
      PLUGIN: '扩展功能', PATROL: '巡防发现'
    },
    reveal: {
      button: '查看完整信息', title: '查看当事人完整信息', purpose: '查看目的', detail: '补充说明', joiner: '：',
      hint: '完整姓名和电话仅在本页面本次显示，离开或刷新页面即恢复遮挡。查看目的将与您的账号一并记入审计日志。',
      purposes: { visit: '电话回访当事人核实处理结果', contact: '联系当事人了解案情', mediate: '组织调解需联系当事人',
        site: '现场核查需联系当事人', other: '其他（请在补充说明中填写）' },
      length: '查看目的须为 5 至 200 个字，请补充说明。', shown: '已显示完整信息（仅本次查看）', refused: '不能查看完整信息：{detail}'
    },
    attach: {
      types: 'JPEG、PNG、PDF、MP4', limits: '可上传 {types} 文件，单个不超过 {size}。', uploaded: '已上传：{name}',
      tooLarge: '未上传：{name} 大小为 {size}，超过上限 {max}。', wrongType: '未上传：{name} 不是 {types} 文件。',
      empty: '未上传：{name} 是空文件。', refused: '未上传 {name}：{detail}'
    },
    routing: {
      title: '分派规则', category: '类别', anyCategory: '全部类别（兜底）', region: '区域', unit: '承办单位', source: '来源',
      console: '控制台添加（{by}）', file: '配置文件 {file}', add: '添加规则', delete: '删除', added: '规则已添加，下一次分派即按此执行',
      deleted: '规则已删除', required: '请选择类别、区域和承办单位', fileRule: '由配置文件维护，请在服务器的配置文件中修改或删除',
      deleteConfirm: '删除规则“{rule}”？此后该类案件按其他规则或兜底单位分派。',
      hint: '派遣案件时未指定承办单位，即按规则分派：区域越具体的规则越优先，同一区域内指定类别的规则优先于“全部类别”。规则立即生效。'
    },
    deadlines: {
      title: '办理时限', own: '本区域单独设置', inherited: '沿用{from}的设置', platform: '全平台默认',
      lastChange: '最近修改：{by}，{at}', officeHours: '工作时间', officeHoursHint: '如 08:30-12:00,14:00-17:30',
      weekend: '周休日', holidays: '法定节假日', workedWeekendDays: '调休上班日', dates: '选择日期（可多选）',
      registerMinutes: '登记分派时限（工作分钟）', handleHours: '办理时限（工作小时）', verifyHours: '核查时限（工作小时）',
      escalateAfterOverdueMinutes: '超期多久自动升级（工作分钟，-1 不升级）', warnBeforeMinutes: '到期前多久预警（工作分钟，-1 不预警）',
      categoryHandleHours: '按类别的办理时限', addCategory: '添加类别', level: '层级（可不选）', hours: '工作小时',
      default: '默认：{value}', save: '保存', saved: '已保存，之后的新案件按此时限计算'
    },
    weekday: { MONDAY: '周一', TUESDAY: '周二', WEDNESDAY: '周三', THURSDAY: '周四', FRIDAY: '周五', SATURDAY: '周六', SUNDAY: '周日' },
    role: {
      RESIDENT: '群众', GRID_WORKER: '网格员', GRID_LEADER: '网格长', COMMAND_OPERATOR: '指挥中心坐席',
      DEPARTMENT_HANDLER: '部门承办人', MEDIATOR: '调解员', COUNSELLOR: '心理咨询师', COUNTY_ADMIN: '县级管理员',
      CITY_ADMIN: '市级管理员', SECURITY_ADMIN: '安全管理员', AUDIT_ADMIN: '审计管理员'
    },
    partyRole: { COMPLAINANT: '申请人', RESPONDENT: '被申请人', AFFECTED: '受影响人', WITNESS: '证人' },
    partyKind: { PERSON: '个人', ORGANISATION: '单位' },
    category: {}
  },
  en: {
    app: { title: 'County Social Governance Platform', short: 'Governance' },
    login: {
      title: 'Sign in', user: 'User name', password: 'Password', submit: 'Sign in',
      wrong: 'Wrong user name or password, or the account is disabled.', required: 'Enter your user name and password',
      failed: 'Could not sign in: {detail}',
      code: 'Verification code', codeHint: 'The 6 digits your authenticator app shows',
      codeNeeded: 'Administrator accounts need a second factor: enter the 6-digit code your authenticator app shows now.',
      codeWrong: 'That code is wrong or was used already: enter the next one your app shows. Repeated wrong codes lock the account.',
      codeMissing: 'This administrator account has no authenticator key yet. Ask a security administrator of your area to give it one.'
    },
    header: { region: 'Region', language: 'Language', logout: 'Sign out', roles: 'Roles', menu: 'Menu' },
    menu: { map: 'Grid map', inbox: 'Cases', dashboard: 'Dashboard', admin: 'Administration', plugins: 'Extensions' },
    common: {
      search: 'Search', reset: 'Reset', refresh: 'Refresh', cancel: 'Cancel', confirm: 'OK', loading: 'Loading…',
      none: 'Nothing here', all: 'All', yes: 'Yes', no: 'No', back: 'Back', saved: 'Saved', error: 'Something went wrong: {detail}',
      open: 'Open', exportExcel: 'Export to Excel'
    },
    map: {
      title: 'Grid map', grids: '{count} grids', cases: '{count} cases', report: 'Report a case on the map',
      pickHint: 'Click the map where it happened', cancelPick: 'Cancel', grid: 'Grid', code: 'Code', village: 'Village / community',
      workers: 'Grid workers', leader: 'Grid leader', openCases: 'Open cases', noStaff: 'Not assigned',
      noGridAtPoint: 'That point is not in any grid of your region; pick another.', selectGridHint: 'Click a grid to see its workers and cases'
    },
    report: {
      title: 'Report a case', caseTitle: 'Title', description: 'Description', category: 'Category', address: 'Address',
      point: 'Location', channel: 'Channel', submit: 'Report', done: 'Case reported: {id}', grid: 'Grid'
    },
    inbox: {
      title: 'Cases', mine: 'My to-do', team: "My unit's cases", overdue: 'Overdue', all: 'All cases', state: 'State',
      category: 'Category', keyword: 'Keyword', id: 'Number', caseTitle: 'Title', region: 'Region', level: 'Level',
      deadline: 'Due', reported: 'Reported', unit: 'Unit', overdueTag: 'Overdue'
    },
    detail: {
      title: 'Case', basic: 'Details', timeline: 'Timeline', parties: 'Parties', attachments: 'Attachments', location: 'Location',
      actions: 'Actions', noActions: 'There is nothing you can do on this case now.', reporter: 'Reporter', grid: 'Grid',
      channel: 'Channel', rating: 'Satisfaction', note: 'Note / reason', noteRequired: 'Write a note saying why',
      unitId: 'Unit', unitHint: 'Leave empty to use the routing rules', extensionHours: 'Extension (working hours)',
      ratingLabel: 'Rating', done: 'Done: {action}', by: 'By', fileName: 'File', size: 'Size', uploadedBy: 'Uploaded by',
      uploadedAt: 'Uploaded at', noPoint: 'No location given', partyRole: 'Role', partyKind: 'Kind', name: 'Name',
      phone: 'Phone', stepFrom: 'from', stepTo: 'to'
    },
    dashboard: {
      title: 'Dashboard', total: 'Cases', overdue: 'Overdue', onTime: 'Not overdue', rating: 'Average satisfaction',
      byState: 'By state', byCategory: 'By category', byLevel: 'By level', closedByLevel: 'Closed at each level',
      region: 'Region', solvedShare: 'Share solved at each level', count: 'Count', byRegion: 'Regions below compared',
      open: 'Open', closed: 'Closed'
    },
    dashboardMore: {
      from: 'From', to: 'To', trend: 'Cases over time', trendWeekly: 'Cases over time (per week)', reported: 'Reported',
      closed: 'Closed', onTimeShare: 'Closed on time', satisfaction: 'Satisfaction per unit', units: 'Handling units',
      workers: 'Grid workers', unit: 'Unit', received: 'Received', open: 'Open', overdue: 'Overdue',
      closedOnTime: 'Closed on time', rating: 'Satisfaction', worker: 'Grid worker', account: 'Account', grids: 'Grids',
      reportedBy: 'Reported', inGrids: 'In their grids', verified: 'Verified', start: 'From', end: 'To',
      file: 'case-figures', sheetSummary: 'Summary', sheetBreakdown: 'State category level', sheetRegions: 'Regions below',
      sheetUnits: 'Units', sheetWorkers: 'Grid workers', sheetTrend: 'Trend', item: 'Figure', value: 'Value',
      dimension: 'By', entry: 'Item', regionCode: 'Division code', regionName: 'Region', total: 'Cases',
      noWorkers: 'No grid of this region has grid workers yet'
    },
    admin: {
      title: 'Administration', users: 'Users', units: 'Units', plugins: 'Installed plug-ins', userId: 'Account', name: 'Name',
      roles: 'Roles', region: 'Region', unit: 'Unit', kind: 'Kind', version: 'Version', state: 'State', bundle: 'Bundle',
      enabled: 'Enabled', disabled: 'Disabled', actions: 'Actions', disable: 'Disable', enable: 'Enable',
      disableReason: 'Disable the account {user}: say why (it goes to the audit trail). Every session of the account ends at once.',
      gridImport: 'Grid import', gridImportHint: 'Upload a GeoJSON file (a FeatureCollection with the properties code, name, parent) or a CSV file (header code,name,parent,wkt). Nothing is imported unless every row is right; the rows in error are listed.',
      import: 'Import', importApplied: 'Imported: {accepted} grids, {updated} of them updated.',
      importRefused: 'Nothing imported: {count} rows are wrong; correct them and upload again.', row: 'Row', problem: 'Problem',
      resetPassword: 'Reset password', resetPasswordConfirm: 'Make a temporary password for {user}? Their old password stops working, every session of theirs ends and a lock is lifted.',
      temporaryPassword: "{user}'s temporary password, shown only now. Tell it to them in person or over a safe channel; they must set their own at sign-in.",
      resetKey: 'New authenticator key', resetKeyConfirm: 'Make a new authenticator key for the administrator {user}? The old key stops working at once.',
      newKey: "{user}'s new key, shown only now. Hand it over in person to add to the authenticator app on their phone (type the key, or turn the otpauth address into a QR code)."
    },
    password: {
      title: 'Change password', current: 'Current password', next: 'New password', repeat: 'New password again', save: 'Save',
      forced: 'Your password has expired or is a temporary one an administrator gave: set a new one before you go on.',
      rules: 'At least 10 characters of at least 3 kinds (upper-case, lower-case, digits, others), not containing your account name, not a common password.',
      required: 'Enter your current and your new password', mismatch: 'The two new passwords differ', changed: 'Password changed'
    },
    heat: {
      toggle: "Residents' demands heat map", from: 'From', to: 'To', count: '{count} located cases', few: 'few', many: 'many'
    },
    panel: {
      endpoint: 'Data endpoint', empty: 'Nothing here',
      removed: 'The extension "{plugin}" is no longer installed; this page is not available. Once it is installed again, open it from the Extensions menu.',
      unknown: 'There is no extension page {plugin}/{panel}, or your role may not open it.',
      loadFailed: 'The page {panel} of the extension "{plugin}" could not be loaded: {detail}',
      failed: 'The page {panel} of the extension "{plugin}" failed: {detail}',
      loading: 'Loading the extension page…', retry: 'Load again'
    },
    state: {
      REPORTED: 'Reported', REGISTERED: 'Registered', REJECTED: 'Rejected', DISPATCHED: 'Dispatched', IN_HANDLING: 'In handling',
      EXTENSION_REQUESTED: 'Extension requested', RETURNED: 'Returned', HANDLED: 'Handled', VERIFIED: 'Verified', CLOSED: 'Closed'
    },
    action: {
      REPORT: 'Report', REGISTER: 'Register', REJECT: 'Reject', DISPATCH: 'Dispatch', ACCEPT: 'Accept', RETURN: 'Return',
      REDISPATCH: 'Redispatch', REQUEST_EXTENSION: 'Request extension', GRANT_EXTENSION: 'Grant extension',
      DENY_EXTENSION: 'Deny extension', ESCALATE: 'Escalate', HANDLE: 'Mark handled', VERIFY: 'Verify', SEND_BACK: 'Send back',
      CLOSE: 'Close', REOPEN: 'Reopen', RATE: 'Rate', SUPERVISE: 'Supervision', WARN: 'Warning', ATTACH: 'Attach a file'
    },
    level: { VILLAGE: 'Village', TOWNSHIP: 'Township', COUNTY: 'County', CITY: 'City' },
    channel: {
      GRID_WORKER: 'Grid worker', HOTLINE: 'Hotline', WALK_IN: 'Walk-in', APP: 'Resident app', DEPARTMENT: 'Department',
      PLUGIN: 'Plug-in', PATROL: 'Patrol'
    },
    reveal: {
      button: 'Show in full', title: 'Show the parties in full', purpose: 'Purpose', detail: 'Details', joiner: ': ',
      hint: 'Full names and phone numbers are shown on this page this time only; leaving or reloading the page masks them again. The purpose is recorded in the audit trail with your account.',
      purposes: { visit: 'Calling the parties back to check the outcome', contact: 'Contacting the parties about the case',
        mediate: 'Contacting the parties for mediation', site: 'Contacting the parties for an on-site check',
        other: 'Other (say which under details)' },
      length: 'The purpose takes 5 to 200 characters: add details.', shown: 'Shown in full (this view only)',
      refused: 'Cannot show the parties in full: {detail}'
    },
    attach: {
      types: 'JPEG, PNG, PDF, MP4', limits: 'Upload {types} files of at most {size} each.', uploaded: 'Uploaded: {name}',
      tooLarge: 'Not uploaded: {name} has {size}, more than the limit of {max}.', wrongType: 'Not uploaded: {name} is not a {types} file.',
      empty: 'Not uploaded: {name} is empty.', refused: '{name} not uploaded: {detail}'
    },
    routing: {
      title: 'Routing rules', category: 'Category', anyCategory: 'Any category (fallback)', region: 'Region', unit: 'Unit',
      source: 'Source', console: 'Added here ({by})', file: 'File {file}', add: 'Add rule', delete: 'Delete',
      added: 'Rule added; the next dispatch follows it', deleted: 'Rule deleted', required: 'Choose a category, a region and a unit',
      fileRule: 'Kept in a configuration file on the server: change or remove it there',
      deleteConfirm: 'Delete the rule "{rule}"? Cases of this kind then follow other rules or the fallback unit.',
      hint: 'A case dispatched without a unit follows these rules: the most specific region wins, and within a region a rule for the category beats "any category". Rules apply at once.'
    },
    deadlines: {
      title: 'Deadlines', own: 'Own settings of this region', inherited: 'Follows {from}', platform: 'the platform-wide defaults',
      lastChange: 'Last changed by {by}, {at}', officeHours: 'Office hours', officeHoursHint: 'e.g. 08:30-12:00,14:00-17:30',
      weekend: 'Weekend', holidays: 'Public holidays', workedWeekendDays: 'Worked weekend days', dates: 'Choose dates',
      registerMinutes: 'Register and dispatch within (working minutes)', handleHours: 'Handle within (working hours)',
      verifyHours: 'Verify within (working hours)', escalateAfterOverdueMinutes: 'Escalate when overdue by (working minutes, -1 never)',
      warnBeforeMinutes: 'Warn before the deadline (working minutes, -1 never)', categoryHandleHours: 'Handle within, per category',
      addCategory: 'Add category', level: 'Level (optional)', hours: 'working hours', default: 'Default: {value}', save: 'Save',
      saved: 'Saved; new cases from now on get these deadlines'
    },
    weekday: { MONDAY: 'Mon', TUESDAY: 'Tue', WEDNESDAY: 'Wed', THURSDAY: 'Thu', FRIDAY: 'Fri', SATURDAY: 'Sat', SUNDAY: 'Sun' },
    role: {
      RESIDENT: 'Resident', GRID_WORKER: 'Grid worker', GRID_LEADER: 'Grid leader', COMMAND_OPERATOR: 'Command-centre operator',
      DEPARTMENT_HANDLER: 'Department handler', MEDIATOR: 'Mediator', COUNSELLOR: 'Counsellor', COUNTY_ADMIN: 'County administrator',
      CITY_ADMIN: 'City administrator', SECURITY_ADMIN: 'Security administrator', AUDIT_ADMIN: 'Audit administrator'
    },
    partyRole: { COMPLAINANT: 'Complainant', RESPONDENT: 'Respondent', AFFECTED: 'Affected', WITNESS: 'Witness' },
    partyKind: { PERSON: 'Person', ORGANISATION: 'Organisation' },
    // Category names come from the platform in Chinese; these are their English names.
    category: {
      'street-light': 'Street light out', manhole: 'Missing or broken manhole cover', 'road-damage': 'Road damage',
      sanitation: 'Sanitation', 'illegal-building': 'Illegal building', 'illegal-parking': 'Illegal parking', noise: 'Noise',
      'safety-hazard': 'Safety hazard', 'neighbour-dispute': 'Neighbour dispute', other: 'Other'
    }
  }
}

export const LOCALE_KEY = 'civicgrid.locale'

export const i18n = createI18n({
  legacy: false,
  locale: localStorage.getItem(LOCALE_KEY) || 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages
})

/** The name to show for a case category: the English name where known, else the platform's own. */
export function categoryName(code, platformName) {
  const { t, te } = i18n.global
  return te('category.' + code) ? t('category.' + code) : (platformName || code)
}
