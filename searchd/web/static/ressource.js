// Page "/ressources/{source}/{id}": one resource, rendered from
// /v1/resources/{source}/{id}. The results lead here when a resource has no
// web address of its own. The body's simple HTML is rebuilt from a short list
// of elements, never inserted as sent by the partner.
import {
  api, badges, ErreurApi, h, libelle, listeSessions, nombre, urlWeb,
} from './commun.js';

const $ = (id) => document.getElementById(id);

// Back to the page the visitor came from when it is the search (its URL holds
// the whole search) or the console; else to the search page.
const RETOURS = { '/': 'Retour aux résultats', '/conseil': 'Retour à la console conseil' };
function preparerRetour() {
  let venue = null;
  try { venue = new URL(document.referrer); } catch { return; }
  if (venue.origin !== location.origin || !RETOURS[venue.pathname]) return;
  const lien = $('retour');
  lien.href = venue.pathname + venue.search;
  lien.textContent = RETOURS[venue.pathname];
  // Going back also restores where the list was scrolled to.
  lien.addEventListener('click', (e) => {
    if (history.length > 1) { e.preventDefault(); history.back(); }
  });
}

const formatJour = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const jour = (iso) => formatJour.format(new Date(`${iso}T00:00:00Z`));
const liste = (facette, valeurs) => (valeurs || []).map((v) => libelle(facette, v)).join(', ');

function population(min, max) {
  const habitants = (n) => `${nombre(n)} habitant${n > 1 ? 's' : ''}`;
  if (Number.isInteger(min) && Number.isInteger(max)) return `de ${nombre(min)} à ${habitants(max)}`;
  if (Number.isInteger(max)) return `jusqu’à ${habitants(max)}`;
  if (Number.isInteger(min)) return `à partir de ${habitants(min)}`;
  return '';
}

function afficherDetails(r) {
  const lignes = [
    ['Thèmes', liste('theme', r.themes)],
    ['Niveaux de participation', liste('level', r.participation_levels)],
    ['Publics', liste('audience', r.audiences)],
    ['Collectivités visées', [liste('territory_type', r.territory_types), population(r.population_min, r.population_max)]
      .filter(Boolean).join(' — ')],
    ['Territoires', liste('territory', r.territories)],
    ['Format', r.format ? libelle('format', r.format) : ''],
    ['Coût', r.cost ? libelle('cost', r.cost) : ''],
    ['Publication', r.published_at ? jour(r.published_at) : ''],
    ['Mise à jour', r.updated_at ? jour(r.updated_at) : ''],
  ].filter(([, valeur]) => valeur);
  $('fiche-details').replaceChildren(...lignes.flatMap(([terme, valeur]) => [h('dt', {}, terme), h('dd', {}, valeur)]));
  $('fiche-details').hidden = !lignes.length;
}

// Sessions from today on (Paris date), earliest first.
function afficherSessions(sessions) {
  if (!sessions?.length) return;
  const aujourdhui = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const prochaines = sessions.filter((s) => s.start.slice(0, 10) >= aujourdhui)
    .sort((a, b) => a.start.localeCompare(b.start));
  $('sessions-liste').replaceChildren(prochaines.length
    ? listeSessions(prochaines)
    : h('p', {}, 'Aucune session à venir.'));
  $('fiche-sessions').hidden = false;
}

// The partner's HTML, rebuilt: these elements are kept (headings below the
// page's own), links only to web addresses; scripts, media and forms are
// dropped; any other element gives its text.
const GARDES = {
  P: 'p', UL: 'ul', OL: 'ol', LI: 'li', STRONG: 'strong', B: 'strong', EM: 'em', I: 'em', BR: 'br',
  BLOCKQUOTE: 'blockquote', H1: 'h3', H2: 'h3', H3: 'h3', H4: 'h4', H5: 'h4', H6: 'h4', A: 'a',
};
const ECARTES = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'VIDEO', 'AUDIO',
  'FORM', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'svg', 'math']);
const BLOCS = new Set(['DIV', 'SECTION', 'ARTICLE', 'TABLE', 'TBODY', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD']);

function recopier(depuis, vers) {
  for (const noeud of depuis.childNodes) {
    if (noeud.nodeType === Node.TEXT_NODE) { vers.append(noeud.data); continue; }
    if (noeud.nodeType !== Node.ELEMENT_NODE || ECARTES.has(noeud.tagName)) continue;
    const balise = GARDES[noeud.tagName];
    const adresse = balise === 'a' ? urlWeb(noeud.getAttribute('href')) : null;
    if (!balise || (balise === 'a' && !adresse)) {
      recopier(noeud, vers);
      if (BLOCS.has(noeud.tagName)) vers.append(' ');
      continue;
    }
    const copie = h(balise, adresse ? { href: adresse } : {});
    recopier(noeud, copie);
    vers.append(copie);
  }
}

function afficherCorps(texte) {
  if (!texte?.trim()) return;
  const source = new DOMParser().parseFromString(texte, 'text/html').body;
  const corps = $('corps');
  if (source.children.length) recopier(source, corps);
  else corps.replaceChildren(...texte.split(/\n\s*/).filter((l) => l.trim()).map((l) => h('p', {}, l)));
  $('fiche-corps').hidden = false;
}

function afficher(r) {
  document.title = `${r.title} — Territoires en commun`;
  $('fiche-badges').replaceChildren(badges(r));
  $('fiche-titre').textContent = r.title;
  $('fiche-resume').textContent = r.summary || '';
  const url = urlWeb(r.url);
  if (url) {
    $('fiche-lien').replaceChildren(h('a', { href: url }, 'Consulter la ressource chez le partenaire',
      h('span', { class: 'hote' }, ` (${new URL(url).host})`)));
    $('fiche-lien').hidden = false;
  }
  afficherDetails(r);
  afficherSessions(r.sessions);
  afficherCorps(r.body);
}

async function charger() {
  try {
    const [, , source, id] = location.pathname.split('/').map((partie) => decodeURIComponent(partie));
    afficher(await api(`/v1/resources/${encodeURIComponent(source)}/${encodeURIComponent(id)}`));
  } catch (erreur) {
    const titre = erreur.status === 404 ? 'Ressource introuvable' : 'Ressource indisponible';
    document.title = `${titre} — Territoires en commun`;
    $('fiche-titre').textContent = titre;
    if (erreur instanceof ErreurApi) {
      $('erreur').textContent = `${erreur.message.charAt(0).toLocaleUpperCase('fr-FR')}${erreur.message.slice(1)}`;
    } else {
      $('erreur').textContent = erreur instanceof URIError ? 'Adresse de ressource mal formée.' : 'Cette ressource ne peut pas être affichée.';
      console.error(erreur);
    }
    $('erreur').hidden = false;
  } finally {
    $('contenu').removeAttribute('aria-busy');
  }
}

preparerRetour();
charger();
