// @ts-check
/**
 * The inspector's script: plain browser JavaScript, no framework, no build step. It reads the same /_mock
 * JSON routes a test would, follows the journal over `GET /_mock/requests/stream` with fetch streaming (so
 * the admin token travels in a header, never in a URL), and builds every node with textContent (journal
 * data is never parsed as HTML). Served as it is; `npm run typecheck` checks it against the JSDoc types
 * below, which mirror the JSON of the /_mock routes.
 */

/** @typedef {{ default: string, value: string[] }} TenantList */
/** @typedef {{ id: string, '@odata.type'?: string, readinessStatus?: string, lastModifiedDateTime?: string }} Flow */
/** @typedef {{ id: string, displayName?: string, lastModifiedDateTime?: string, provisioningFlows?: Flow[] }} FlowSet */
/** @typedef {{ id: string, displayName?: string, roles?: Array<{ code: string }> }} RoleGroup */
/** @typedef {{ outboundProvisioningFlowSets?: FlowSet[], roleGroups?: RoleGroup[] }} TenantState */
/**
 * @typedef {object} FaultRule
 * @property {string} id
 * @property {string} [method]
 * @property {string} [path]
 * @property {string} [tenant]
 * @property {number} [status]
 * @property {string} [code]
 * @property {number} [retryAfter]
 * @property {number} [delayMs]
 * @property {number} [times]
 * @property {number} [after]
 * @property {number} [probability]
 * @property {number} matched
 * @property {number} applied
 */
/**
 * @typedef {object} ThrottleReport
 * @property {boolean} enabled
 * @property {{ requestsPerSecond: number, burst?: number, tenant?: string } | null} config
 * @property {Record<string, { tokens: number, allowed: number, throttled: number }>} tenants
 * @property {number} earlyRetries
 */
/**
 * @typedef {object} JournalEntry
 * @property {number} seq
 * @property {string} time
 * @property {string} method
 * @property {string} url
 * @property {string | null} tenant
 * @property {string} requestId
 * @property {Record<string, string>} headers
 * @property {unknown} body
 * @property {number} status
 * @property {number} durationMs
 * @property {{ headers: Record<string, string>, body: unknown }} response
 */
/** @typedef {{ type: string, data: string }} StreamEvent */
/** @typedef {Node | string | number | boolean | null | undefined} Child */

const TOKEN_KEY = 'graph-mock-admin-token'
const TENANT_KEY = 'graph-mock-inspector-tenant'
const MAX_ENTRIES = 500
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

const ui = {
  tenant: byId('tenant', HTMLSelectElement),
  refresh: byId('refresh', HTMLButtonElement),
  reset: byId('reset', HTMLButtonElement),
  connection: byId('connection', HTMLElement),
  tokenForm: byId('token-form', HTMLFormElement),
  tokenMessage: byId('token-message', HTMLElement),
  token: byId('token', HTMLInputElement),
  notice: byId('notice', HTMLElement),
  announcer: byId('announcer', HTMLElement),
  flowSets: byId('flow-sets', HTMLElement),
  roleGroups: byId('role-groups', HTMLElement),
  faults: byId('faults', HTMLElement),
  throttle: byId('throttle', HTMLElement),
  onlyTenant: byId('only-tenant', HTMLInputElement),
  clear: byId('clear', HTMLButtonElement),
  journal: byId('journal', HTMLOListElement),
  journalEmpty: byId('journal-empty', HTMLElement),
  count: byId('request-count', HTMLElement)
}

const app = {
  token: sessionStorage.getItem(TOKEN_KEY) || '',
  tenant: sessionStorage.getItem(TENANT_KEY) || '',
  /** @type {string[]} */
  tenants: [],
  /** @type {Set<number>} */
  seen: new Set(),
  /** @type {Map<string, string>} */
  readiness: new Map(),
  /** @type {Set<string>} */
  openJson: new Set(),
  /** @type {AbortController | null} */
  stream: null,
  retryMs: 1000,
  /** @type {Map<string, ReturnType<typeof setTimeout>>} */
  timers: new Map()
}

/**
 * The page's element with this id, as the kind the markup gives it (a mismatch is a bug in index.html).
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T, prototype: T }} kind
 * @returns {T}
 */
function byId (id, kind) {
  const node = document.getElementById(id)
  if (!(node instanceof kind)) throw new Error(`#${id} is missing from the page or not a ${kind.name}`)
  return node
}

/**
 * h('tag', { class, text, attrs… }, children…): an element built without innerHTML.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown> | null} [props]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
function h (tag, props, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue
    if (name === 'text') node.textContent = String(value)
    else if (name === 'class') node.className = String(value)
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), /** @type {EventListener} */ (value))
    else node.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue
    node.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
  return node
}

class NeedsToken extends Error {}

/**
 * @param {Record<string, string>} extra
 * @returns {Record<string, string>}
 */
function adminHeaders (extra) {
  const headers = Object.assign({}, extra)
  if (app.token) headers['x-mock-admin-token'] = app.token
  return headers
}

/**
 * Call a /_mock JSON route; 401 asks for the admin token. The caller names the JSON it expects.
 * @template T
 * @param {string} method
 * @param {string} path
 * @returns {Promise<T>}
 */
async function api (method, path) {
  const res = await fetch(path, { method, headers: adminHeaders({ accept: 'application/json' }), cache: 'no-store' })
  if (res.status === 401) { askForToken(); throw new NeedsToken() }
  if (!res.ok) {
    let message = ''
    try { message = (await res.json()).error.message } catch {}
    throw new Error(`${method} ${path} answered ${res.status}${message ? `: ${message}` : ''}`)
  }
  return res.status === 204 ? /** @type {T} */ (null) : res.json()
}

function askForToken () {
  ui.tokenMessage.textContent = app.token
    ? 'That admin token was not accepted. Enter the value of GRAPH_MOCK_ADMIN_TOKEN.'
    : 'The control plane needs the admin token (GRAPH_MOCK_ADMIN_TOKEN).'
  if (ui.tokenForm.hidden) {
    ui.tokenForm.hidden = false
    ui.token.focus()
  }
  setConnection('offline', 'Needs the admin token')
}

/** @param {unknown} error */
function showError (error) {
  if (error instanceof NeedsToken) return
  ui.notice.textContent = error instanceof Error ? error.message : String(error)
  ui.notice.hidden = false
}

function clearError () { ui.notice.hidden = true; ui.notice.textContent = '' }

/** @param {string} text */
function announce (text) {
  ui.announcer.textContent = ''
  setTimeout(() => { ui.announcer.textContent = text }, 50)
}

/**
 * @param {'connecting' | 'live' | 'offline'} state
 * @param {string} text
 */
function setConnection (state, text) {
  ui.connection.dataset.state = state
  ui.connection.textContent = text
}

/**
 * Run fn once after a quiet moment, however often it is asked for (bursts of writes refresh once).
 * @param {string} key
 * @param {() => Promise<unknown>} fn
 * @param {number} ms
 */
function debounce (key, fn, ms) {
  clearTimeout(app.timers.get(key))
  app.timers.set(key, setTimeout(() => { fn().catch(showError) }, ms))
}

// ----- tenants ---------------------------------------------------------------------------------------

async function loadTenants () {
  /** @type {TenantList} */
  const list = await api('GET', '/_mock/tenants')
  app.tenants = list.value
  if (!app.tenant || !list.value.includes(app.tenant)) app.tenant = list.default
  ui.tenant.replaceChildren(...list.value.map(id =>
    h('option', { value: id, selected: id === app.tenant, text: id === list.default ? `${id} (default)` : id })))
}

// ----- flow sets -------------------------------------------------------------------------------------

async function loadState () {
  const tenant = app.tenant
  /** @type {TenantState} */
  const state = await api('GET', `/_mock/state?tenant=${encodeURIComponent(tenant)}`)
  if (tenant !== app.tenant) return
  renderFlowSets(state.outboundProvisioningFlowSets || [])
  renderRoleGroups(state.roleGroups || [])
}

/** @param {string | undefined} type */
const shortType = type => String(type || '').replace(/^#?microsoft\.graph\.industryData\./, '')

/** @param {string | undefined} iso */
function formatTime (iso) {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? String(iso) : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')
}

/**
 * Date and time as two unbreakable halves: a narrow column wraps between them, never inside a date.
 * @param {string | undefined} iso
 */
function timeNode (iso) {
  const [date, time] = formatTime(iso).split(' ')
  return h('time', { datetime: iso }, h('span', { class: 'nowrap', text: date }), ' ', h('span', { class: 'nowrap', text: time || '' }))
}

/** @param {FlowSet[]} sets */
function renderFlowSets (sets) {
  if (sets.length === 0) {
    ui.flowSets.replaceChildren(h('p', { class: 'empty', text: 'This tenant has no flow sets.' }))
    return
  }
  const previous = app.readiness
  app.readiness = new Map()
  ui.flowSets.replaceChildren(...sets.map(set => {
    const flows = set.provisioningFlows || []
    const { provisioningFlows, ...setOnly } = set
    const headingId = `set-${set.id}`
    return h('article', { class: 'flow-set', 'aria-labelledby': headingId },
      h('h3', { id: headingId, text: set.displayName || set.id }),
      h('p', { class: 'meta' },
        h('span', { class: 'mono', text: set.id }), ' · ', `${flows.length}${flows.length === 1 ? ' flow' : ' flows'}`,
        ' · last modified ', h('time', { datetime: set.lastModifiedDateTime, text: `${formatTime(set.lastModifiedDateTime)} UTC` })),
      flows.length === 0 ? h('p', { class: 'empty', text: 'No flows.' }) : flowTable(set, flows, previous),
      jsonToggle(`set:${set.id}`, 'Set JSON', setOnly))
  }))
}

/**
 * @param {FlowSet} set
 * @param {Flow[]} flows
 * @param {Map<string, string>} previous the readiness shown before this render, to mark what changed
 */
function flowTable (set, flows, previous) {
  /** @type {HTMLTableRowElement[]} */
  const rows = []
  for (const flow of flows) {
    const key = `${set.id}/${flow.id}`
    const readiness = String(flow.readinessStatus || 'unknown')
    app.readiness.set(key, readiness)
    const changed = previous.has(key) && previous.get(key) !== readiness
    const jsonId = `json-${set.id}-${flow.id}`
    const open = app.openJson.has(key)
    /** @param {boolean} shown */
    const toggleLabel = shown => `${shown ? 'Hide JSON of' : 'Show JSON of'} ${shortType(flow['@odata.type'])} ${flow.id}`
    const button = h('button', {
      type: 'button',
      class: 'link',
      'aria-expanded': String(open),
      'aria-controls': jsonId,
      text: open ? 'Hide JSON' : 'JSON',
      'aria-label': toggleLabel(open)
    })
    const row = h('tr', { class: changed ? 'changed' : '', 'data-flow-id': flow.id },
      h('td', {}, h('span', { class: 'flow-type', text: shortType(flow['@odata.type']) }), h('span', { class: 'flow-id', text: flow.id })),
      h('td', {}, h('span', { class: `badge ${readiness}`, 'data-readiness': readiness, text: readiness })),
      h('td', {}, timeNode(flow.lastModifiedDateTime)),
      h('td', {}, button))
    const jsonRow = h('tr', { id: jsonId, class: 'json-row', hidden: !open },
      h('td', { colspan: '4' }, h('pre', { tabindex: '0', 'aria-label': `JSON of flow ${flow.id}`, text: JSON.stringify(flow, null, 2) })))
    button.addEventListener('click', () => {
      const nowOpen = jsonRow.hidden
      jsonRow.hidden = !nowOpen
      button.setAttribute('aria-expanded', String(nowOpen))
      button.textContent = nowOpen ? 'Hide JSON' : 'JSON'
      button.setAttribute('aria-label', toggleLabel(nowOpen))
      if (nowOpen) app.openJson.add(key); else app.openJson.delete(key)
    })
    rows.push(row, jsonRow)
    if (changed) announce(`${shortType(flow['@odata.type'])} is now ${readiness}`)
  }
  return h('table', { class: 'flows' },
    h('caption', { class: 'visually-hidden', text: `Provisioning flows of ${set.displayName || set.id}` }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: 'Type' }), h('th', { scope: 'col', text: 'Readiness' }),
      h('th', { scope: 'col', text: 'Last modified (UTC)' }), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: 'Details' })))),
    h('tbody', {}, rows))
}

/**
 * A <details> with the JSON, its open state kept across refreshes.
 * @param {string} key
 * @param {string} label
 * @param {unknown} value
 */
function jsonToggle (key, label, value) {
  const details = h('details', { class: 'json', open: app.openJson.has(key) },
    h('summary', { text: label }), h('pre', { tabindex: '0', text: JSON.stringify(value, null, 2) }))
  details.addEventListener('toggle', () => { if (details.open) app.openJson.add(key); else app.openJson.delete(key) })
  return details
}

/** @param {RoleGroup[]} groups */
function renderRoleGroups (groups) {
  if (groups.length === 0) {
    ui.roleGroups.replaceChildren(h('li', { class: 'empty', text: 'None.' }))
    return
  }
  ui.roleGroups.replaceChildren(...groups.map(group => {
    const roles = (group.roles || []).map(role => role.code)
    const listed = roles.length > 0 && roles.length <= 6 ? `: ${roles.join(', ')}` : ''
    return h('li', {}, h('strong', { text: group.displayName || group.id }), ' ',
      h('span', { class: 'meta' }, h('span', { class: 'mono', text: group.id }), ` · ${roles.length}${roles.length === 1 ? ' role' : ' roles'}${listed}`))
  }))
}

// ----- faults and throttling -------------------------------------------------------------------------

async function loadTraffic () {
  /** @type {[{ value?: FaultRule[] }, ThrottleReport]} */
  const [faults, throttle] = await Promise.all([api('GET', '/_mock/faults'), api('GET', '/_mock/throttle')])
  renderFaults(faults.value || [])
  renderThrottle(throttle)
}

/** @param {FaultRule} rule */
function describeFault (rule) {
  const parts = []
  if (rule.status !== undefined) parts.push(`${rule.status}${rule.code ? ` ${rule.code}` : ''}`)
  if (rule.retryAfter !== undefined) parts.push(`Retry-After ${rule.retryAfter}\u00a0s`)
  if (rule.delayMs !== undefined) parts.push(`delay ${rule.delayMs}\u00a0ms`)
  if (rule.times !== undefined) parts.push(`at most ${rule.times}×`)
  if (rule.after !== undefined) parts.push(`after ${rule.after}`)
  if (rule.probability !== undefined) parts.push(`p=${rule.probability}`)
  return parts.join(', ')
}

/** @param {FaultRule[]} rules */
function renderFaults (rules) {
  if (rules.length === 0) {
    ui.faults.replaceChildren(h('p', { class: 'empty', text: 'No fault rules.' }))
    return
  }
  ui.faults.replaceChildren(h('table', {},
    h('caption', { class: 'visually-hidden', text: 'Active fault rules' }),
    h('thead', {}, h('tr', {}, ['Rule', 'Matches', 'Answers', 'Matched / applied'].map(text => h('th', { scope: 'col', text })))),
    h('tbody', {}, rules.map(rule => h('tr', {},
      h('td', { class: 'mono', text: rule.id }),
      h('td', { class: 'mono', text: [rule.method || 'any method', rule.path || 'any path', rule.tenant ? `tenant ${rule.tenant}` : ''].filter(Boolean).join(' ') }),
      h('td', { text: describeFault(rule) }),
      h('td', { text: `${rule.matched} / ${rule.applied}` }))))))
}

/** @param {ThrottleReport} report */
function renderThrottle (report) {
  if (!report.enabled || !report.config) {
    ui.throttle.replaceChildren(h('p', { class: 'empty', text: 'Throttling is off.' }))
    return
  }
  const config = report.config
  const tenants = Object.entries(report.tenants || {})
  const scope = config.tenant ? `, tenant ${config.tenant}` : ', every tenant'
  ui.throttle.replaceChildren(
    h('p', {}, h('strong', { text: `${config.requestsPerSecond} requests/s` }),
      `, burst ${config.burst || Math.ceil(config.requestsPerSecond)}${scope} · early retries: ${report.earlyRetries}`),
    tenants.length === 0
      ? h('p', { class: 'empty', text: 'No requests counted yet.' })
      : h('table', {},
        h('caption', { class: 'visually-hidden', text: 'Throttling per tenant' }),
        h('thead', {}, h('tr', {}, ['Tenant', 'Tokens left', 'Allowed', 'Throttled'].map(text => h('th', { scope: 'col', text })))),
        h('tbody', {}, tenants.map(([tenant, bucket]) => h('tr', {},
          h('td', { class: 'mono', text: tenant }), h('td', { text: Math.floor(bucket.tokens) }),
          h('td', { text: bucket.allowed }), h('td', { text: bucket.throttled }))))))
}

// ----- the journal -----------------------------------------------------------------------------------

/** @param {number} status */
const statusClass = status => `s${String(status).charAt(0)}xx`

/**
 * @param {string} caption
 * @param {Record<string, string> | undefined} headers
 */
function headerTable (caption, headers) {
  const names = Object.keys(headers || {})
  if (names.length === 0) return h('p', { class: 'empty', text: 'No headers.' })
  return h('table', { class: 'headers' },
    h('caption', { class: 'visually-hidden', text: caption }),
    h('tbody', {}, names.map(name => h('tr', {}, h('th', { scope: 'row', text: name }), h('td', { text: headers?.[name] })))))
}

/**
 * @param {string} label
 * @param {unknown} body
 */
function bodyBlock (label, body) {
  if (body === null || body === undefined || body === '') return h('p', { class: 'empty', text: 'No body.' })
  return h('pre', { tabindex: '0', 'aria-label': label, text: typeof body === 'string' ? body : JSON.stringify(body, null, 2) })
}

/**
 * @param {JournalEntry} entry
 * @param {boolean} fresh arrived live (highlighted), not loaded with the page
 */
function entryNode (entry, fresh) {
  const tenant = entry.tenant || ''
  const summary = h('summary', {},
    h('span', { class: `badge ${statusClass(entry.status)}`, text: entry.status }),
    h('span', { class: 'method', text: entry.method }),
    h('span', { class: 'path', text: entry.url }),
    h('span', { class: 'when' }, h('time', { datetime: entry.time, text: String(entry.time).slice(11, 23) }), ` · ${entry.durationMs} ms`))
  const body = h('div', { class: 'entry-body' },
    h('section', { 'aria-label': 'Request' },
      h('h3', { text: 'Request' }),
      h('dl', { class: 'kv' },
        h('dt', { text: 'URL' }), h('dd', { text: `${entry.method} ${entry.url}` }),
        h('dt', { text: 'Tenant' }), h('dd', { text: tenant || '(none)' }),
        h('dt', { text: 'request-id' }), h('dd', { text: entry.requestId }),
        h('dt', { text: 'Time' }), h('dd', { text: entry.time })),
      h('h4', { text: 'Headers' }), headerTable('Request headers', entry.headers),
      h('h4', { text: 'Body' }), bodyBlock('Request body', entry.body)),
    h('section', { 'aria-label': 'Response' },
      h('h3', { text: `Response ${entry.status} in ${entry.durationMs} ms` }),
      h('h4', { text: 'Headers' }), headerTable('Response headers', entry.response && entry.response.headers),
      h('h4', { text: 'Body' }), bodyBlock('Response body', entry.response && entry.response.body)))
  const node = h('li', { class: `entry ${statusClass(entry.status)}${fresh ? ' fresh' : ''}`, 'data-seq': entry.seq, 'data-tenant': tenant, 'data-status': entry.status },
    h('details', {}, summary, body))
  node.hidden = !visibleFor(tenant)
  return node
}

/** @param {string | undefined} tenant */
const visibleFor = tenant => !ui.onlyTenant.checked || tenant === app.tenant

/** The journal's entries: it holds only the <li> elements entryNode makes. */
const journalEntries = () => /** @type {HTMLCollectionOf<HTMLLIElement>} */ (ui.journal.children)

/**
 * @param {JournalEntry} entry
 * @param {boolean} fresh
 */
function addEntry (entry, fresh) {
  if (app.seen.has(entry.seq)) return
  app.seen.add(entry.seq)
  const node = entryNode(entry, fresh)
  // Newest first: find the first shown entry older than this one.
  let before = /** @type {HTMLLIElement | null} */ (ui.journal.firstElementChild)
  while (before && Number(before.dataset.seq) > entry.seq) before = /** @type {HTMLLIElement | null} */ (before.nextElementSibling)
  ui.journal.insertBefore(node, before)
  while (ui.journal.childElementCount > MAX_ENTRIES) ui.journal.lastElementChild?.remove()
  updateCount()
}

function clearEntries () {
  app.seen.clear()
  ui.journal.replaceChildren()
  updateCount()
}

function updateCount () {
  const all = ui.journal.childElementCount
  let shown = 0
  for (const node of journalEntries()) if (!node.hidden) shown++
  ui.count.textContent = shown === all ? `(${all})` : `(${shown} of ${all})`
  ui.journalEmpty.hidden = shown > 0
}

function applyTenantFilter () {
  for (const node of journalEntries()) node.hidden = !visibleFor(node.dataset.tenant)
  updateCount()
}

async function loadJournal () {
  /** @type {{ value: JournalEntry[] }} */
  const page = await api('GET', `/_mock/requests?limit=${MAX_ENTRIES}`)
  for (const entry of page.value) addEntry(entry, false)
}

/**
 * What a new entry means for the rest of the page.
 * @param {JournalEntry} entry
 */
function onLiveEntry (entry) {
  addEntry(entry, true)
  if (!READS.has(entry.method)) debounce('state', loadState, 150)
  debounce('traffic', loadTraffic, 300)
  if (entry.tenant && !app.tenants.includes(entry.tenant)) debounce('tenants', loadTenants, 300)
}

// ----- the live stream (fetch streaming: the admin token goes in a header) -----------------------------

/**
 * One server-sent event block: its type and data lines; null for a block of comments only.
 * @param {string} block
 * @returns {StreamEvent | null}
 */
function parseEvent (block) {
  let type = 'message'
  const data = []
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') type = value
    else if (field === 'data') data.push(value)
  }
  return data.length === 0 ? null : { type, data: data.join('\n') }
}

/** @param {StreamEvent} event */
function handleEvent (event) {
  if (event.type === 'clear') {
    clearEntries()
    debounce('state', loadState, 50)
    debounce('traffic', loadTraffic, 50)
    debounce('tenants', loadTenants, 50)
    return
  }
  if (event.type === 'message') onLiveEntry(JSON.parse(event.data))
}

async function follow () {
  if (app.stream) app.stream.abort()
  const controller = new AbortController()
  app.stream = controller
  let connected = false
  try {
    setConnection('connecting', 'Connecting…')
    const res = await fetch('/_mock/requests/stream', { headers: adminHeaders({ accept: 'text/event-stream' }), cache: 'no-store', signal: controller.signal })
    if (res.status === 401) { askForToken(); return }
    if (!res.ok || !res.body) throw new Error(`The journal stream answered ${res.status}`)
    connected = true
    app.retryMs = 1000
    setConnection('live', 'Live')
    await loadJournal()
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += value.replace(/\r\n?/g, '\n')
      let end
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const event = parseEvent(buffer.slice(0, end))
        buffer = buffer.slice(end + 2)
        if (event) handleEvent(event)
      }
    }
  } catch (error) {
    if (controller.signal.aborted) return
    if (!connected) showError(error)
  }
  if (app.stream !== controller) return
  setConnection('offline', 'Disconnected, retrying…')
  setTimeout(() => { if (app.stream === controller) follow() }, app.retryMs)
  app.retryMs = Math.min(app.retryMs * 2, 15000)
}

// ----- start and controls ----------------------------------------------------------------------------

async function loadAll () {
  clearError()
  await loadTenants()
  await Promise.all([loadState(), loadTraffic()])
}

async function start () {
  try {
    await loadAll()
    ui.tokenForm.hidden = true
    follow()
  } catch (error) { showError(error) }
}

ui.tenant.addEventListener('change', () => {
  app.tenant = ui.tenant.value
  sessionStorage.setItem(TENANT_KEY, app.tenant)
  app.readiness = new Map()
  applyTenantFilter()
  loadState().catch(showError)
})

ui.onlyTenant.addEventListener('change', applyTenantFilter)

ui.refresh.addEventListener('click', () => {
  loadAll().then(() => announce('Refreshed')).catch(showError)
})

ui.reset.addEventListener('click', async () => {
  ui.reset.disabled = true
  try {
    await api('POST', '/_mock/reset')
    clearEntries()
    app.readiness = new Map()
    await loadAll()
    announce('Every tenant is back to the fixtures; journal and fault rules cleared')
  } catch (error) { showError(error) } finally { ui.reset.disabled = false }
})

ui.clear.addEventListener('click', async () => {
  try {
    await api('DELETE', '/_mock/requests')
    clearEntries()
    announce('Journal cleared')
  } catch (error) { showError(error) }
})

ui.tokenForm.addEventListener('submit', event => {
  event.preventDefault()
  app.token = ui.token.value
  sessionStorage.setItem(TOKEN_KEY, app.token)
  ui.tokenForm.hidden = true
  start()
})

updateCount()
start()
