// Drives the sikifanso dashboard in a real headless Chromium (Debian's, through playwright-core) and prints what it
// saw as JSON for the Java test to judge (DashboardBrowserTest). Usage:
//   node dashboard-check.mjs CHECK BASE_URL LINK_TOKEN CHROMIUM APP AGENT WATCHED PROFILE   the checks of the test
//     (WATCHED: an agent whose own AG-UI stream keeps sending turns; PROFILE: one to apply from the catalog page)
//   node dashboard-check.mjs SCREENSHOT BASE_URL LINK_TOKEN CHROMIUM OUT.png  the README's screenshot of the overview
//   node dashboard-check.mjs NO_ANSWER BASE_URL LINK_TOKEN CHROMIUM APP   enabling APP while the server cannot be
//     reached (the browser refuses the connection): what the page says then
//   node dashboard-check.mjs REFUSED BASE_URL LINK_TOKEN CHROMIUM   a page whose event stream the server refuses
//     (as one restarted since the page signed in does): what its live status says
//   node dashboard-check.mjs UNREACHABLE BASE_URL LINK_TOKEN CHROMIUM   the overview of a cluster whose API cannot be
//     read: what it says, opened before and after the state feed said so
import { chromium } from 'playwright-core';

const [mode, base, token, executablePath, arg1, arg2, arg3, arg4] = process.argv.slice(2);
const TIMEOUT = 30_000;
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
const seen = { consoleErrors: [], dialogs: [] };

function watch(page) {
  // A 403 is what the designed refusals (CSRF, a confirmation not yet given) answer; anything else is an error.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: .* 403/.test(m.text())) seen.consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.consoleErrors.push(`${page.url()}: ${e.message}`));
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.accept(); });
  return page;
}

async function signedIn(context) {
  const page = watch(await context.newPage());
  const answer = await page.goto(`${base}/login?token=${token}`);
  if (!answer.ok()) throw new Error(`sign-in answered ${answer.status()}`);
  return page;
}

/** Waits until the page's event stream is open and its state snapshot has been rendered. */
async function live(page) {
  await page.waitForFunction(() => document.querySelector('#live')?.textContent === 'live', null, { timeout: TIMEOUT });
}

/** Waits until the page's notice says the operation is done (or failed); what it says, and the questions asked meanwhile. */
async function outcome(page, operation, act) {
  const asked = seen.dialogs.length;
  await act();
  await page.waitForFunction((op) => {
    const n = document.querySelector('#notice');
    return n.textContent === `${op}: done.` || n.className === 'bad' || n.textContent === `${op}: cancelled; nothing was changed.`;
  }, operation, { timeout: TIMEOUT });
  return { notice: await page.textContent('#notice'), questions: seen.dialogs.slice(asked) };
}

async function check() {
  const anonymous = await browser.newContext();
  const stranger = await anonymous.newPage();
  seen.refusals = {
    noToken: (await stranger.goto(`${base}/`)).status(),
    badLinkToken: (await stranger.goto(`${base}/login?token=not-it`)).status(),
    cookieAfterBadLink: (await anonymous.cookies()).length,
  };

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await signedIn(context);
  seen.afterSignIn = { url: page.url(), cookies: (await context.cookies()).map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite })) };
  await live(page);
  await page.waitForFunction(() => document.querySelector('[data-state=nodesTotal]').textContent !== '–', null, { timeout: TIMEOUT });
  seen.overview = {
    nodes: `${await page.textContent('[data-state=nodesReady]')}/${await page.textContent('[data-state=nodesTotal]')}`,
    doctorRows: await page.locator('#doctor tbody tr').count(),
  };
  await page.waitForFunction(() => document.querySelectorAll('#doctor tbody tr').length > 0, null, { timeout: TIMEOUT })
    .catch(() => {});
  seen.overview.doctorRows = await page.locator('#doctor tbody tr').count();
  seen.overview.doctorFirst = await page.locator('#doctor tbody tr').first().innerText().catch(() => '');

  // Refusals from the page itself: a change without the CSRF token, or with a wrong one.
  seen.refusals.csrf = await page.evaluate(async () => {
    const body = JSON.stringify({ messages: [{ id: 'a', role: 'assistant', toolCalls: [{ id: 'c', type: 'function',
      function: { name: 'agent_create', arguments: '{"name":"sneaky","wait":false}' } }] }] });
    const post = (headers) => fetch('/api/agui/run', { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } })
      .then(async (r) => ({ status: r.status, text: await r.text() }));
    return { none: await post({}), wrong: await post({ 'X-CSRF-Token': 'wrong' }) };
  });

  // Two runs the test wrote interleaved into the journal: every row of the feed names the run its event belongs to.
  await page.goto(`${base}/activity`);
  await live(page);
  await page.waitForFunction(() => document.querySelectorAll('#feed li[data-type=RUN_FINISHED]:is([data-surface=cli], [data-surface=mcp])').length >= 2,
    null, { timeout: TIMEOUT });
  seen.interleaved = await page.locator('#feed li').evaluateAll((lis) => lis.map((li) => ({ run: li.dataset.run,
    operation: li.dataset.operation, surface: li.dataset.surface, type: li.dataset.type, shownRun: li.querySelector('.run').textContent })));

  // Every page loads, live, without errors (a CSP violation is a console error).
  seen.pages = {};
  for (const path of ['/', '/catalog', '/agents', '/activity', '/snapshots', `/apps/${arg1}`]) {
    const answer = await page.goto(base + path);
    await live(page);
    seen.pages[path] = { status: answer.status(), h1: await page.textContent('h1') };
  }

  // The activity feed in a second tab, the catalog in the first: toggle an app and watch both.
  const activity = watch(await context.newPage());
  await activity.goto(`${base}/activity`);
  await live(activity);
  await page.goto(`${base}/catalog`);
  await live(page);
  await page.fill('#search', arg1);
  seen.search = await page.locator('tr[data-search]:visible').evaluateAll((rows) => rows.map((r) => r.dataset.app));
  const row = page.locator(`tr[data-app="${arg1}"]`);
  seen.before = { status: (await row.locator('.status').innerText()).trim(), sync: await row.locator('[data-app-field=sync]').innerText() };
  await row.getByRole('button', { name: 'Enable' }).click();
  await page.waitForFunction((app) => document.querySelector(`tr[data-app="${app}"] .status`)?.textContent.trim() === 'enabled',
    arg1, { timeout: TIMEOUT });
  await page.waitForFunction((app) => document.querySelector(`tr[data-app="${app}"] [data-app-field=sync]`)?.textContent === 'Synced',
    arg1, { timeout: TIMEOUT });
  seen.after = { status: (await row.locator('.status').innerText()).trim(), sync: await row.locator('[data-app-field=sync]').innerText(),
    health: await row.locator('[data-app-field=health]').innerText(), notice: await page.textContent('#notice') };
  await activity.waitForSelector('#feed li[data-operation=catalog_enable][data-surface=dashboard][data-type=RUN_FINISHED]', { timeout: TIMEOUT });
  await activity.selectOption('select[name=surface]', 'dashboard');
  seen.feed = await activity.locator('#feed li:visible').evaluateAll((lis) => lis.map((li) => `${li.dataset.surface} ${li.dataset.operation} ${li.dataset.type}`));

  // The same app disabled with the keyboard only: Tab to its button, Enter.
  await page.fill('#search', arg1);
  await page.focus('#search');
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate((app) => document.activeElement?.closest(`tr[data-app="${app}"]`) !== null
      && document.activeElement?.dataset.run === 'catalog_disable', arg1);
  }
  seen.keyboardReached = reached;
  if (reached) {
    await page.keyboard.press('Enter');
    await page.waitForFunction((app) => document.querySelector(`tr[data-app="${app}"] .status`)?.textContent.trim() === 'off',
      arg1, { timeout: TIMEOUT });
  }
  seen.afterDisable = (await row.locator('.status').innerText()).trim();

  // An agent's own activity, live on its page as `agent watch` shows it: its turns keep arriving while the page is open.
  await page.goto(`${base}/agents`);
  await live(page);
  const turn = (agent) => Math.max(0, ...Array.from(document.querySelectorAll(`ol[data-agent-feed="${agent}"] li`))
    .map((li) => Number((/turn (\d+):/.exec(li.textContent) || [0, 0])[1])));
  await page.waitForFunction(([agent]) => /turn \d+:/.test(document.querySelector(`ol[data-agent-feed="${agent}"]`)?.textContent || ''),
    [arg3], { timeout: TIMEOUT });
  const firstTurn = await page.evaluate(turn, arg3);
  await page.waitForFunction(([agent, n]) => Array.from(document.querySelectorAll(`ol[data-agent-feed="${agent}"] li`))
    .some((li) => Number((/turn (\d+):/.exec(li.textContent) || [0, 0])[1]) > n), [arg3, firstTurn], { timeout: TIMEOUT });
  seen.agentWatch = { firstTurn, laterTurn: await page.evaluate(turn, arg3),
    rows: await page.locator(`ol[data-agent-feed="${arg3}"] li`).evaluateAll((lis) => lis.map((li) => ({ type: li.dataset.type,
      run: li.dataset.run, text: li.querySelector('.what').textContent }))) };

  // Agents: a bad name gets the CLI's message; a good one is created, shown, then deleted after the question.
  await page.fill('#agent-create input[name=name]', 'Bad_Name');
  await page.click('#agent-create button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#notice').className === 'bad', null, { timeout: TIMEOUT });
  seen.badAgent = await page.textContent('#notice');
  await page.fill('#agent-create input[name=name]', arg2);
  await page.click('#agent-create button[type=submit]');
  await page.waitForSelector(`section[data-agent="${arg2}"]`, { timeout: TIMEOUT });
  seen.agentCreated = await page.locator(`section[data-agent="${arg2}"] pre`).innerText();
  await page.getByRole('button', { name: `Delete ${arg2}` }).click();
  await page.waitForSelector(`section[data-agent="${arg2}"]`, { state: 'detached', timeout: TIMEOUT });
  seen.agentDeleted = true;

  // The app's history: roll back to the revision before its last change (the commit that enabled it), after the
  // registry's question. Newest first: [0] is the disable, [1] the enable.
  await page.goto(`${base}/apps/${arg1}`);
  await live(page);
  const rollback = page.locator('button[data-run=app_rollback]').nth(1);
  const revision = JSON.parse(await rollback.getAttribute('data-args')).revision;
  seen.rollback = { revision, ...await outcome(page, 'app_rollback', () => rollback.click()) };

  // Snapshots: capture one; change the repo (a profile applied on the catalog page, one commit); restore the
  // snapshot after the registry's question.
  await page.goto(`${base}/snapshots`);
  await live(page);
  await page.fill('#snapshot-capture input[name=name]', 'dashboard-check');
  seen.capture = await outcome(page, 'snapshot_capture', () => page.click('#snapshot-capture button[type=submit]'));
  await page.waitForSelector('tr[data-snapshot="dashboard-check"]', { timeout: TIMEOUT });
  await page.goto(`${base}/catalog`);
  await live(page);
  await page.check(`input[name=profile][value="${arg4}"]`);
  seen.profile = await outcome(page, 'profile_apply', () => page.click('#apply-profiles'));
  await page.goto(`${base}/snapshots`);
  await live(page);
  seen.restore = await outcome(page, 'snapshot_restore',
    () => page.locator('tr[data-snapshot="dashboard-check"] button[data-run=snapshot_restore]').click());

  // Readable on a phone: nothing wider than the screen.
  seen.overflow = {};
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    for (const path of ['/', '/catalog', '/activity']) {
      await page.goto(base + path);
      seen.overflow[`${name} ${path}`] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (seen.overflow[`${name} ${path}`] > 0) {
        // What sticks out, to say in the failure: the innermost elements wider than the screen.
        seen.overflowing = await page.evaluate(() => Array.from(document.querySelectorAll('main *'))
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth && el.children.length === 0)
          .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.slice(0, 80)}`));
      }
    }
  }
  await activity.close();
}

async function noAnswer() {
  const context = await browser.newContext();
  const page = await signedIn(context);
  await page.goto(`${base}/catalog`);
  await live(page);
  await page.route('**/api/agui/run**', (route) => route.abort('connectionrefused'));
  seen.outcome = await outcome(page, 'catalog_enable',
    () => page.locator(`tr[data-app="${arg1}"] button[data-run=catalog_enable]`).click());
  seen.noticeClass = await page.getAttribute('#notice', 'class');
}

async function refused() {
  const context = await browser.newContext();
  const page = await signedIn(context);
  await live(page);
  await page.route('**/api/agui/events**', (route) => route.fulfill({ status: 401, contentType: 'text/plain',
    body: 'not signed in' }));
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#live').className === 'bad', null, { timeout: TIMEOUT });
  seen.live = await page.textContent('#live');
}

async function unreachable() {
  const context = await browser.newContext();
  const page = await signedIn(context);
  const said = async (p) => {
    await p.waitForSelector('#unreachable:not([hidden])', { timeout: TIMEOUT });
    return { banner: await p.textContent('#unreachable'), doctor: await p.textContent('#doctor-summary') };
  };
  seen.first = await said(page);
  const later = watch(await context.newPage());
  await later.goto(`${base}/`);
  seen.later = await said(later);
}

async function screenshot() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await signedIn(context);
  await live(page);
  await page.waitForFunction(() => document.querySelectorAll('#doctor tbody tr').length > 0, null, { timeout: TIMEOUT });
  await page.screenshot({ path: arg1, fullPage: false });
  seen.screenshot = arg1;
}

try {
  await (mode === 'SCREENSHOT' ? screenshot() : mode === 'NO_ANSWER' ? noAnswer()
    : mode === 'UNREACHABLE' ? unreachable() : mode === 'REFUSED' ? refused() : check());
  console.log(JSON.stringify(seen));
} catch (e) {
  console.log(JSON.stringify({ ...seen, failed: String(e && e.stack || e) }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
