// minisearch: the MiniSearch library, the typo-tolerant in-browser engine a front-end
// team would drop in. Fields title, summary, themes, body (HTML stripped), boosts
// title 4, summary 2, themes 2; prefix search, fuzzy 0.2, words ANDed, falling back to
// OR when AND finds nothing. processTerm lower-cases and strips diacritics (NFD +
// combining marks removed), as its documentation suggests for accent-insensitive search.
import { searchableFields } from '../lib/html.mjs';
import { foldAccents } from '../lib/text.mjs';

export async function open({ records }) {
  const { default: MiniSearch } = await import('minisearch');
  const searchOptions = {
    boost: { title: 4, summary: 2, themes: 2 },
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND',
  };
  const index = new MiniSearch({
    idField: 'key',
    fields: ['title', 'summary', 'themes', 'body'],
    storeFields: [],
    processTerm: (term) => foldAccents(term),
    searchOptions,
  });
  index.addAll(records.map(({ key, record }) => ({ key, ...searchableFields(record) })));

  return {
    documents: index.documentCount,
    fallbacks: 0,
    async search(query, k) {
      let hits = index.search(query);
      if (hits.length === 0) {
        const orHits = index.search(query, { combineWith: 'OR' });
        if (orHits.length > 0) this.fallbacks++;
        hits = orHits;
      }
      return hits.slice(0, k).map((h) => h.id);
    },
    async close() {},
  };
}
