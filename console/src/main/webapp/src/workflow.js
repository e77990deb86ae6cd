// The case loop's steps as the platform's workflow defines them (core/case CaseWorkflow): the states each is
// allowed from, who may take it and what it needs. The console offers only the steps that fit; the platform
// checks again and its answer wins.

const RULES = {
  REGISTER: { from: ['REPORTED'], actor: 'COMMAND_CENTRE' },
  REJECT: { from: ['REPORTED'], actor: 'COMMAND_CENTRE', note: true },
  DISPATCH: { from: ['REGISTERED'], actor: 'COMMAND_CENTRE', unit: true },
  ACCEPT: { from: ['DISPATCHED'], actor: 'ASSIGNED_UNIT' },
  RETURN: { from: ['DISPATCHED', 'IN_HANDLING'], actor: 'ASSIGNED_UNIT', note: true },
  REDISPATCH: { from: ['RETURNED'], actor: 'COMMAND_CENTRE', unit: true },
  REQUEST_EXTENSION: { from: ['IN_HANDLING'], actor: 'ASSIGNED_UNIT', note: true, hours: true },
  GRANT_EXTENSION: { from: ['EXTENSION_REQUESTED'], actor: 'COMMAND_CENTRE' },
  DENY_EXTENSION: { from: ['EXTENSION_REQUESTED'], actor: 'COMMAND_CENTRE', note: true },
  ESCALATE: { from: ['REGISTERED', 'DISPATCHED', 'IN_HANDLING', 'RETURNED'], actor: 'COMMAND_CENTRE', note: true },
  HANDLE: { from: ['IN_HANDLING'], actor: 'ASSIGNED_UNIT', note: true },
  VERIFY: { from: ['HANDLED'], actor: 'VERIFIER', note: true },
  SEND_BACK: { from: ['HANDLED'], actor: 'VERIFIER_OR_COMMAND_CENTRE', note: true },
  CLOSE: { from: ['VERIFIED'], actor: 'COMMAND_CENTRE' },
  REOPEN: { from: ['CLOSED', 'REJECTED'], actor: 'COMMAND_CENTRE', note: true },
  RATE: { from: ['VERIFIED', 'CLOSED'], actor: 'REPORTER', rating: true }
}

function mayAct(me, actor, c) {
  const inArea = c.regionCode.startsWith(me.regionCode)
  const has = (role) => me.roles.includes(role)
  const commandCentre = inArea && has('COMMAND_OPERATOR')
  const reporter = me.userId === c.reporterId
  const verifier = reporter || (inArea && (has('GRID_WORKER') || has('GRID_LEADER')))
  switch (actor) {
    case 'COMMAND_CENTRE': return commandCentre
    case 'ASSIGNED_UNIT': return inArea && has('DEPARTMENT_HANDLER') && !!c.unitId && c.unitId === me.unitId
    case 'VERIFIER': return verifier
    case 'VERIFIER_OR_COMMAND_CENTRE': return verifier || commandCentre
    case 'REPORTER': return reporter && c.rating == null
    default: return false
  }
}

/** The steps this user may take on the case now, each with the inputs it needs. */
export function allowedSteps(me, c) {
  if (!me || !c) {
    return []
  }
  return Object.entries(RULES)
    .filter(([action, rule]) => rule.from.includes(c.state) && mayAct(me, rule.actor, c)
      && !(action === 'ESCALATE' && c.level === 'CITY'))
    .map(([action, rule]) => ({ action, note: !!rule.note, unit: !!rule.unit, hours: !!rule.hours, rating: !!rule.rating }))
}
