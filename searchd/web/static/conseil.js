// Page "/conseil" : the advisors' console. A collectivity profile is sent to
// /v1/recommend; the page URL keeps the profile with the API's own parameter
// names (insee, siren, departement, region, themes, participation_level,
// audiences, maturity, prefers_online, need, now), so a reload or a shared
// link shows the same recommendations. `now` (YYYY-MM-DD) is only read from
// the URL: it fixes the date from which workshop sessions are listed.
import {
  adresseRessource, api, badges, Combobox, estAnnulation, h, libelle, LIBELLES, listeSessions, NIVEAUX, nombre, plier, themes,
} from './commun.js';

const $ = (id) => document.getElementById(id);
const parametresPage = new URLSearchParams(location.search);
const maintenant = /^\d{4}-\d{2}-\d{2}$/.test(parametresPage.get('now') || '') ? parametresPage.get('now') : null;
const PARAMETRE_TERRITOIRE = { commune: 'insee', epci: 'siren', departement: 'departement', region: 'region' };

let territoire = null; // {type, code, name, …} chosen from the completion
let themesChoisis = []; // values of the theme facet
let controleur = null;
let controleurRecherche = null;

// Form pickers filled from the API's vocabularies.
for (const niveau of NIVEAUX) $('niveau').append(h('option', { value: niveau }, libelle('level', niveau)));
for (const [valeur, texte] of Object.entries(LIBELLES.maturity)) $('maturite').append(h('option', { value: valeur }, texte));
$('publics').replaceChildren(...Object.entries(LIBELLES.audience).map(([valeur, texte]) => h('li', { class: 'case' },
  h('input', { type: 'checkbox', id: `public-${valeur}`, name: 'audiences', value: valeur }),
  h('label', { for: `public-${valeur}` }, texte))));

// ---- Collectivity ---------------------------------------------------------

function nomAffiche(t) {
  if (t.type === 'commune' && t.departement) return `${t.name} (${t.departement})`;
  if (t.type === 'departement') return `${t.name} (${t.code})`;
  return t.name;
}

function habitants(population) {
  return population === null || population === undefined ? null : `${nombre(population)} habitant${population > 1 ? 's' : ''}`;
}

function detailTerritoire(t) {
  const type = t.type === 'epci' && t.nature
    ? `EPCI (${LIBELLES.epci_nature[t.nature] || t.nature})` : libelle('territory_type', t.type);
  const ou = t.type === 'region' ? null
    : t.type === 'departement' ? t.region_name
      : t.departement_name ? `${t.departement_name} (${t.departement})` : null;
  const membres = t.member_communes ? `${nombre(t.member_communes)} communes` : null;
  return [type, ou, membres, habitants(t.population)].filter(Boolean).join(' · ');
}

const champCollectivite = $('collectivite');
const comboCollectivite = new Combobox({
  input: champCollectivite,
  liste: $('collectivites'),
  minimum: 2,
  chercher: async (texte, signal) => {
    const r = await api(`/v1/territories?${new URLSearchParams({ q: texte.trim(), limit: '8' })}`, { signal });
    const options = r.territories.map((t) => ({
      valeur: t,
      contenu: h('span', {}, h('strong', {}, nomAffiche(t)), h('span', { class: 'cbx-detail' }, detailTerritoire(t))),
    }));
    if (!options.length) {
      $('collectivite-choisie').textContent = `Aucune collectivité ne commence par « ${texte.trim()} ».`;
    }
    return [{ options }];
  },
  choisir: (t) => choisirTerritoire(t),
  surSaisie: () => {
    if (territoire && champCollectivite.value !== nomAffiche(territoire)) {
      territoire = null;
    }
    afficherTerritoireChoisi();
  },
});

function choisirTerritoire(t) {
  territoire = t;
  champCollectivite.value = nomAffiche(t);
  afficherTerritoireChoisi();
}

function afficherTerritoireChoisi() {
  const bloc = $('collectivite-choisie');
  // The choice takes the place of the help, so the form keeps its height.
  $('collectivite-aide').hidden = Boolean(territoire);
  if (!territoire) { bloc.replaceChildren(); return; }
  const code = territoire.type === 'commune' ? `INSEE ${territoire.code}`
    : territoire.type === 'epci' ? `SIREN ${territoire.code}` : `code ${territoire.code}`;
  bloc.replaceChildren('Choisie : ', h('strong', {}, territoire.name), ` — ${detailTerritoire(territoire)} — ${code}`);
}

// ---- Themes (multiple choice with removable chips) -----------------------

const champTheme = $('theme-saisie');
const comboTheme = new Combobox({
  input: champTheme,
  liste: $('themes-liste'),
  minimum: 0,
  delai: 0,
  chercher: async (texte) => {
    const cherche = plier(texte.trim());
    const tous = await themes();
    const options = tous
      .filter(({ value }) => !themesChoisis.includes(value) && plier(value).includes(cherche))
      .sort((a, b) => Number(plier(b.value).startsWith(cherche)) - Number(plier(a.value).startsWith(cherche)))
      .map(({ value, count }) => ({
        valeur: value,
        contenu: h('span', { class: 'cbx-ligne' }, h('span', {}, libelle('theme', value)),
          h('span', { class: 'compte' }, `${nombre(count)} ressource${count > 1 ? 's' : ''}`)),
      }));
    return [{ options }];
  },
  choisir: (valeur) => {
    if (!themesChoisis.includes(valeur)) themesChoisis.push(valeur);
    champTheme.value = '';
    afficherThemes();
  },
});

champTheme.addEventListener('keydown', (e) => {
  if (e.key === 'Backspace' && champTheme.value === '' && themesChoisis.length) {
    themesChoisis.pop();
    afficherThemes();
  }
});

function afficherThemes() {
  $('themes-choisis').replaceChildren(...themesChoisis.map((valeur) => h('li', {}, h('button', {
    type: 'button', class: 'etiquette-filtre', 'aria-label': `Retirer le thème ${valeur}`,
    onclick: () => {
      themesChoisis = themesChoisis.filter((v) => v !== valeur);
      afficherThemes();
      champTheme.focus();
    },
  }, libelle('theme', valeur), h('span', { 'aria-hidden': 'true', class: 'croix' }, '×')))));
  $('portee-profil').textContent = themesChoisis.length
    ? `Filtrée sur ${themesChoisis.length > 1 ? 'les thèmes' : 'le thème'} du profil : ${themesChoisis.map((t) => libelle('theme', t)).join(', ')}.`
    : 'Toute la base (aucun thème choisi dans le profil).';
}

// ---- Profile → /v1/recommend ---------------------------------------------

function parametresProfil() {
  const p = new URLSearchParams();
  if (territoire) p.set(PARAMETRE_TERRITOIRE[territoire.type], territoire.code);
  for (const t of themesChoisis) p.append('themes', t);
  if ($('niveau').value) p.set('participation_level', $('niveau').value);
  for (const c of document.querySelectorAll('#publics input:checked')) p.append('audiences', c.value);
  if ($('maturite').value) p.set('maturity', $('maturite').value);
  if ($('distance').checked) p.set('prefers_online', 'true');
  const besoin = $('besoin').value.trim();
  if (besoin) p.set('need', besoin);
  if (maintenant) p.set('now', maintenant);
  return p;
}

function erreur(message) {
  $('erreur').textContent = message;
  $('erreur').hidden = !message;
}

async function recommander(p) {
  controleur?.abort();
  controleur = new AbortController();
  const signal = controleur.signal;
  erreur('');
  $('resultats').setAttribute('aria-busy', 'true');
  const requete = new URLSearchParams(p);
  requete.set('limit', '10');
  requete.set('workshops_limit', '5');
  let r;
  try {
    r = await api(`/v1/recommend?${requete}`, { signal });
  } catch (e) {
    if (estAnnulation(e)) return null;
    $('resultats').removeAttribute('aria-busy');
    erreur(e.message);
    $('statut').textContent = '';
    return null;
  }
  $('resultats').removeAttribute('aria-busy');
  $('accueil').hidden = true;
  afficherProfil(r.profile);
  afficherRessources(r.resources);
  afficherAteliers(r.workshops, r.now);
  // The collectivities like this one (comparables.js) follow the same profile.
  document.dispatchEvent(new CustomEvent('recommandation', { detail: r }));
  const nom = r.profile.name ? ` pour ${r.profile.name}` : '';
  $('statut').textContent = `${r.resources.length} ressource${r.resources.length > 1 ? 's' : ''} et ${r.workshops.length} atelier${r.workshops.length > 1 ? 's' : ''} recommandés${nom}.`;
  document.title = `${r.profile.name ? `${r.profile.name} — ` : ''}Console conseil — Territoires en commun`;
  // A scoped search already shown follows the new profile's themes.
  if ($('liste-profil').children.length || $('q-profil').value.trim()) rechercher();
  return r;
}

function ligne(terme, ...valeur) {
  return [h('dt', {}, terme), h('dd', {}, ...valeur)];
}

function afficherProfil(p) {
  const bloc = $('profil');
  const lignes = [];
  if (p.territory_type) {
    lignes.push(...ligne('Type', p.territory_type === 'epci' ? 'EPCI' : libelle('territory_type', p.territory_type),
      p.territory_type === 'commune' ? ` — INSEE ${p.code}` : p.territory_type === 'epci' ? ` — SIREN ${p.code}` : ''));
    if (p.population !== null && p.population !== undefined) lignes.push(...ligne('Population', habitants(p.population)));
    if (p.departement_name && p.territory_type !== 'departement') lignes.push(...ligne('Département', `${p.departement_name} (${p.departement})`));
    if (p.region_name && p.territory_type !== 'region') lignes.push(...ligne('Région', p.region_name));
    if (p.epci_name) lignes.push(...ligne('EPCI', p.epci_name));
    if (p.member_communes) lignes.push(...ligne('Communes membres', nombre(p.member_communes)));
  }
  if (p.themes.length) lignes.push(...ligne('Thèmes', p.themes.map((t) => libelle('theme', afficherTheme(t))).join(', ')));
  if (p.participation_level) lignes.push(...ligne('Niveau visé', libelle('level', p.participation_level)));
  if (p.audiences.length) lignes.push(...ligne('Publics', p.audiences.map((a) => libelle('audience', a)).join(', ')));
  if (p.maturity) lignes.push(...ligne('Maturité', libelle('maturity', p.maturity)));
  if (p.prefers_online) lignes.push(...ligne('Sessions', 'à distance de préférence'));
  if (p.need) lignes.push(...ligne('Besoin', p.need));
  bloc.replaceChildren(
    h('h2', { id: 'profil-resolu-titre' }, p.name ? `Profil : ${p.name}` : 'Profil sans collectivité'),
    lignes.length ? h('dl', {}, lignes) : h('p', {}, 'Aucun critère : recommandations générales.'));
  bloc.hidden = false;
}

// The profile echoes themes as sent; show the facet's spelling when known.
let themesConnus = [];
themes().then((t) => { themesConnus = t.map((x) => x.value); }).catch(() => {});
const afficherTheme = (t) => themesConnus.find((v) => plier(v) === plier(t)) || t;

function carteReco(r, ...suite) {
  const titreId = `reco-${r.source}-${r.id}`;
  return h('li', { dataset: { id: r.id, source: r.source, type: r.type } },
    h('article', { 'aria-labelledby': titreId },
      badges(r),
      h('h3', { id: titreId }, h('a', { href: adresseRessource(r) }, r.title)),
      h('p', { class: 'extrait' }, r.summary),
      r.reasons.length ? h('ul', { class: 'raisons', 'aria-label': 'Pourquoi cette recommandation' },
        r.reasons.map((raison) => h('li', {}, raison))) : null,
      ...suite));
}

function afficherRessources(ressources) {
  $('ressources-liste').replaceChildren(...ressources.map((r) => carteReco(r)));
  if (!ressources.length) $('ressources-liste').append(h('li', {}, 'Aucune ressource ne correspond à ce profil.'));
  $('ressources').hidden = false;
}

function afficherAteliers(ateliers, date) {
  const jour = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`));
  $('ateliers-date').replaceChildren('Sessions à partir du ', h('time', { datetime: date }, jour), '.');
  $('ateliers-liste').replaceChildren(...ateliers.map((a) => carteReco(a, listeSessions(a.sessions))));
  if (!ateliers.length) $('ateliers-liste').append(h('li', {}, 'Aucun atelier ni formation à venir pour ce profil.'));
  $('ateliers').hidden = false;
}

// ---- Search scoped to the profile's themes -------------------------------

async function rechercher() {
  controleurRecherche?.abort();
  controleurRecherche = new AbortController();
  const signal = controleurRecherche.signal;
  const q = $('q-profil').value.trim();
  const p = new URLSearchParams();
  p.set('q', q);
  for (const t of themesChoisis) p.append('theme', t);
  const publique = `/?${p}`;
  p.set('per_page', '5');
  let r;
  try {
    r = await api(`/v1/search?${p}`, { signal });
  } catch (e) {
    if (estAnnulation(e)) return;
    $('statut-profil').textContent = e.message;
    return;
  }
  const portee = themesChoisis.length ? ' dans les thèmes du profil' : '';
  $('statut-profil').replaceChildren(r.total
    ? `${nombre(r.total)} ressource${r.total > 1 ? 's' : ''}${q ? ` pour « ${q} »` : ''}${portee}.`
    : `Aucune ressource${q ? ` pour « ${q} »` : ''}${portee}.`);
  if (r.corrected_query && r.corrected_query !== q) {
    $('statut-profil').append(' Essayez avec : ', h('a', {
      href: '#q-profil',
      onclick: (e) => { e.preventDefault(); $('q-profil').value = r.corrected_query; rechercher(); },
    }, r.corrected_query));
  }
  $('liste-profil').replaceChildren(...r.results.map((x) => h('li', { class: 'carte', dataset: { id: x.id, type: x.type } },
    h('article', { 'aria-labelledby': `rp-${x.source}-${x.id}` },
      badges(x),
      h('h3', { class: 'carte-titre', id: `rp-${x.source}-${x.id}` }, h('a', { href: adresseRessource(x), html: x.title_html })),
      x.snippet ? h('p', { class: 'extrait', html: x.snippet }) : h('p', { class: 'extrait' }, x.summary)))));
  $('plus-profil').replaceChildren(r.total > r.results.length
    ? h('a', { href: publique }, `Voir les ${nombre(r.total)} résultats dans la recherche publique`) : '');
}

$('formulaire-profil').addEventListener('submit', (e) => { e.preventDefault(); rechercher(); });

// ---- Form ------------------------------------------------------------------

$('formulaire').addEventListener('submit', (e) => {
  e.preventDefault();
  comboCollectivite.annuler();
  comboCollectivite.fermer();
  comboTheme.fermer();
  if (!territoire && champCollectivite.value.trim()) {
    erreur('Choisissez la collectivité dans la liste des propositions (flèche bas, puis Entrée).');
    champCollectivite.focus();
    comboCollectivite.planifier(true);
    return;
  }
  if (champTheme.value.trim()) {
    // A theme typed but not chosen: take the first match if there is one.
    const cherche = plier(champTheme.value.trim());
    const trouve = themesConnus.find((v) => plier(v) === cherche) || themesConnus.find((v) => plier(v).startsWith(cherche));
    if (trouve && !themesChoisis.includes(trouve)) themesChoisis.push(trouve);
    champTheme.value = '';
    afficherThemes();
  }
  const p = parametresProfil();
  history.replaceState(null, '', `/conseil${p.toString() ? `?${p}` : ''}`);
  recommander(p).then((r) => {
    // When the window is too low for the form (or the results come under
    // it), bring the top of the answer into view.
    const haut = $('resultats').getBoundingClientRect().top;
    if (r && (haut < 0 || haut > innerHeight / 2)) $('resultats').scrollIntoView({ block: 'start' });
  });
});

$('formulaire').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    $('formulaire').requestSubmit();
  }
});

$('formulaire').addEventListener('reset', () => {
  territoire = null;
  themesChoisis = [];
  setTimeout(() => {
    afficherTerritoireChoisi();
    afficherThemes();
    erreur('');
    history.replaceState(null, '', maintenant ? `/conseil?now=${maintenant}` : '/conseil');
    champCollectivite.focus();
  }, 0);
});

// A profile in the URL (reload, shared link): fill the form and recommend.
async function depuisUrl() {
  const p = parametresPage;
  themesChoisis = p.getAll('themes').filter(Boolean);
  afficherThemes();
  if (NIVEAUX.includes(p.get('participation_level'))) $('niveau').value = p.get('participation_level');
  if (LIBELLES.maturity[p.get('maturity')]) $('maturite').value = p.get('maturity');
  for (const a of p.getAll('audiences')) { const c = $(`public-${a}`); if (c) c.checked = true; }
  $('distance').checked = p.get('prefers_online') === 'true';
  $('besoin').value = p.get('need') || '';
  const type = Object.keys(PARAMETRE_TERRITOIRE).find((t) => p.get(PARAMETRE_TERRITOIRE[t]));
  if (!type && ![...p.keys()].some((k) => k !== 'now')) return;
  if (type) champCollectivite.value = p.get(PARAMETRE_TERRITOIRE[type]);
  const r = await recommander(new URLSearchParams(p));
  // The territory's name and details come back in the resolved profile.
  const x = r && r.profile;
  if (x && x.territory_type) {
    choisirTerritoire({
      type: x.territory_type, code: x.code, name: x.name, population: x.population, departement: x.departement,
      departement_name: x.departement_name, region: x.region, region_name: x.region_name, nature: null,
      member_communes: x.member_communes,
    });
  }
}

afficherThemes();
depuisUrl();
