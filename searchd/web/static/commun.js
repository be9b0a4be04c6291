// Shared by the two pages: French labels of the API's codes, a tiny DOM
// builder, the JSON client and an ARIA 1.2 combobox (list autocomplete).
import { TERRITOIRES } from './territoires.js';

export const LIBELLES = {
  type: {
    methode: 'Méthode', outil: 'Outil', guide: 'Guide', retour_experience: 'Retour d’expérience',
    atelier: 'Atelier', formation: 'Formation', acteur: 'Acteur', financement: 'Financement',
  },
  source: {
    anct: 'ANCT', 'democratie-ouverte': 'Démocratie Ouverte', 'decider-ensemble': 'Décider ensemble',
    icpc: 'ICPC', 'banque-des-territoires': 'Banque des Territoires',
  },
  level: {
    informer: 'Informer', consulter: 'Consulter', concerter: 'Concerter',
    'co-construire': 'Co-construire', 'co-decider': 'Co-décider',
  },
  audience: {
    elus: 'Élus', agents: 'Agents', habitants: 'Habitants', associations: 'Associations',
    jeunes: 'Jeunes', entreprises: 'Entreprises', 'publics-eloignes': 'Publics éloignés', seniors: 'Seniors',
  },
  format: { distanciel: 'À distance', presentiel: 'En présentiel', hybride: 'Hybride' },
  maturity: { debutant: 'Débutant', intermediaire: 'Intermédiaire', avance: 'Avancé' },
  territory_type: { commune: 'Commune', epci: 'EPCI', departement: 'Département', region: 'Région' },
  epci_nature: { METRO: 'Métropole', CU: 'Communauté urbaine', CA: 'Communauté d’agglomération', CC: 'Communauté de communes', EPT: 'Établissement public territorial' },
};

// Ladder order of the participation levels, for pickers.
export const NIVEAUX = ['informer', 'consulter', 'concerter', 'co-construire', 'co-decider'];

const capitalise = (text) => text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);

// French label of a facet value; themes are shown as stored, capitalised.
export function libelle(facette, valeur) {
  if (facette === 'territory') {
    const nom = TERRITOIRES[valeur];
    if (!nom) return valeur;
    return valeur.startsWith('r') ? `${nom} (région)` : `${nom} (${valeur})`;
  }
  const table = LIBELLES[facette];
  if (table && table[valeur]) return table[valeur];
  return capitalise(String(valeur).replaceAll('_', ' '));
}

export const nombre = (n) => new Intl.NumberFormat('fr-FR').format(n);

// Accent- and case-insensitive form, for local filtering.
export const plier = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr-FR');

// h('a', {href: '…', class: 'x'}, 'text', child…): attributes starting with "on"
// are listeners; `html` sets innerHTML (only for the server's escaped HTML).
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'html') node.innerHTML = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export class ErreurApi extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// GET (or POST with a body) returning the parsed JSON; errors of the API
// ({error: {code, message}}) become ErreurApi with the server's French message.
export async function api(chemin, { signal, body } = {}) {
  let reponse;
  try {
    reponse = await fetch(chemin, body === undefined ? { signal } : {
      method: 'POST', signal, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' },
    });
  } catch (erreur) {
    if (erreur.name === 'AbortError') throw erreur;
    throw new ErreurApi(0, 'reseau', 'Le service de recherche ne répond pas. Réessayez dans un instant.');
  }
  let donnees = null;
  try { donnees = await reponse.json(); } catch { /* not JSON */ }
  if (!reponse.ok) {
    const erreur = donnees && donnees.error;
    throw new ErreurApi(reponse.status, erreur ? erreur.code : 'http',
      erreur ? erreur.message : `Erreur du service (HTTP ${reponse.status}).`);
  }
  return donnees;
}

export const estAnnulation = (erreur) => erreur && erreur.name === 'AbortError';

// The resource's own page on this site, rendered from /v1/resources/{source}/{id}.
export const pageRessource = (source, id) => `/ressources/${encodeURIComponent(source)}/${encodeURIComponent(id)}`;

// A record's url when it is a web address: the field is optional free text,
// and an empty href reloads the page (a javascript: one would run).
export const urlWeb = (url) => (/^https?:\/\//i.test(url || '') ? url : null);

// Where a listed resource leads: its partner's page, else its page here.
export const adresseRessource = (r) => urlWeb(r.url) || pageRessource(r.source, r.id);

// Badges of a resource: its type and its partner.
export function badges(ressource) {
  return h('p', { class: 'badges' },
    h('span', { class: `badge badge-type badge-${ressource.type}`, dataset: { type: ressource.type } }, libelle('type', ressource.type)),
    h('span', { class: 'badge badge-source', dataset: { source: ressource.source } }, libelle('source', ressource.source)));
}

// The themes of /v1/search's facet, fetched once per page.
let themesEnCours = null;
export function themes() {
  themesEnCours ??= api('/v1/search?q=&per_page=1').then((r) => r.facets.theme);
  return themesEnCours;
}

let compteurIds = 0;

// ARIA 1.2 combobox with a listbox popup. `chercher(texte, signal)` returns
// groups [{titre?, options: [{contenu: Node|string, valeur}]}] (or a promise
// of them); `choisir(valeur, option)` is called on Enter or click. The input
// keeps the focus; aria-activedescendant names the active option.
export class Combobox {
  constructor({ input, liste, chercher, choisir, delai = 150, minimum = 1, surSaisie }) {
    Object.assign(this, { input, liste, chercher, choisir, delai, minimum, surSaisie });
    this.options = [];
    this.active = -1;
    this.minuterie = null;
    this.controleur = null;
    this.generation = 0;
    compteurIds += 1;
    this.prefixe = `${liste.id || 'cbx'}-${compteurIds}`;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', liste.id);
    input.setAttribute('autocomplete', 'off');
    liste.setAttribute('role', 'listbox');
    liste.hidden = true;
    input.addEventListener('input', () => { this.surSaisie?.(); this.planifier(); });
    input.addEventListener('keydown', (e) => this.touche(e));
    input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) this.fermer(); }, 0));
    input.addEventListener('focus', () => { if (this.options.length && this.input.value.trim().length >= this.minimum) this.ouvrir(); });
    // Keep the focus in the input when an option is clicked.
    liste.addEventListener('mousedown', (e) => e.preventDefault());
    liste.addEventListener('click', (e) => {
      const li = e.target.closest('[role="option"]');
      if (li) this.valider(Number(li.dataset.index));
    });
  }

  get ouvert() { return this.input.getAttribute('aria-expanded') === 'true'; }

  planifier(immediat = false) {
    clearTimeout(this.minuterie);
    this.minuterie = setTimeout(() => this.actualiser(), immediat ? 0 : this.delai);
  }

  annuler() {
    clearTimeout(this.minuterie);
    this.generation += 1;
    this.controleur?.abort();
    this.controleur = null;
  }

  async actualiser() {
    const texte = this.input.value;
    this.controleur?.abort();
    if (texte.trim().length < this.minimum) { this.vider(); return; }
    const generation = ++this.generation;
    const controleur = new AbortController();
    this.controleur = controleur;
    let groupes;
    try {
      groupes = await this.chercher(texte, controleur.signal);
    } catch (erreur) {
      if (!estAnnulation(erreur)) console.warn('Suggestions indisponibles :', erreur.message);
      return;
    }
    if (generation !== this.generation || this.input.value !== texte) return;
    this.afficher(groupes, texte);
  }

  // `pour`: the text these options answer (data-pour, for tests and styles).
  afficher(groupes, pour = this.input.value) {
    this.liste.dataset.pour = pour;
    this.liste.replaceChildren();
    this.options = [];
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    groupes.forEach((groupe, g) => {
      if (!groupe.options.length) return;
      let parent = this.liste;
      if (groupe.titre) {
        const titreId = `${this.prefixe}-g${g}`;
        parent = h('ul', { role: 'group', 'aria-labelledby': titreId, class: 'cbx-groupe' });
        this.liste.append(h('li', { role: 'presentation' },
          h('span', { id: titreId, class: 'cbx-titre', role: 'presentation' }, groupe.titre), parent));
      }
      for (const option of groupe.options) {
        const index = this.options.length;
        const li = h('li', {
          role: 'option', id: `${this.prefixe}-o${index}`, 'aria-selected': 'false', class: 'cbx-option',
          dataset: { index: String(index) },
        }, option.contenu);
        this.options.push({ ...option, li });
        parent.append(li);
      }
    });
    if (this.options.length) this.ouvrir(); else this.fermer();
  }

  vider() {
    delete this.liste.dataset.pour;
    this.liste.replaceChildren();
    this.options = [];
    this.fermer();
  }

  ouvrir() {
    if (!this.options.length) return;
    this.liste.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  fermer() {
    this.liste.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.activer(-1);
  }

  activer(index) {
    if (this.active >= 0 && this.options[this.active]) this.options[this.active].li.setAttribute('aria-selected', 'false');
    this.active = index;
    if (index < 0) { this.input.removeAttribute('aria-activedescendant'); return; }
    const { li } = this.options[index];
    li.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  valider(index) {
    const option = this.options[index];
    if (!option) return;
    this.annuler();
    this.fermer();
    this.choisir(option.valeur, option);
  }

  touche(e) {
    const n = this.options.length;
    switch (e.key) {
      case 'ArrowDown':
        if (!n) { if (this.input.value.trim().length >= this.minimum) this.planifier(true); return; }
        e.preventDefault();
        if (!this.ouvert) { this.ouvrir(); if (!e.altKey) this.activer(0); return; }
        this.activer(this.active + 1 >= n ? 0 : this.active + 1);
        break;
      case 'ArrowUp':
        if (!n) return;
        e.preventDefault();
        if (!this.ouvert) { this.ouvrir(); this.activer(n - 1); return; }
        this.activer(this.active <= 0 ? n - 1 : this.active - 1);
        break;
      case 'Home': case 'End':
        if (!this.ouvert || this.active < 0) return;
        e.preventDefault();
        this.activer(e.key === 'Home' ? 0 : n - 1);
        break;
      case 'Enter':
        if (this.ouvert && this.active >= 0) { e.preventDefault(); this.valider(this.active); }
        else { this.annuler(); this.fermer(); }
        break;
      case 'Escape':
        if (this.ouvert) { e.preventDefault(); this.annuler(); this.fermer(); }
        break;
      case 'Tab':
        this.fermer();
        break;
      default:
    }
  }
}

// "jeudi 21 janvier 2027 à 14:00", in Paris time (the sessions are French).
const formatSession = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris',
});
export const dateSession = (iso) => formatSession.format(new Date(iso)).replace(':', ' h ');

// A workshop's sessions: when, where, seats left and the registration link.
export function listeSessions(sessions) {
  return h('ul', { class: 'sessions', 'aria-label': 'Prochaines sessions' }, sessions.map((s) => {
    const quand = dateSession(s.start);
    const ou = s.online ? 'À distance' : `${s.location}${s.department ? ` (${s.department})` : ''}`;
    const places = s.seats_left === null || s.seats_left === undefined ? null
      : s.seats_left > 0 ? `${nombre(s.seats_left)} place${s.seats_left > 1 ? 's' : ''}` : 'complet';
    return h('li', { class: 'session' },
      h('span', {}, h('time', { datetime: s.start }, quand), h('br'), ou),
      h('span', {}, places ? h('span', { class: 'places' }, places) : null, places && s.registration_url ? ' · ' : null,
        s.registration_url && s.seats_left !== 0 ? h('a', { href: s.registration_url }, 'S’inscrire',
          h('span', { class: 'sr-only' }, ` à la session du ${quand}`)) : null));
  }));
}
