// End-to-end test of the "Collectivités comparables" section of /conseil
// (searchd/web/static/comparables.js) in headless Chromium, against the
// daemon run.sh starts on the bundled corpus (whose experience reports name
// their collectivities).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

const BASE = process.env.TEC_BASE_URL;
const ARTIFACTS = process.env.TEC_ARTIFACTS || 'artifacts';
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
if (!BASE) throw new Error('TEC_BASE_URL manquant : lancer par tests/browser/run.sh');
mkdirSync(ARTIFACTS, { recursive: true });

const fr = (text) => text.replace(/[\u202f\u00a0]/g, ' ');

// The whole suite's limit, generous: beside the other tests (ctest -j2) a
// suite runs far slower than alone; each page action keeps Playwright's own limit.
describe('console conseil : collectivités comparables', { timeout: 240_000 }, () => {
  let browser;
  let context;
  let page;
  let problems;

  before(async () => { browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true }); });
  after(async () => { await browser?.close(); });
  beforeEach(async () => {
    problems = [];
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} : ${r.url()}`); });
  });
  afterEach(async () => {
    await context?.close();
    assert.deepEqual(problems, [], 'aucune erreur de console, de page ni de requête');
  });

  test('Montaud, éclairage public : Montpeyroux d’abord, avec sa distance et son retour d’expérience', async () => {
    await page.goto(`${BASE}/conseil?insee=34164&themes=%C3%A9clairage%20public&now=2026-11-27`);
    const section = page.locator('#comparables');
    await section.waitFor({ state: 'visible' });
    await page.locator('#comparables-liste > li[data-code]').first().waitFor();
    assert.equal(await page.textContent('#comparables-titre'), 'Collectivités comparables');
    const premier = page.locator('#comparables-liste > li').first();
    assert.equal(await premier.getAttribute('data-code'), '34173');
    assert.equal(await premier.locator('h3').textContent(), 'Montpeyroux');
    assert.match(fr(await premier.locator('.extrait').textContent()), /^1 449 habitants · à \d+ km$/);
    const raisons = (await premier.locator('.raisons li').allTextContents()).map(fr);
    assert.match(raisons[0], /^Commune de 1 449 habitants à \d+ km$/);
    assert.ok(raisons.some((r) => r.startsWith('A mené : ') && r.endsWith(' en 2024')), raisons.join(' | '));
    const lien = premier.locator('.ressources-pair a').first();
    assert.match(await lien.textContent(), /^Montpeyroux/);
    assert.ok((await lien.getAttribute('href')).length > 0);
    // Every peer listed is a commune of Montaud's size class: no city, no département.
    for (const code of await page.$$eval('#comparables-liste > li[data-code]', (l) => l.map((x) => x.dataset.code))) {
      assert.equal(code.length, 5, code);
    }
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'conseil-comparables.png'), fullPage: false });
  });

  test('sans collectivité choisie, la section reste cachée', async () => {
    await page.goto(`${BASE}/conseil?themes=%C3%A9clairage%20public&now=2026-11-27`);
    await page.locator('#ressources').waitFor({ state: 'visible' });
    assert.ok(await page.locator('#comparables').isHidden());
  });
});
