/**
 * The inspector in a real browser: Debian's Chromium driven by playwright-core, against a server on
 * 127.0.0.1. A write made by the test shows up live (journal entry and readiness, no reload), reset brings
 * the fixtures back, and screenshots at 1366 and 1920 px are left under .tap/inspector/ (not committed).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import t from 'tap'
import { CLASS_FLOW_ID, flowUrl, jsonAuth, SET_ID, SETS } from '../helpers.js'
import { listen } from '../contract/listen.js'

const CHROMIUM = '/usr/bin/chromium'
const ARTIFACTS = resolve('.tap', 'inspector')
// As root, with no network but loopback: no sandbox, and none of Chromium's own background connections.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const tenantB = { authorization: `Bearer ${['{"alg":"none"}', '{"tid":"tenant-b"}'].map(p => Buffer.from(p).toString('base64url')).join('.')}.x` }

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the inspector browser test`

/** A fresh headless browser (playwright gives each launch a new, empty profile directory), closed with the test. */
async function launch (tt: { teardown: (fn: () => unknown) => void }): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS })
  tt.teardown(() => browser.close())
  return browser
}

/** Fails the test on any request off this origin, any console error and any CSP violation. */
function watch (page: Page, origin: string): { offOrigin: string[], errors: string[] } {
  const seen = { offOrigin: [] as string[], errors: [] as string[] }
  void page.route('**/*', async route => {
    const url = route.request().url()
    if (url.startsWith(origin) || url.startsWith('data:')) return await route.continue()
    seen.offOrigin.push(url)
    return await route.abort()
  })
  page.on('console', message => { if (message.type() === 'error') seen.errors.push(message.text()) })
  page.on('pageerror', error => { seen.errors.push(error.message) })
  return seen
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's WCAG 2.1 A/AA rules (contrast, labels, roles, …) on the page as it is now: the violations, briefly. */
async function accessibilityViolations (page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern; nothing is added to the page.
  await page.evaluate(AXE_SOURCE)
  const result = await page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
    .then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))`)
  return result as string[]
}

async function noHorizontalScroll (page: Page): Promise<boolean> {
  // Strings, not functions: the test compiles without the DOM library.
  return await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') === true
}

t.test('the inspector shows writes live, and reset brings the fixtures back', { skip }, async t => {
  const { app, url } = await listen(t)
  const browser = await launch(t)
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  const seen = watch(page, url)

  const page0 = await page.goto(`${url}/_mock/`)
  t.equal(page0?.status(), 200, 'the page loads')
  t.match(page0?.headers()['content-security-policy'], /default-src 'none'/, 'with its CSP')
  await page.locator('#connection[data-state="live"]').waitFor()
  t.equal(await page.locator('#connection').textContent(), 'Live', 'the journal stream is connected')
  t.equal(await page.locator('#tenant').inputValue(), '00000000-0000-0000-0000-000000000001', 'the default tenant is picked')
  const classReadiness = page.locator(`tr[data-flow-id="${CLASS_FLOW_ID}"] [data-readiness]`)
  t.equal(await classReadiness.textContent(), 'disabled', 'the fixture readiness is shown')
  t.equal(await page.locator('.flows tbody tr:not(.json-row)').count(), 4, 'one row per fixture flow')
  await page.evaluate('window.notReloaded = true')

  // Traffic from a client (the test), not from the page.
  const patch = await fetch(`${url}${flowUrl(CLASS_FLOW_ID)}`, { method: 'PATCH', headers: jsonAuth, body: JSON.stringify({ readinessStatus: 'ready', configuration: {} }) })
  t.equal(patch.status, 200, 'PATCH through the API')
  const patchEntry = page.locator('#journal li.entry[data-status="200"]', { hasText: 'PATCH' })
  await patchEntry.waitFor()
  t.equal(await patchEntry.count(), 1, 'the new journal entry appears')
  t.match(await patchEntry.getAttribute('class'), /\bs2xx\b/, 'coloured as a 2xx')
  await page.locator(`tr[data-flow-id="${CLASS_FLOW_ID}"] [data-readiness="ready"]`).waitFor()
  t.equal(await classReadiness.textContent(), 'ready', 'the changed readiness appears')
  t.equal(await page.evaluate('window.notReloaded'), true, 'without a reload')

  const bad = await fetch(`${url}${flowUrl(CLASS_FLOW_ID)}`, { method: 'PATCH', headers: jsonAuth, body: JSON.stringify({ readinessStatus: 'nope', configuration: {} }) })
  t.equal(bad.status, 400, 'a rejected write')
  const fault = await fetch(`${url}/_mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '*/roleGroups*', status: 503, retryAfter: 2 }) })
  t.equal(fault.status, 201, 'a fault rule')
  t.equal((await fetch(`${url}/beta/external/industryData/roleGroups`, { headers: jsonAuth })).status, 503, 'a faulted read')
  await page.locator('#journal li.entry.s4xx').waitFor()
  await page.locator('#journal li.entry.s5xx').waitFor()
  t.pass('4xx and 5xx entries are coloured by status')
  await page.locator('#faults td', { hasText: 'fault-1' }).waitFor()
  t.match(await page.locator('#faults').textContent(), /\*\/roleGroups\*.*503, Retry-After 2\u00a0s/, 'the active fault rule is listed')
  t.match(await page.locator('#throttle').textContent(), /Throttling is off/, 'throttling state')

  // Keyboard: a journal entry opens with Enter and shows request and response with headers.
  await patchEntry.locator('summary').focus()
  await page.keyboard.press('Enter')
  const opened = patchEntry.locator('.entry-body')
  await opened.waitFor()
  t.match(await opened.textContent(), /"readinessStatus": "ready"/, 'the request body')
  t.match(await opened.textContent(), /authorization\[redacted\]/, 'request headers, Authorization redacted')
  t.match(await opened.textContent(), /request-id/, 'response headers')
  // The flow's full JSON, by keyboard too.
  await page.getByRole('button', { name: `Show JSON of classGroupProvisioningFlow ${CLASS_FLOW_ID}` }).focus()
  await page.keyboard.press('Enter')
  const json = page.locator(`#json-${SET_ID}-${CLASS_FLOW_ID} pre`)
  await json.waitFor()
  t.match(await json.textContent(), /"@odata.type": "#microsoft.graph.industryData.classGroupProvisioningFlow"/, 'full JSON on click')

  // A second tenant appears in the picker once it is used.
  await fetch(`${url}${SETS}`, { headers: tenantB })
  await page.locator('#tenant option[value="tenant-b"]').waitFor({ state: 'attached' })
  t.pass('the tenant picker lists a tenant once it is used')

  // Close the flow's JSON again (Enter on the same button), so the screenshots show the overview.
  await page.keyboard.press('Enter')
  await json.waitFor({ state: 'hidden' })
  t.same(await accessibilityViolations(page), [], 'no WCAG 2.1 A/AA violations with entries, a fault and an open entry')

  mkdirSync(ARTIFACTS, { recursive: true })
  t.ok(await noHorizontalScroll(page), 'no horizontal scrolling at 1366 px')
  await page.screenshot({ path: resolve(ARTIFACTS, 'inspector-1366.png') })
  await page.setViewportSize({ width: 1920, height: 1080 })
  t.ok(await noHorizontalScroll(page), 'no horizontal scrolling at 1920 px')
  await page.screenshot({ path: resolve(ARTIFACTS, 'inspector-1920.png') })
  t.comment(`screenshots: ${resolve(ARTIFACTS, 'inspector-1366.png')} and inspector-1920.png`)

  await page.getByRole('button', { name: 'Reset to fixtures' }).click()
  await page.locator(`tr[data-flow-id="${CLASS_FLOW_ID}"] [data-readiness="disabled"]`).waitFor()
  t.equal(await classReadiness.textContent(), 'disabled', 'reset: the fixtures are back')
  await page.locator('#faults', { hasText: 'No fault rules.' }).waitFor()
  t.equal(await page.locator('#journal li').count(), 0, 'reset cleared the journal view')
  t.equal(app.graphMock.journal.entries().length, 0, 'and the journal')

  // Clearing the journal from outside the page empties the view too.
  await fetch(`${url}${flowUrl(CLASS_FLOW_ID)}`, { headers: jsonAuth })
  await page.locator('#journal li').first().waitFor()
  await fetch(`${url}/_mock/requests`, { method: 'DELETE' })
  await page.locator('#journal-empty').waitFor()
  t.equal(await page.locator('#journal li').count(), 0, 'an outside DELETE /_mock/requests empties the view')

  t.same(seen.offOrigin, [], 'no request left the server\'s origin')
  t.same(seen.errors, [], 'no console errors, no CSP violations')
})

t.test('with an admin token the page asks for it, then works', { skip }, async t => {
  const { url } = await listen(t, { adminToken: 'let-me-in' })
  const browser = await launch(t)
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  const seen = watch(page, url)
  await page.goto(`${url}/_mock/`)
  const field = page.getByLabel('Admin token', { exact: true })
  await field.waitFor()
  t.equal(await page.evaluate('document.activeElement.id'), 'token', 'the token field has focus')
  t.same(await accessibilityViolations(page), [], 'the token form passes the accessibility rules')
  await field.fill('wrong')
  await page.keyboard.press('Enter')
  await page.locator('#token-message', { hasText: 'not accepted' }).waitFor()
  t.pass('a wrong token is refused and asked for again')
  await field.fill('let-me-in')
  await page.keyboard.press('Enter')
  await page.locator('#connection[data-state="live"]').waitFor()
  t.ok(await page.locator('#token-form').isHidden(), 'the form goes away')
  t.equal(await page.locator(`tr[data-flow-id="${CLASS_FLOW_ID}"] [data-readiness]`).textContent(), 'disabled', 'the data routes answer with the token')
  await fetch(`${url}${flowUrl(CLASS_FLOW_ID)}`, { headers: jsonAuth })
  await page.locator('#journal li.entry').first().waitFor()
  t.pass('the stream answers with the token in a header')
  t.same(seen.offOrigin, [], 'no request left the server\'s origin')
  t.same(seen.errors.filter(e => !/401/.test(e)), [], 'no errors but the expected 401s')
})
