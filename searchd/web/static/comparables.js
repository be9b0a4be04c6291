// "Collectivités comparables" on /conseil: once the console has recommended
// for a collectivity (the `recommandation` event conseil.js sends with the
// answer of /v1/recommend), the collectivities like it that carried a
// project on its themes or need, from /v1/territories/{code}/peers, with
// their distance, what they did and links to the resources.
import { api, estAnnulation, h, nombre } from './commun.js';

const $ = (id) => document.getElementById(id);
const PREFIXE_CODE = { region: 'r' };
let controleur = null;

function lienRessource(r) {
  const href = r.url || `/v1/resources/${encodeURIComponent(r.source)}/${encodeURIComponent(r.id)}`;
  return h('li', {}, h('a', { href }, r.title), r.year ? ` (${r.year})` : null);
}

function cartePair(p) {
  const titreId = `pair-${p.code}`;
  const taille = p.population !== null ? `${nombre(p.population)} habitants` : null;
  const distance = p.distance_km !== null ? `à ${nombre(p.distance_km)} km` : null;
  return h('li', { dataset: { code: p.code } },
    h('article', { 'aria-labelledby': titreId },
      h('h3', { id: titreId }, p.name),
      h('p', { class: 'extrait' }, [taille, distance].filter(Boolean).join(' · ')),
      h('ul', { class: 'raisons', 'aria-label': 'Pourquoi cette collectivité' }, p.reasons.map((raison) => h('li', {}, raison))),
      p.resources.length ? h('ul', { class: 'ressources-pair', 'aria-label': `Ressources de ${p.name}` }, p.resources.map(lienRessource)) : null));
}

async function afficherComparables(profil) {
  controleur?.abort();
  const section = $('comparables');
  if (!profil.code || !profil.territory_type) {
    section.hidden = true;
    return;
  }
  controleur = new AbortController();
  const requete = new URLSearchParams();
  for (const t of profil.themes) requete.append('themes', t);
  if (profil.need) requete.set('need', profil.need);
  requete.set('limit', '5');
  const code = `${PREFIXE_CODE[profil.territory_type] || ''}${profil.code}`;
  let reponse;
  try {
    reponse = await api(`/v1/territories/${encodeURIComponent(code)}/peers?${requete}`, { signal: controleur.signal });
  } catch (e) {
    if (estAnnulation(e)) return;
    $('comparables-liste').replaceChildren(h('li', {}, e.message));
    section.hidden = false;
    return;
  }
  $('comparables-liste').replaceChildren(...reponse.peers.map(cartePair));
  if (!reponse.peers.length) {
    $('comparables-liste').append(h('li', {}, 'Aucune collectivité comparable n’a encore partagé de projet sur ces thèmes.'));
  }
  section.hidden = false;
}

document.addEventListener('recommandation', (e) => afficherComparables(e.detail.profile));
