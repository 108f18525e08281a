// The people's pages in a real browser: Debian's headless Chromium driven by playwright-core, checked by axe-core
// (@axe-core/playwright). Run by PeoplePagesInBrowserIT with the platform it started; see README.md here.
//
//   1. a person asks for help with JavaScript off and then on, in Welsh and in Arabic, on a 360 px wide screen:
//      first sending the form empty (each problem is shown at its field), then filling it in; they land on the
//      tracking page of their request;
//   2. every page (home, a hub, ask, ask with errors, tracking, tracking lookup, volunteer) in every language: checked by
//      axe for WCAG 2.2 A/AA: any serious or critical violation is reported;
//   3. screenshots of every page at 360 px and 1280 px under TREDEGAR_OUT, and the bytes each of the ask form and
//      the tracking page transfers on a first visit (HTML, CSS and JS, compressed as sent).
//
// Prints progress lines, and last a line "RESULT {json}" that the Java test reads. Exit code 0 only if it ran.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
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
const site = env('TREDEGAR_DASHBOARD_URL');
const out = env('TREDEGAR_OUT');
const executablePath = env('TREDEGAR_CHROMIUM', '/usr/bin/chromium');
const languages = ['en', 'cy', 'es', 'pl', 'ar'];
const log = (message) => console.log(`browser: ${message}`);
const result = { asked: [], violations: [], checked: 0, weights: {}, screenshots: [] };

async function check(page, label) {
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  result.checked++;
  for (const v of scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    result.violations.push({ page: label, id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) });
  }
}

async function shot(page, name) {
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  result.screenshots.push(file);
}

/** Bytes on the wire for a first visit of the page: the document and everything it loaded, as sent. */
async function weight(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    return {
      documentBytes: nav.transferSize,
      subresources: resources.map((r) => `${new URL(r.name).pathname} ${r.transferSize}`),
      totalBytes: nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0),
      thirdParty: resources.filter((r) => new URL(r.name).origin !== location.origin).map((r) => r.name),
    };
  });
}

async function ask(browser, lang, javaScript) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 360, height: 800 },
    isMobile: true });
  const page = await context.newPage();
  const label = `ask-${lang}-js-${javaScript ? 'on' : 'off'}`;
  await page.goto(`${site}/ask?lang=${lang}`);
  await page.locator('button[type=submit]').first().click();
  await page.waitForLoadState();
  const errors = await page.locator('.govuk-error-message').count();
  await shot(page, `${label}-errors-360`);
  const description = `Bara a llaeth ${lang} ${javaScript ? 'js' : 'nojs'} ${Date.now()}`;
  await page.locator('label[for=category]').click(); // the first choice: shopping and food
  await page.fill('#description', description);
  await page.locator('label[for=urgency-urgent]').click();
  await page.fill('#where', 'NP22 3AA');
  await page.locator('label[for=contact-none]').click();
  await Promise.all([page.waitForURL(/\/track\//), page.locator('button[type=submit]').first().click()]);
  const url = new URL(page.url());
  const status = (await page.textContent('#status')).trim();
  await shot(page, `track-${lang}-js-${javaScript ? 'on' : 'off'}-360`);
  result.asked.push({ lang, javaScript, errorsShown: errors, description, trackingPath: url.pathname,
    htmlLang: await page.getAttribute('html', 'lang'), dir: await page.getAttribute('html', 'dir'), status });
  log(`${label}: ${errors} problems shown on the empty form, then ${url.pathname}: "${status}"`);
  await context.close();
  return url.pathname;
}

mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'tredegar-chromium-'));
let browser;
let exitCode = 1;
try {
  browser = await chromium.launch({ executablePath, headless: true,
    // As the machine's notes say: no sandbox as root, no GPU, and no background traffic to hosts we cannot reach.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });

  let trackingPath;
  for (const lang of ['cy', 'ar']) {
    await ask(browser, lang, false);
    trackingPath = await ask(browser, lang, true);
  }

  // First visits, nothing cached: what a phone downloads for the ask form and the tracking page.
  for (const [name, path] of [['ask', '/ask'], ['track', trackingPath]]) {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site}${path}`, { waitUntil: 'load' });
    result.weights[name] = await weight(page);
    await context.close();
  }
  log(`weights: ${JSON.stringify(Object.fromEntries(Object.entries(result.weights).map(([k, v]) => [k, v.totalBytes])))}`);

  // Every page in every language, checked by axe; screenshots at both widths.
  const pages = [['home', '/'], ['hub', '/hubs/tredegar'], ['ask', '/ask'], ['track', trackingPath], ['lookup', '/track'],
    ['volunteer', '/volunteer']];
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const lang of languages) {
      for (const [name, path] of pages) {
        await page.goto(`${site}${path}?lang=${lang}`);
        if (width === 360) {
          await check(page, `${name} ${lang}`);
        }
        await shot(page, `${name}-${lang}-${width}`);
      }
      await page.goto(`${site}/ask?lang=${lang}`);
      await page.locator('button[type=submit]').first().click();
      await page.waitForLoadState();
      if (width === 360) {
        await check(page, `ask with errors ${lang}`);
      }
      await shot(page, `ask-errors-${lang}-${width}`);
    }
    await context.close();
  }
  log(`axe: ${result.checked} pages checked, ${result.violations.length} serious or critical violations`);
  for (const v of result.violations) {
    log(`  ${v.page}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
  }
  exitCode = 0;
} catch (e) {
  result.error = String(e && e.stack || e);
  log(`failed: ${result.error}`);
} finally {
  if (browser) {
    await browser.close();
  }
  rmSync(profile, { recursive: true, force: true });
  console.log(`RESULT ${JSON.stringify(result)}`);
  process.exit(exitCode);
}
