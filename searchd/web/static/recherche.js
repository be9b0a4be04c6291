// Page "/" : public search. The URL holds the whole state (q, filters, sort,
// page) with the same parameter names as /v1/search, so a URL is shareable
// and the back button restores the previous results.
import {
  adresseRessource, api, badges, Combobox, estAnnulation, h, libelle, nombre, NIVEAUX, themes, urlWeb,
} from './commun.js';

const PAR_PAGE = 10;
const PAGE_MAX = 1000;
const FACETTES = [
  ['type', 'Type de ressource'],
  ['theme', 'Thème'],
  ['level', 'Niveau de participation'],
  ['audience', 'Public'],
  ['source', 'Partenaire'],
  ['format', 'Format'],
  ['territory', 'Territoire'],
];
const VISIBLES = 6; // values shown before "Afficher plus", when more than VISIBLES + 2

const $ = (id) => document.getElementById(id);
const champ = $('q');
const tri = $('tri');
const zone = $('zone-resultats');

let etat = lireUrl();
let controleur = null;
const deplies = new Set(); // facets whose long list is unfolded

function lireUrl() {
  const p = new URLSearchParams(location.search);
  const page = Number.parseInt(p.get('page') || '1', 10);
  const filtres = {};
  for (const [nom] of FACETTES) filtres[nom] = p.getAll(nom).filter(Boolean);
  return {
    q: p.get('q') || '',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, PAGE_MAX) : 1,
    sort: p.get('sort') === 'date' ? 'date' : 'relevance',
    filtres,
  };
}

function parametres(e) {
  const p = new URLSearchParams();
  if (e.q) p.set('q', e.q);
  for (const [nom] of FACETTES) for (const v of e.filtres[nom]) p.append(nom, v);
  if (e.sort !== 'relevance') p.set('sort', e.sort);
  if (e.page > 1) p.set('page', String(e.page));
  return p;
}

const urlDe = (e) => { const qs = parametres(e).toString(); return qs ? `/?${qs}` : '/'; };

function naviguer(nouvel, { focus } = {}) {
  etat = nouvel;
  const url = urlDe(etat);
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  synchroniserFormulaire();
  charger({ focus });
}

function synchroniserFormulaire() {
  if (champ.value !== etat.q) champ.value = etat.q;
  tri.value = etat.sort;
}

const avec = (changements) => ({ ...etat, filtres: { ...etat.filtres }, page: 1, ...changements });

// `demandee`: the page the URL asked for when it was past the last one.
async function charger({ focus, demandee } = {}) {
  controleur?.abort();
  controleur = new AbortController();
  const signal = controleur.signal;
  const p = parametres(etat);
  p.set('per_page', String(PAR_PAGE));
  zone.setAttribute('aria-busy', 'true');
  $('erreur').hidden = true;
  let reponse;
  try {
    reponse = await api(`/v1/search?${p}`, { signal });
  } catch (erreur) {
    if (estAnnulation(erreur)) return;
    zone.removeAttribute('aria-busy');
    $('erreur').hidden = false;
    $('erreur').textContent = erreur.message;
    $('statut').textContent = '';
    return;
  }
  const derniere = nombrePages(reponse.total);
  if (etat.page > derniere && derniere >= 1) {
    // Past the last page (an old link, fewer results since): the visitor
    // wants the end of the list, not an empty one.
    const page = etat.page;
    etat = { ...etat, page: derniere };
    history.replaceState(null, '', urlDe(etat));
    charger({ focus, demandee: page });
    return;
  }
  zone.removeAttribute('aria-busy');
  afficher(reponse, demandee);
  if (focus === 'resultats') {
    $('resultats-titre').focus({ preventScroll: true });
    zone.scrollIntoView({ block: 'start' });
  }
}

const nombrePages = (total) => Math.min(Math.ceil(total / PAR_PAGE), PAGE_MAX);

function afficher(r, demandee) {
  document.title = `${etat.q ? `${etat.q} — ` : ''}Rechercher une ressource — Territoires en commun`;
  const pages = nombrePages(r.total);
  const total = `${r.total_exact ? '' : 'environ '}${nombre(r.total)} ressource${r.total > 1 ? 's' : ''}`;
  const pour = etat.q ? ` pour « ${etat.q} »` : '';
  const filtres = FACETTES.some(([nom]) => etat.filtres[nom].length) ? ' avec les filtres choisis' : '';
  $('statut').textContent = r.total
    ? `${total}${pour}${filtres}${pages > 1 ? ` — page ${etat.page} sur ${nombre(pages)}` : ''}`
    : '';
  $('avis-page').hidden = !demandee;
  $('avis-page').textContent = demandee
    ? `La page ${nombre(demandee)} n’existe pas pour cette recherche : voici la dernière, la page ${nombre(etat.page)}.` : '';
  afficherCorrection(r.corrected_query);
  afficherIgnores(r.ignored);
  afficherFiltresActifs();
  afficherFacettes(r.facets);
  afficherResultats(r.results);
  afficherVide(r.total === 0);
  afficherPagination(pages);
}

function afficherCorrection(corrige) {
  const bloc = $('correction');
  if (!corrige || corrige === etat.q) { bloc.hidden = true; bloc.replaceChildren(); return; }
  const cible = { ...etat, q: corrige, page: 1 };
  bloc.replaceChildren('Essayez avec : ', h('a', {
    href: urlDe(cible),
    onclick: (e) => { e.preventDefault(); naviguer(cible); },
  }, corrige));
  bloc.hidden = false;
}

// Words the server did not search (too long, or little words alone), so
// that an empty answer is not a mystery.
const RAISONS = { trop_long: 'trop long', mot_vide: 'mot vide' };
function afficherIgnores(ignores) {
  const bloc = $('ignores');
  if (!ignores || !ignores.length) { bloc.hidden = true; bloc.textContent = ''; return; }
  bloc.textContent = (ignores.length > 1 ? 'mots ignorés : ' : 'mot ignoré : ')
    + ignores.map((i) => `${i.word} (${RAISONS[i.reason] || i.reason})`).join(', ');
  bloc.hidden = false;
}

function afficherFiltresActifs() {
  const actifs = FACETTES.flatMap(([nom]) => etat.filtres[nom].map((valeur) => [nom, valeur]));
  const bloc = $('filtres-actifs');
  $('nombre-filtres').textContent = actifs.length ? ` (${actifs.length} actif${actifs.length > 1 ? 's' : ''})` : '';
  if (!actifs.length) { bloc.replaceChildren(); return; }
  bloc.replaceChildren(
    h('span', { class: 'sr-only' }, 'Filtres actifs :'),
    h('ul', {}, actifs.map(([nom, valeur]) => h('li', {}, h('button', {
      type: 'button', class: 'etiquette-filtre',
      'aria-label': `Retirer le filtre ${libelle(nom, valeur)}`,
      onclick: () => {
        const suivant = avec({});
        suivant.filtres[nom] = etat.filtres[nom].filter((v) => v !== valeur);
        naviguer(suivant);
        $('resultats-titre').focus({ preventScroll: true });
      },
    }, libelle(nom, valeur), h('span', { 'aria-hidden': 'true', class: 'croix' }, '×'))))),
    h('button', {
      type: 'button', class: 'lien-bouton',
      onclick: () => {
        const suivant = avec({});
        for (const [nom] of FACETTES) suivant.filtres[nom] = [];
        naviguer(suivant);
        $('resultats-titre').focus({ preventScroll: true });
      },
    }, 'Effacer tous les filtres'),
  );
}

const idCase = (nom, valeur) => `f-${nom}-${encodeURIComponent(valeur).replace(/[^A-Za-z0-9_-]/g, '_')}`;

function afficherFacettes(facettes) {
  const focusId = document.activeElement?.closest?.('#facettes') ? document.activeElement.id : null;
  const blocs = [];
  for (const [nom, titre] of FACETTES) {
    const choisis = etat.filtres[nom];
    let valeurs = (facettes[nom] || []).map(({ value, count }) => ({ value, count }));
    for (const v of choisis) if (!valeurs.some((x) => x.value === v)) valeurs.push({ value: v, count: 0 });
    if (!valeurs.length) continue;
    if (nom === 'level') valeurs.sort((a, b) => NIVEAUX.indexOf(a.value) - NIVEAUX.indexOf(b.value));
    const deplie = deplies.has(nom);
    const visibles = deplie || valeurs.length <= VISIBLES + 2 ? valeurs : valeurs.filter((v, i) => i < VISIBLES || choisis.includes(v.value));
    const listeId = `facette-${nom}`;
    const cases = visibles.map(({ value, count }) => {
      const id = idCase(nom, value);
      return h('li', { class: 'case' },
        h('input', {
          type: 'checkbox', id, name: nom, value, checked: choisis.includes(value),
          onchange: (e) => {
            const suivant = avec({});
            suivant.filtres[nom] = e.target.checked ? [...choisis, value] : choisis.filter((v) => v !== value);
            naviguer(suivant);
          },
        }),
        h('label', { for: id }, libelle(nom, value), ' ',
          h('span', { class: 'compte' }, nombre(count), h('span', { class: 'sr-only' }, count > 1 ? ' ressources' : ' ressource'))));
    });
    const masques = valeurs.length - visibles.length;
    blocs.push(h('fieldset', { class: 'facette' },
      h('legend', {}, titre),
      h('ul', { id: listeId }, cases),
      (masques > 0 || deplie) && valeurs.length > VISIBLES ? h('button', {
        type: 'button', class: 'lien-bouton', id: `plus-${nom}`, 'aria-expanded': String(deplie), 'aria-controls': listeId,
        onclick: () => {
          if (deplie) deplies.delete(nom); else deplies.add(nom);
          afficherFacettes(facettes);
          $(`plus-${nom}`)?.focus();
        },
      }, deplie ? 'Afficher moins' : `Afficher plus (${masques})`) : null));
  }
  $('facettes').replaceChildren(...blocs);
  if (!blocs.length) $('facettes').append(h('p', { class: 'aide' }, 'Aucun filtre pour ces résultats.'));
  if (focusId) $(focusId)?.focus();
}

function afficherResultats(resultats) {
  const premier = (etat.page - 1) * PAR_PAGE + 1;
  $('liste').setAttribute('start', String(premier));
  $('liste').replaceChildren(...resultats.map((r) => {
    const titreId = `r-${r.source}-${r.id}`;
    return h('li', { class: 'carte', dataset: { id: r.id, source: r.source, type: r.type } },
      h('article', { 'aria-labelledby': titreId },
        badges(r),
        h('h3', { class: 'carte-titre', id: titreId }, h('a', { href: adresseRessource(r), html: r.title_html })),
        r.snippet
          ? h('p', { class: 'extrait', html: r.snippet })
          : h('p', { class: 'extrait' }, r.summary),
        h('p', { class: 'adresse' }, urlWeb(r.url) ? hote(r.url) : 'Fiche de la base Territoires en commun')));
  }));
}

function hote(url) {
  try { return new URL(url).host; } catch { return url; }
}

async function afficherVide(vide) {
  const bloc = $('vide');
  if (!vide) { bloc.hidden = true; bloc.replaceChildren(); return; }
  const conseils = h('ul', {},
    h('li', {}, 'vérifiez l’orthographe des mots ;'),
    h('li', {}, 'essayez des mots plus généraux ou moins de mots ;'),
    FACETTES.some(([nom]) => etat.filtres[nom].length) ? h('li', {}, 'retirez un ou plusieurs filtres.') : null);
  const themesBloc = h('div', { class: 'themes-vide' });
  bloc.replaceChildren(
    h('h3', {}, etat.q ? `Aucune ressource ne correspond à « ${etat.q} »` : 'Aucune ressource ne correspond à ces filtres'),
    h('p', {}, 'Quelques pistes :'), conseils, themesBloc);
  bloc.hidden = false;
  $('statut').textContent = 'Aucune ressource trouvée.';
  try {
    const liste = (await themes()).slice(0, 8);
    themesBloc.replaceChildren(
      h('p', {}, 'Ou parcourez un thème :'),
      h('ul', { class: 'liens-themes' }, liste.map(({ value, count }) => {
        const cible = { q: '', page: 1, sort: 'relevance', filtres: Object.fromEntries(FACETTES.map(([n]) => [n, []])) };
        cible.filtres.theme = [value];
        return h('li', {}, h('a', {
          href: urlDe(cible),
          onclick: (e) => { e.preventDefault(); naviguer(cible, { focus: 'resultats' }); },
        }, libelle('theme', value), h('span', { class: 'compte' }, ` (${nombre(count)})`)));
      })));
  } catch (erreur) {
    console.warn('Thèmes indisponibles :', erreur.message);
  }
}

function afficherPagination(pages) {
  const nav = $('pagination');
  if (pages <= 1) { nav.replaceChildren(); return; }
  const courant = etat.page;
  const numeros = new Set([1, pages, courant - 1, courant, courant + 1].filter((n) => n >= 1 && n <= pages));
  // An ellipsis stands for two pages or more: a single page between two shown is shown.
  for (const n of [...numeros]) if (!numeros.has(n + 1) && numeros.has(n + 2)) numeros.add(n + 1);
  const tries = [...numeros].sort((a, b) => a - b);
  const lien = (page, texte, attrs = {}) => {
    const cible = { ...etat, page };
    return h('a', {
      href: urlDe(cible), ...attrs,
      onclick: (e) => { e.preventDefault(); naviguer(cible, { focus: 'resultats' }); },
    }, texte);
  };
  const items = [];
  items.push(h('li', {}, courant > 1
    ? lien(courant - 1, 'Précédente', { class: 'page-pas', rel: 'prev' })
    : h('span', { class: 'page-pas inactif', 'aria-disabled': 'true' }, 'Précédente')));
  let precedent = 0;
  for (const n of tries) {
    if (n - precedent > 1) items.push(h('li', { 'aria-hidden': 'true', class: 'ellipse' }, '…'));
    items.push(h('li', {}, n === courant
      ? h('a', { 'aria-current': 'page', href: urlDe({ ...etat, page: n }), title: `Page ${n}` }, String(n))
      : lien(n, String(n), { title: `Page ${n}` })));
    precedent = n;
  }
  items.push(h('li', {}, courant < pages
    ? lien(courant + 1, 'Suivante', { class: 'page-pas', rel: 'next' })
    : h('span', { class: 'page-pas inactif', 'aria-disabled': 'true' }, 'Suivante')));
  nav.replaceChildren(h('ul', {}, items));
}

// Suggestions: whole-query completions, then matching titles.
const combobox = new Combobox({
  input: champ,
  liste: $('suggestions'),
  minimum: 2,
  chercher: async (texte, signal) => {
    const r = await api(`/v1/suggest?${new URLSearchParams({ q: texte, limit: '5' })}`, { signal });
    return [
      {
        titre: 'Recherches',
        options: r.completions.map((c) => ({
          valeur: { completion: c.text },
          contenu: h('span', { class: 'cbx-ligne' },
            surligner(c.text, texte),
            h('span', { class: 'compte' }, `${nombre(c.documents)} ressource${c.documents > 1 ? 's' : ''}`)),
        })),
      },
      {
        titre: 'Ressources',
        options: r.titles.map((t) => ({
          valeur: { url: adresseRessource(t) },
          contenu: h('span', { class: 'cbx-ligne' },
            h('span', { html: t.title_html }),
            h('span', { class: 'compte' }, libelle('type', t.type))),
        })),
      },
    ];
  },
  choisir: (valeur) => {
    if (valeur.url) { location.assign(valeur.url); return; }
    champ.value = valeur.completion;
    naviguer(avec({ q: valeur.completion }));
  },
});

// The completed part in bold, what was typed as is.
function surligner(complet, tape) {
  const debut = tape.trimStart();
  if (complet.toLowerCase().startsWith(debut.toLowerCase())) {
    return h('span', {}, complet.slice(0, debut.length), h('strong', {}, complet.slice(debut.length)));
  }
  return h('span', {}, complet);
}

// On a narrow screen the filters fold behind a button, so that the results
// come first (the style hides the button and shows the filters when wide).
const boutonFiltres = $('bouton-filtres');
function deplierFiltres(ouvert) {
  boutonFiltres.setAttribute('aria-expanded', String(ouvert));
  $('filtres').classList.toggle('ouvert', ouvert);
}
boutonFiltres.addEventListener('click', () => deplierFiltres(boutonFiltres.getAttribute('aria-expanded') !== 'true'));
$('voir-resultats').addEventListener('click', () => {
  deplierFiltres(false);
  $('resultats-titre').focus({ preventScroll: true });
  zone.scrollIntoView({ block: 'start' });
});
// The skip link to the filters unfolds them, or it would lead nowhere.
document.querySelector('a[href="#facettes-titre"]').addEventListener('click', () => deplierFiltres(true));

$('formulaire').addEventListener('submit', (e) => {
  e.preventDefault();
  combobox.annuler();
  combobox.fermer();
  naviguer(avec({ q: champ.value.trim() }));
});

tri.addEventListener('change', () => naviguer(avec({ sort: tri.value })));

window.addEventListener('popstate', () => {
  etat = lireUrl();
  synchroniserFormulaire();
  combobox.annuler();
  combobox.fermer();
  charger();
});

synchroniserFormulaire();
charger();
