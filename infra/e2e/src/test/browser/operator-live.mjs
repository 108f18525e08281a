// The operator page in a real browser: Debian's headless Chromium driven by playwright-core (never a browser that
// Playwright downloads). Run by OperatorPageInBrowserIT with the platform it started; see README.md here.
//
//   1. open the dashboard's /operator: the web OIDC tenant sends the browser to Keycloak;
//   2. log in there as a demo coordinator and land back on /operator, scoped to the coordinator's hub;
//   3. submit a request through the requests API (as anyone asking for help would) and wait, without reloading,
//      for its row to appear in the hub's "waiting" table; it must be there within TREDEGAR_WAIT_MS of the moment
//      the request was sent. First once to warm up (JIT, first Kafka round trips), then measured (up to
//      TREDEGAR_TRIES tries, for a machine shared with other busy builds; every try's time is reported);
//   4. screenshots under TREDEGAR_OUT, page weights of the operator page and the public pages.
//
// Prints progress lines, and last a line "RESULT {json}" that the Java test reads. Exit code 0 only if all passed.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    throw new Error(`${name} is not set`);
  }
  return value;
};
const dashboard = env('TREDEGAR_DASHBOARD_URL');
const requests = env('TREDEGAR_REQUESTS_URL');
const keycloak = env('TREDEGAR_KEYCLOAK_URL');
const username = env('TREDEGAR_USER', 'coordinator.ebbw-vale');
const password = env('TREDEGAR_PASSWORD', 'demo');
const hub = env('TREDEGAR_HUB', 'ebbw-vale');
const otherHub = env('TREDEGAR_OTHER_HUB', 'tredegar');
const location = JSON.parse(env('TREDEGAR_LOCATION', '{"lat":51.7776,"lon":-3.2066}'));
const waitMs = Number(env('TREDEGAR_WAIT_MS', '2000'));
const tries = Number(env('TREDEGAR_TRIES', '3'));
const out = env('TREDEGAR_OUT');
const executablePath = env('TREDEGAR_CHROMIUM', '/usr/bin/chromium');

const log = (message) => console.log(`browser: ${message}`);
const result = { user: username, hub };

async function submitRequest(description) {
  const sentAt = Date.now();
  const response = await fetch(`${requests}/api/v1/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ category: 'groceries', urgency: 'urgent', description, location, language: 'en' }),
  });
  const body = await response.json();
  if (response.status !== 202 || !body.id) {
    throw new Error(`the requests API answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return { id: body.id, sentAt };
}

/**
 * Waits, without reloading, until the request's row (its short id) is in the hub's waiting table; returns the ms
 * from sending the request to the row being there.
 */
async function waitForRow(page, request, timeoutMs) {
  const shortId = request.id.substring(0, 8);
  const remaining = Math.max(1, request.sentAt + timeoutMs - Date.now());
  try {
    await page.waitForFunction(({ tbody, shortId }) => {
      const body = document.getElementById(tbody);
      return !!body && Array.from(body.querySelectorAll('td')).some((td) => td.textContent === shortId);
    }, { tbody: `${hub}-waiting`, shortId }, { timeout: remaining, polling: 20 });
  } catch (e) {
    const rows = await page.locator(`#${hub}-waiting tr`).count();
    throw new Error(`request ${shortId} did not appear on the operator page within ${timeoutMs} ms of being sent `
      + `(the waiting table has ${rows} rows; connection badge: "${await page.textContent('#connection')}")`);
  }
  return Date.now() - request.sentAt;
}

/** Bytes the browser received for the page and what it loaded (event streams excluded: they never end). */
async function weight(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource').filter((r) => !r.name.includes('/stream'));
    const sum = (key) => resources.reduce((n, r) => n + (r[key] || 0), 0);
    return {
      htmlBytes: nav.decodedBodySize,
      subresources: resources.map((r) => `${new URL(r.name).pathname} ${r.decodedBodySize}`),
      totalBytes: nav.decodedBodySize + sum('decodedBodySize'),
    };
  });
}

mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'tredegar-chromium-'));
let context;
let exitCode = 1;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    // As the machine's notes say: no sandbox as root, no GPU, and no background traffic to hosts we cannot reach.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const navigations = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
  page.on('pageerror', (error) => log(`page error: ${error.message}`));

  // 1. Not logged in: the dashboard's web tenant redirects to Keycloak's login page.
  await page.goto(`${dashboard}/operator`);
  const loginUrl = page.url();
  if (!loginUrl.startsWith(`${keycloak}/realms/tredegar/protocol/openid-connect/auth`)) {
    throw new Error(`expected Keycloak's login page, got ${loginUrl}`);
  }
  log(`redirected to Keycloak: ${new URL(loginUrl).pathname} (client ${new URL(loginUrl).searchParams.get('client_id')})`);

  // 2. Log in; Keycloak sends the browser back to the dashboard with a code, the dashboard opens a session.
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${dashboard}/operator**`, { timeout: 30000 }), page.click('#kc-login')]);
  await page.waitForSelector(`#hub-${hub}`);
  const heading = await page.textContent('h1');
  const signedIn = await page.textContent('header');
  if (!heading.includes('Operator dashboard') || !signedIn.includes(username)) {
    throw new Error(`not the operator page after login: "${heading}" / "${signedIn}"`);
  }
  if (await page.locator(`#hub-${otherHub}`).count() !== 0) {
    throw new Error(`${username} sees hub ${otherHub}, which is not theirs`);
  }
  await page.waitForFunction(() => document.getElementById('connection').textContent === 'Live updates on',
    null, { timeout: 15000 });
  log(`logged in as ${username}, on ${new URL(page.url()).pathname}, live updates on`);
  result.operatorPage = await weight(page);
  await page.screenshot({ path: join(out, 'operator-after-login.png'), fullPage: true });
  await page.evaluate(() => { window.tredegarLoadedOnce = true; });
  const navigationsBefore = navigations.length;

  // 3. New requests: a warm-up (first Kafka round trips, cold code paths), then measured.
  const warmUp = await submitRequest('Weekly shop (browser test, warm-up)');
  result.warmUpLatencyMs = await waitForRow(page, warmUp, 60000);
  log(`warm-up request ${warmUp.id.substring(0, 8)} appeared after ${result.warmUpLatencyMs} ms`);
  // Measured: the row must be there within waitMs of sending. On a machine shared with other busy builds one try
  // can miss that; up to TREDEGAR_TRIES tries are made, each one's time is reported (rows must always appear).
  result.waitLimitMs = waitMs;
  result.triesMs = [];
  for (let i = 1; i <= tries && result.latencyMs === undefined; i++) {
    const measured = await submitRequest(`Weekly shop (browser test ${i})`);
    const ms = await waitForRow(page, measured, 30000);
    result.triesMs.push(ms);
    if (ms <= waitMs) {
      result.requestId = measured.id;
      result.latencyMs = ms;
    } else {
      log(`try ${i}: request ${measured.id.substring(0, 8)} appeared after ${ms} ms, later than ${waitMs} ms`);
    }
  }
  if (result.latencyMs === undefined) {
    throw new Error(`no request appeared within ${waitMs} ms of being sent (${tries} tries: ${result.triesMs} ms)`);
  }
  const sameDocument = await page.evaluate(() => window.tredegarLoadedOnce === true);
  result.reloaded = !sameDocument || navigations.length !== navigationsBefore;
  if (result.reloaded) {
    throw new Error(`the page was reloaded or navigated while waiting: ${navigations.slice(navigationsBefore)}`);
  }
  log(`request ${result.requestId.substring(0, 8)} appeared on the operator page ${result.latencyMs} ms after it was `
    + `sent, without a reload`);
  result.screenshot = join(out, 'operator-live.png');
  await page.locator(`#${hub}-waiting`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: result.screenshot, fullPage: true });

  // 4. The public pages: no login, light.
  const publicPage = await context.newPage();
  result.publicPages = {};
  for (const path of ['/', `/hubs/${hub}`]) {
    await publicPage.goto(`${dashboard}${path}`);
    result.publicPages[path] = await weight(publicPage);
  }
  await publicPage.screenshot({ path: join(out, 'public-hub.png'), fullPage: true });
  log(`page weights: operator ${result.operatorPage.totalBytes} B, public ${JSON.stringify(
    Object.fromEntries(Object.entries(result.publicPages).map(([k, v]) => [k, v.totalBytes])))} B`);

  // 5. Sign out: Keycloak ends the session and sends the browser back to this dashboard (whatever its port), and
  //    the operator page asks for a login again.
  // Keycloak comes back with its `state` in the query: the page is the public one whatever the query says.
  await Promise.all([
    page.waitForURL((url) => url.origin === new URL(dashboard).origin && url.pathname === '/', { timeout: 30000 }),
    page.click('a[href="/operator/logout"]')]);
  await page.goto(`${dashboard}/operator`);
  result.signedOut = page.url().startsWith(`${keycloak}/realms/tredegar/protocol/openid-connect/auth`);
  if (!result.signedOut) {
    throw new Error(`after signing out, /operator did not ask for a login again: ${page.url()}`);
  }
  log('signed out: back on the public page, /operator asks for a login again');
  exitCode = 0;
} catch (e) {
  result.error = String(e && e.message ? e.message : e);
  log(`FAILED: ${result.error}`);
  if (context) {
    for (const [i, p] of context.pages().entries()) {
      await p.screenshot({ path: join(out, `failure-${i}.png`), fullPage: true }).catch(() => {});
    }
  }
} finally {
  if (context) {
    await context.close().catch(() => {});
  }
  rmSync(profile, { recursive: true, force: true });
}
console.log(`RESULT ${JSON.stringify(result)}`);
process.exit(exitCode);
