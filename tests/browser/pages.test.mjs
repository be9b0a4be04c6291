// End-to-end tests of the pages of tec-searchd (/, /conseil and a resource's
// page) in headless Chromium, against a daemon serving the bundled corpus and
// tests/browser/donnees/ (a resource without url). Started by run.sh,
// which sets TEC_BASE_URL (http://127.0.0.1:PORT), TEC_ARTIFACTS (screenshots)
// and CHROMIUM (the browser binary).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

const BASE = process.env.TEC_BASE_URL;
const ARTIFACTS = process.env.TEC_ARTIFACTS || 'artifacts';
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const NOW = '2026-11-27';
const WIDTH = 1280;
const HEIGHT = 720;
const TELEPHONE = { width: 390, height: 844 };
// tests/browser/donnees/ressource-sans-adresse.jsonl: a record without url.
const SANS_ADRESSE = { source: 'anct', id: 'fiche-stand-mobile-participation', page: '/ressources/anct/fiche-stand-mobile-participation' };
if (!BASE) throw new Error('TEC_BASE_URL manquant : lancer par tests/browser/run.sh');
mkdirSync(ARTIFACTS, { recursive: true });

let browser;
let context;
let page;
let problems; // console errors, page errors, failed or external requests

// Numbers as the French locale prints them ("1 014" with a narrow no-break space).
const fr = (text) => text.replace(/[\u202f\u00a0]/g, ' ');

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: false });
}

// Texts of the listed results (titles) and their type codes.
const resultats = () => page.$$eval('#liste .carte', (cartes) => cartes.map((c) => ({
  type: c.dataset.type,
  badge: c.querySelector('.badge-type').textContent,
  titre: c.querySelector('.carte-titre').textContent,
})));

// A test that leaves a screenshot of the page when it fails (echec-N.png).
let echecs = 0;
function essai(nom, corps) {
  test(nom, async () => {
    try {
      await corps();
    } catch (erreur) {
      echecs += 1;
      await page?.screenshot({ path: join(ARTIFACTS, `echec-${echecs}.png`), fullPage: true }).catch(() => {});
      throw erreur;
    }
  });
}

// The page numbers and ellipses of the pagination, without Précédente/Suivante.
const numerosPagination = () => page.$$eval('#pagination li', (lis) => lis.slice(1, -1)
  .map((li) => (li.classList.contains('ellipse') ? '…' : li.textContent)));

// Whether a box lies wholly inside the window, as scrolled now.
const dansLaFenetre = (boite, hauteur) => boite && boite.y >= 0 && boite.y + boite.height <= hauteur;

// Waits until the search page has rendered the answer for the current URL.
async function attendreRecherche() {
  await page.waitForFunction(() => !document.querySelector('#zone-resultats').hasAttribute('aria-busy')
    && document.querySelector('#statut').textContent !== '');
}

// The whole suite's limit: 42 s alone on a 2-core machine, beyond 60 s beside
// the other tests (ctest -j2); each page action keeps Playwright's own limit.
describe('pages de tec-searchd', { timeout: 240_000 }, () => {
  before(async () => {
    browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true });
  });
  after(async () => { await browser?.close(); });

  beforeEach(async () => {
    problems = [];
    context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => {
      // Requests the page aborts itself (a newer keystroke) are expected.
      if (!/ERR_ABORTED/.test(r.failure()?.errorText || '')) problems.push(`requête échouée : ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('request', (r) => { if (!r.url().startsWith(BASE) && !r.url().startsWith('data:')) problems.push(`requête externe : ${r.url()}`); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} : ${r.url()}`); });
  });

  afterEach(async () => {
    await context?.close();
    assert.deepEqual(problems, [], 'aucune erreur de console, de page ni de requête');
  });

  essai('mots ignorés : signalés, et rien plutôt que toute la base', async () => {
    await page.goto(`${BASE}/?q=de+la`);
    await page.locator('#ignores').waitFor();
    assert.equal(fr(await page.textContent('#ignores')), 'mots ignorés : de (mot vide), la (mot vide)');
    await page.goto(`${BASE}/?q=budget+${'a'.repeat(70)}`);
    await attendreRecherche();
    await page.locator('#ignores').waitFor();
    assert.equal(fr(await page.textContent('#ignores')), `mot ignoré : ${'a'.repeat(24)}… (trop long)`);
    await page.goto(`${BASE}/?q=budget`);
    await attendreRecherche();
    assert.ok(await page.locator('#ignores').isHidden());
  });

  essai('recherche avec une faute : correction proposée et mots surlignés', async () => {
    await page.goto(`${BASE}/`);
    await attendreRecherche();
    assert.match(fr(await page.textContent('#statut')), /^\d[\d ]* ressources — page 1 sur \d+$/, 'sans requête : toute la base');
    await page.fill('#q', 'budjet participatf');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\?q=budjet\+participatf$/);
    await page.locator('#correction').waitFor();
    assert.equal(fr(await page.textContent('#correction')), 'Essayez avec : budget participatif');
    await attendreRecherche();
    const marques = await page.$$eval('#liste .carte-titre mark', (m) => m.map((x) => x.textContent.toLowerCase()));
    assert.ok(marques.includes('budget'), `un titre a « budget » surligné (${marques})`);
    assert.ok(await page.locator('#liste .extrait mark').count() > 0, 'extraits surlignés');
    // The snippet's HTML is the server's, escaped: no raw "&#39;" shown as text.
    assert.ok(!(await page.textContent('#liste')).includes('&#39;'));
    await shot('search.png');

    await page.click('#correction a');
    await page.waitForURL(/\?q=budget\+participatif$/);
    await attendreRecherche();
    assert.equal(await page.inputValue('#q'), 'budget participatif');
    assert.ok((await page.textContent('#statut')).includes('« budget participatif »'));
    assert.ok(await page.locator('#correction').isHidden());
    assert.match(await page.title(), /^budget participatif — /);
  });

  essai('suggestions pendant la saisie, au clavier', async () => {
    await page.goto(`${BASE}/`);
    await attendreRecherche();
    const champ = page.locator('#q');
    await champ.focus();
    await champ.pressSequentially('budget partic', { delay: 30 });
    const options = page.locator('#suggestions [role="option"]');
    await page.locator('#suggestions[data-pour="budget partic"] [role="option"]').first().waitFor();
    assert.equal(await champ.getAttribute('aria-expanded'), 'true');
    assert.equal(await champ.getAttribute('role'), 'combobox');
    const textes = await options.allTextContents();
    assert.match(textes[0], /^budget participatif/);
    assert.ok(await page.locator('#suggestions [role="group"]').count() >= 1, 'options groupées');
    await shot('suggest.png');

    await page.keyboard.press('ArrowDown');
    const premiere = await options.first().getAttribute('id');
    assert.equal(await champ.getAttribute('aria-activedescendant'), premiere);
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    assert.equal(await champ.getAttribute('aria-activedescendant'), premiere);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=budget\+participatif$/);
    await attendreRecherche();
    assert.equal(await champ.inputValue(), 'budget participatif');
    assert.equal(await champ.getAttribute('aria-expanded'), 'false');
    assert.ok(await page.locator('#suggestions').isHidden());
    assert.ok(await page.locator('#liste .carte').count() > 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'le focus reste dans le champ');

    // Escape closes the list without searching.
    await champ.press('End');
    await champ.pressSequentially(' jeun', { delay: 30 });
    await page.locator('#suggestions[data-pour="budget participatif jeun"] [role="option"]').first().waitFor();
    await page.keyboard.press('Escape');
    assert.ok(await page.locator('#suggestions').isHidden());
    assert.equal(await champ.getAttribute('aria-expanded'), 'false');
    assert.match(page.url(), /\?q=budget\+participatif$/);
  });

  essai('filtre par facette, adresse partageable, retour arrière', async () => {
    await page.goto(`${BASE}/?q=budget+participatif`);
    await attendreRecherche();
    const avant = await resultats();
    assert.ok(avant.some((r) => r.type !== 'methode'), 'plusieurs types avant le filtre');
    const statutAvant = await page.textContent('#statut');

    // With the keyboard: Space toggles the box, which keeps the focus.
    const methode = page.getByRole('checkbox', { name: /^Méthode \d+/ });
    await methode.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/[?&]type=methode(&|$)/);
    await page.waitForFunction(() => {
      const cartes = [...document.querySelectorAll('#liste .carte')];
      return cartes.length > 0 && cartes.every((c) => c.dataset.type === 'methode');
    });
    await page.waitForFunction(() => document.activeElement?.id === 'f-type-methode');
    const filtres = await resultats();
    for (const r of filtres) assert.equal(r.badge, 'Méthode', r.titre);
    assert.ok(await page.getByRole('checkbox', { name: /^Méthode \d+/ }).isChecked());
    assert.ok(await page.getByRole('button', { name: 'Retirer le filtre Méthode' }).isVisible());
    await shot('facet.png');

    // The URL alone gives the same page (shareable).
    const url = page.url();
    const autre = await context.newPage();
    await autre.goto(url);
    await autre.waitForFunction(() => document.querySelectorAll('#liste .carte').length > 0);
    assert.deepEqual(await autre.$$eval('#liste .carte', (c) => c.map((x) => x.dataset.type)), filtres.map((r) => r.type));
    assert.ok(await autre.getByRole('checkbox', { name: /^Méthode \d+/ }).isChecked());
    await autre.close();

    await page.goBack();
    await page.waitForURL(/\?q=budget\+participatif$/);
    await page.waitForFunction((n) => document.querySelectorAll('#liste .carte').length === n
      && [...document.querySelectorAll('#liste .carte')].some((c) => c.dataset.type !== 'methode'), avant.length);
    assert.deepEqual(await resultats(), avant);
    assert.equal(await page.textContent('#statut'), statutAvant);
    assert.ok(!(await page.getByRole('checkbox', { name: /^Méthode \d+/ }).isChecked()));

    // Pagination is in the URL too.
    await page.getByRole('link', { name: 'Suivante' }).click();
    await page.waitForURL(/[?&]page=2$/);
    await attendreRecherche();
    assert.match(await page.textContent('#statut'), /page 2 sur/);
    assert.equal(await page.getAttribute('#liste', 'start'), '11');
  });

  essai('aucun résultat : pistes et thèmes proposés', async () => {
    await page.goto(`${BASE}/?q=zzqxwv`);
    await page.locator('#vide .liens-themes a').first().waitFor();
    assert.match(await page.textContent('#vide h3'), /Aucune ressource ne correspond à « zzqxwv »/);
    const theme = page.locator('#vide .liens-themes a').first();
    const nom = (await theme.textContent()).replace(/\s*\(.*$/, '');
    await theme.click();
    await page.waitForURL(/\/\?theme=/);
    await attendreRecherche();
    assert.equal(await page.inputValue('#q'), '');
    const motif = nom.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.ok(await page.getByRole('checkbox', { name: new RegExp(`^${motif} \\d+`) }).isChecked());
    assert.ok(await page.locator('#liste .carte').count() > 0);
  });

  essai('console conseil : Montaud, éclairage public, ressources et ateliers à venir', async () => {
    await page.goto(`${BASE}/conseil?now=${NOW}`);
    const collectivite = page.locator('#collectivite');
    await collectivite.focus();
    await collectivite.pressSequentially('Montaud', { delay: 30 });
    const options = page.locator('#collectivites [role="option"]');
    await page.locator('#collectivites[data-pour="Montaud"] [role="option"]').first().waitFor();
    const textes = await options.allTextContents();
    const rang = textes.findIndex((t) => t.startsWith('Montaud (34)'));
    assert.ok(rang >= 0, `Montaud (34) proposé : ${textes}`);
    assert.match(fr(textes[rang]), /Commune · Hérault \(34\) · 1 014 habitants/);
    for (let i = 0; i <= rang; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await collectivite.inputValue(), 'Montaud (34)');
    assert.match(await page.textContent('#collectivite-choisie'), /INSEE 34164/);

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'theme-saisie', 'ordre de tabulation');
    await page.keyboard.type('eclairage');
    await page.locator('#themes-liste[data-pour="eclairage"] [role="option"]', { hasText: 'Éclairage public' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Retirer le thème éclairage public' }).waitFor();
    await page.keyboard.press('Control+Enter');

    await page.locator('#profil h2').waitFor();
    await page.waitForURL(/insee=34164/);
    assert.match(page.url(), /themes=%C3%A9clairage\+public/);
    assert.match(page.url(), new RegExp(`now=${NOW}`));
    const profil = fr(await page.textContent('#profil'));
    assert.match(profil, /Montaud/);
    assert.match(profil, /1 014 habitants/);
    assert.match(profil, /Hérault \(34\)/);
    assert.match(profil, /Montpellier Méditerranée Métropole/);

    const ressources = page.locator('#ressources-liste > li');
    assert.ok(await ressources.count() >= 3, 'au moins 3 ressources');
    for (const li of await ressources.all()) {
      assert.ok(await li.locator('h3 a').count() === 1);
      assert.ok(await li.locator('.raisons li').count() >= 1, 'chaque ressource a ses raisons');
    }
    assert.match(await ressources.first().locator('.raisons').textContent(), /éclairage public/);

    const ateliers = page.locator('#ateliers-liste > li');
    assert.ok(await ateliers.count() >= 1, 'au moins un atelier');
    const dates = await page.$$eval('#ateliers-liste .sessions time', (t) => t.map((x) => x.getAttribute('datetime')));
    assert.ok(dates.length >= 1, 'des sessions affichées');
    for (const d of dates) assert.ok(d.slice(0, 10) >= NOW, `session ${d} à partir du ${NOW}`);
    assert.match(fr(await page.textContent('#ateliers-date')), /27 novembre 2026/);
    await shot('conseil.png');

    // Search scoped to the profile's themes.
    await page.fill('#q-profil', 'concertation');
    const reponse = page.waitForResponse((r) => r.url().includes('/v1/search?') && r.url().includes('theme='));
    await page.press('#q-profil', 'Enter');
    const recherche = await (await reponse).json();
    assert.ok(recherche.total > 0);
    await page.locator('#liste-profil .carte').first().waitFor();
    assert.match(await page.textContent('#statut-profil'), /dans les thèmes du profil/);
    assert.ok(recherche.facets.theme.some((f) => f.value === 'éclairage public' && f.count === recherche.total));
  });

  essai('console conseil depuis l’adresse : sessions après la date donnée', async () => {
    const plusTard = '2027-03-01';
    await page.goto(`${BASE}/conseil?insee=34164&themes=%C3%A9clairage%20public&prefers_online=true&now=${plusTard}`);
    await page.locator('#profil h2').waitFor();
    assert.equal(await page.inputValue('#collectivite'), 'Montaud (34)');
    assert.ok(await page.locator('#distance').isChecked());
    const dates = await page.$$eval('#ateliers-liste .sessions time', (t) => t.map((x) => x.getAttribute('datetime')));
    assert.ok(dates.length >= 1);
    for (const d of dates) assert.ok(d.slice(0, 10) >= plusTard, `session ${d} à partir du ${plusTard}`);

    // An unknown code gives the server's message, not a broken page; the 404
    // itself is all that the browser reports.
    assert.deepEqual(problems, []);
    await page.goto(`${BASE}/conseil?insee=99999&now=${NOW}`);
    await page.locator('#erreur').waitFor();
    assert.match(await page.textContent('#erreur'), /inconnu.*« 99999 »/);
    assert.ok(await page.locator('#profil').isHidden());
    assert.ok(problems.length >= 1 && problems.every((p) => /^HTTP 404 : .*\/v1\/recommend\?insee=99999/.test(p)
      || p === 'console.error: Failed to load resource: the server responded with a status of 404 (Not Found)'), problems.join('\n'));
    problems = [];
  });

  essai('accessibilité et 1280×720 sur les trois pages', async () => {
    for (const chemin of ['/', `/conseil?now=${NOW}`, SANS_ADRESSE.page]) {
      await page.goto(`${BASE}${chemin}`);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
      for (const role of ['banner', 'main', 'navigation', 'contentinfo']) {
        assert.ok(await page.getByRole(role).count() >= 1, `${chemin} : repère ${role}`);
      }
      assert.equal(await page.locator('h1').count(), 1, `${chemin} : un seul h1`);
      assert.match(await page.textContent('header'), /Territoires en commun — Recherche/);
      const sansEtiquette = await page.$$eval('input, select, textarea', (champs) => champs
        .filter((c) => c.type !== 'hidden' && !c.labels?.length && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby'))
        .map((c) => c.id || c.name));
      assert.deepEqual(sansEtiquette, [], `${chemin} : tout champ a son étiquette`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${chemin} : pas de défilement horizontal`);
      assert.ok(await page.evaluate(() => getComputedStyle(document.body).fontFamily.startsWith('Marianne')));

      // First Tab reaches the skip link, shown with a visible focus ring.
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const e = document.activeElement;
        const s = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        return { texte: e.textContent, outline: s.outlineStyle, visible: r.left >= 0 && r.top >= 0 && r.width > 0 };
      });
      assert.match(focus.texte, /^Aller au/);
      assert.notEqual(focus.outline, 'none');
      assert.ok(focus.visible, 'lien d’évitement visible au focus');
    }
    // At 1280×720 the main field of each page is in the first screen, and the
    // filters are shown beside the results (the phone's button is not).
    await page.goto(`${BASE}/`);
    const champ = await page.locator('#q').boundingBox();
    assert.ok(champ.y + champ.height <= HEIGHT);
    await page.locator('#facettes fieldset').first().waitFor();
    assert.ok(await page.locator('#bouton-filtres').isHidden());
    await page.goto(`${BASE}/conseil?now=${NOW}`);
    const bouton = await page.getByRole('button', { name: 'Recommander' }).boundingBox();
    assert.ok(bouton, 'bouton Recommander présent');
    const collectivite = await page.locator('#collectivite').boundingBox();
    assert.ok(collectivite.y + collectivite.height <= HEIGHT);
  });

  essai('téléphone (390×844) : les résultats d’abord, les filtres derrière un bouton', async () => {
    await page.setViewportSize(TELEPHONE);
    await page.goto(`${BASE}/?q=budget`);
    await attendreRecherche();
    const titre = await page.locator('#liste .carte-titre').first().boundingBox();
    assert.ok(dansLaFenetre(titre, TELEPHONE.height), `premier résultat dans le premier écran (y = ${titre.y})`);
    assert.ok(await page.locator('#facettes').isHidden(), 'filtres repliés');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'pas de défilement horizontal');
    const bouton = page.getByRole('button', { name: /^Filtres/ });
    assert.equal(await bouton.getAttribute('aria-expanded'), 'false');
    assert.equal(await bouton.getAttribute('aria-controls'), 'filtres');
    await shot('telephone.png');

    // From the keyboard: Enter unfolds, Tab reaches the first box, Space filters.
    await bouton.focus();
    await page.keyboard.press('Enter');
    assert.equal(await bouton.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('#facettes fieldset').first().isVisible());
    await page.keyboard.press('Tab');
    const coche = await page.evaluate(() => ({ type: document.activeElement.type, dansFiltres: Boolean(document.activeElement.closest('#facettes')) }));
    assert.deepEqual(coche, { type: 'checkbox', dansFiltres: true }, 'Tab mène à la première case');
    await page.keyboard.press('Space');
    await page.waitForURL(/[?&]type=/);
    await attendreRecherche();
    await page.getByRole('button', { name: 'Filtres (1 actif)' }).waitFor();
    assert.equal(await bouton.getAttribute('aria-expanded'), 'true', 'reste ouvert pendant le choix');
    await shot('telephone-filtres.png');

    // "Voir les résultats" folds the filters and leads to the list.
    await page.getByRole('button', { name: 'Voir les résultats' }).press('Enter');
    assert.equal(await bouton.getAttribute('aria-expanded'), 'false');
    assert.ok(await page.locator('#facettes').isHidden());
    assert.equal(await page.evaluate(() => document.activeElement.id), 'resultats-titre');
    assert.ok(dansLaFenetre(await page.locator('#liste .carte-titre').first().boundingBox(), TELEPHONE.height));
    await bouton.press('Space');
    assert.equal(await bouton.getAttribute('aria-expanded'), 'true', 'Espace déplie aussi');

    // The two other pages have no horizontal scroll either.
    for (const chemin of [`/conseil?now=${NOW}`, SANS_ADRESSE.page]) {
      await page.goto(`${BASE}${chemin}`);
      await page.waitForLoadState('networkidle');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${chemin} : pas de défilement horizontal`);
    }
  });

  essai('console conseil à 1280×720 : le formulaire tient, puis profil et ressources sans défiler', async () => {
    await page.goto(`${BASE}/conseil?now=${NOW}`);
    await page.locator('#collectivite').pressSequentially('Montaud', { delay: 30 });
    await page.locator('#collectivites[data-pour="Montaud"] [role="option"]', { hasText: 'Montaud (34)' }).first().click();
    for (const theme of ['eclairage', 'energie']) {
      await page.locator('#theme-saisie').fill(theme);
      await page.locator(`#themes-liste[data-pour="${theme}"] [role="option"]`).first().waitFor();
      await page.locator('#theme-saisie').press('ArrowDown');
      await page.locator('#theme-saisie').press('Enter');
    }
    assert.equal(await page.locator('#themes-choisis li').count(), 2);
    await page.getByLabel('Élus', { exact: true }).check();
    await page.locator('#besoin').fill('associer les habitants à la décision');

    const bouton = page.getByRole('button', { name: 'Recommander' });
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    const boite = await bouton.boundingBox();
    assert.ok(dansLaFenetre(boite, HEIGHT), `bouton Recommander dans l’écran (y = ${boite.y}–${boite.y + boite.height})`);
    await shot('conseil-formulaire.png');

    await bouton.click();
    await page.locator('#profil h2').waitFor();
    await page.locator('#ressources-liste > li h3').first().waitFor();
    assert.ok(dansLaFenetre(await page.locator('#profil h2').boundingBox(), HEIGHT), 'profil résolu visible');
    assert.ok(dansLaFenetre(await page.locator('#profil dl').boundingBox(), HEIGHT), 'détail du profil visible');
    assert.ok(dansLaFenetre(await page.locator('#ressources-liste > li h3').first().boundingBox(), HEIGHT), 'première ressource visible');
    await shot('conseil-1280x720.png');
  });

  essai('ressource sans adresse : sa page, rendue depuis l’API, et le retour aux résultats', async () => {
    await page.goto(`${BASE}/?q=stand+mobile`);
    await attendreRecherche();
    const hrefs = await page.$$eval('#liste .carte-titre a', (a) => a.map((x) => x.getAttribute('href')));
    assert.ok(hrefs.every(Boolean), `aucun lien vide : ${hrefs}`);
    const carte = page.locator(`#liste .carte[data-id="${SANS_ADRESSE.id}"]`);
    assert.equal(await carte.locator('.carte-titre a').getAttribute('href'), SANS_ADRESSE.page);
    assert.equal(await carte.locator('.adresse').textContent(), 'Fiche de la base Territoires en commun');

    await carte.locator('.carte-titre a').click();
    await page.waitForURL(`${BASE}${SANS_ADRESSE.page}`);
    await page.locator('#fiche-titre', { hasText: 'Le stand mobile' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('#contenu').hasAttribute('aria-busy'));
    assert.equal(await page.title(), 'Le stand mobile de la participation : fiche pratique — Territoires en commun');
    assert.deepEqual(await page.$$eval('#fiche-badges .badge', (b) => b.map((x) => x.textContent)), ['Guide', 'ANCT']);
    assert.match(await page.textContent('#fiche-resume'), /^Une table, deux panneaux/);
    const details = await page.$$eval('#fiche-details dt', (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));
    assert.equal(details['Thèmes'], 'Démocratie locale, Espaces publics');
    assert.equal(details['Niveaux de participation'], 'Consulter');
    assert.equal(details['Publics'], 'Élus, Habitants');
    assert.equal(fr(details['Collectivités visées']), 'Commune — jusqu’à 5 000 habitants');
    assert.equal(details['Format'], 'En présentiel');
    assert.equal(details['Publication'], '12 mars 2025');
    assert.ok(await page.locator('#fiche-lien').isHidden(), 'pas de lien vers un partenaire');
    // The body's HTML: lists and emphasis kept, script and handler dropped.
    assert.equal(await page.locator('#corps li').count(), 3);
    assert.equal(await page.textContent('#corps strong'), 'ni site web ni inscription');
    assert.equal(await page.locator('#corps script, #corps [onclick]').count(), 0);
    assert.match(await page.textContent('#corps'), /n’existe que dans la base\.$/);
    await shot('ressource.png');

    const retour = page.getByRole('link', { name: 'Retour aux résultats' });
    assert.equal(await retour.getAttribute('href'), '/?q=stand+mobile');
    await retour.press('Enter');
    await page.waitForURL(/\/\?q=stand\+mobile$/);
    await attendreRecherche();
    assert.equal(await page.inputValue('#q'), 'stand mobile');

    // A title among the suggestions leads to the same page.
    await page.locator('#q').fill('');
    await page.locator('#q').pressSequentially('stand mob', { delay: 30 });
    await page.locator('#suggestions[data-pour="stand mob"] [role="option"]', { hasText: 'Le stand mobile' }).click();
    await page.waitForURL(`${BASE}${SANS_ADRESSE.page}`);
    await page.locator('#fiche-titre', { hasText: 'Le stand mobile' }).waitFor();

    // Opened directly (no search before), the link leads to the search page.
    await page.goto(`${BASE}${SANS_ADRESSE.page}`);
    await page.locator('#fiche-titre', { hasText: 'Le stand mobile' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Rechercher une ressource' }).getAttribute('href'), '/');

    // An unknown resource: the server's message, and a 404 from the API only.
    assert.deepEqual(problems, []);
    await page.goto(`${BASE}/ressources/anct/inconnue`);
    await page.locator('#erreur').waitFor();
    assert.equal(await page.textContent('h1'), 'Ressource introuvable');
    assert.match(await page.textContent('#erreur'), /^Aucune ressource « inconnue » dans la source « anct »/);
    assert.ok(problems.length >= 1 && problems.every((p) => /^HTTP 404 : .*\/v1\/resources\/anct\/inconnue$/.test(p)
      || p === 'console.error: Failed to load resource: the server responded with a status of 404 (Not Found)'), problems.join('\n'));
    problems = [];
  });

  essai('page au-delà de la dernière : la dernière page, et un mot pour le dire', async () => {
    await page.goto(`${BASE}/?q=budget`);
    await attendreRecherche();
    const pages = Number(fr(await page.textContent('#statut')).match(/page 1 sur (\d+)$/)[1]);
    assert.ok(pages >= 2 && pages < 99);
    await page.goto(`${BASE}/?q=budget&page=99`);
    await page.waitForURL(new RegExp(`\\?q=budget&page=${pages}$`));
    await attendreRecherche();
    assert.match(fr(await page.textContent('#statut')), new RegExp(`page ${pages} sur ${pages}$`));
    assert.ok(await page.locator('#liste .carte').count() > 0, 'des résultats');
    assert.equal(await page.getAttribute('#liste', 'start'), String((pages - 1) * 10 + 1));
    assert.equal(await page.textContent('#avis-page'), `La page 99 n’existe pas pour cette recherche : voici la dernière, la page ${pages}.`);
    await page.getByRole('link', { name: 'Précédente' }).click();
    await page.waitForURL(new RegExp(`\\?q=budget&page=${pages - 1}$`));
    await attendreRecherche();
    assert.ok(await page.locator('#avis-page').isHidden());
  });

  essai('pagination : « … » ne cache jamais une seule page', async () => {
    // Whole base, page 4: "1 … 3 4 5 … N" would hide page 2 alone.
    await page.goto(`${BASE}/?page=4`);
    await attendreRecherche();
    const pages = Number(fr(await page.textContent('#statut')).match(/page 4 sur (\d+)$/)[1]);
    assert.ok(pages >= 8, `${pages} pages`);
    assert.deepEqual(await numerosPagination(), ['1', '2', '3', '4', '5', '…', String(pages)]);

    // Every gap: consecutive numbers, or an ellipsis for two pages or more.
    for (const chemin of ['/?q=budget', '/?q=budget&page=2', '/?q=budget&page=3', `/?page=${pages - 3}`]) {
      await page.goto(`${BASE}${chemin}`);
      await attendreRecherche();
      const liste = await numerosPagination();
      for (let i = 1; i < liste.length; i += 1) {
        if (liste[i] === '…') assert.ok(Number(liste[i + 1]) - Number(liste[i - 1]) >= 3, `${chemin} : ${liste.join(' ')}`);
        else if (liste[i - 1] !== '…') assert.equal(Number(liste[i]), Number(liste[i - 1]) + 1, `${chemin} : ${liste.join(' ')}`);
      }
    }
    await shot('pagination.png');
  });
});
