// pg-simple: PostgreSQL searched the way Rails participation platforms such as
// Decidim do through the pg_search gem (Casecommons/pg_search,
// lib/pg_search/features/tsearch.rb) with `using: { tsearch: { prefix: true } }` and
// `ignoring: :accents`:
//   - dictionary 'simple' (no stemming, no stop words), text wrapped in unaccent();
//   - the query split on whitespace; in each term the characters ' ? \ : ‘ ’ become
//     spaces; each term becomes to_tsquery('simple', ''' ' || unaccent(term) || ' ''' || ':*')
//     (prefix match) and the terms are joined with && (all words required; pg_search
//     has no OR fallback unless any_word is set, so none here);
//   - weighted tsvector (title A, summary B, themes B, body D), GIN index;
//   - ranked by ts_rank(tsv, query, 0), pg_search's default (normalization 0),
//     ties by key.
import { searchableFields } from '../lib/html.mjs';
import { loadTable, startPostgres } from './pg-server.mjs';

const TABLE = 'docs_simple';
const DISALLOWED_TSQUERY_CHARACTERS = /['?\\:‘’]/g;

const vector = (column, weight) => `setweight(to_tsvector('simple', unaccent(coalesce(${column}, ''))), '${weight}')`;

export async function open({ records, log, connections = 1 }) {
  const server = await startPostgres(log);
  const client = await server.connect();
  const tsv = [vector('title', 'A'), vector('summary', 'B'), vector('themes', 'B'), vector('body', 'D')].join(' || ');
  await loadTable(client, TABLE, records, tsv, searchableFields);
  // Throughput runs query from several connections, as a web application's pool would.
  const pool = [client];
  while (pool.length < connections) pool.push(await server.connect());
  let turn = 0;

  return {
    documents: records.length,
    async search(query, k) {
      const terms = query.trim().split(/\s+/).filter(Boolean)
        .map((t) => t.replace(DISALLOWED_TSQUERY_CHARACTERS, ' '));
      if (terms.length === 0) return [];
      const tsquery = terms
        .map((_, i) => `to_tsquery('simple', ''' ' || unaccent($${i + 2}) || ' ''' || ':*')`)
        .join(' && ');
      const { rows } = await pool[turn++ % pool.length].query(
        `SELECT key FROM ${TABLE}, (SELECT ${tsquery} AS q) AS query
         WHERE tsv @@ q ORDER BY ts_rank(tsv, q, 0) DESC, key LIMIT $1`,
        [k, ...terms],
      );
      return rows.map((r) => r.key);
    },
    async close() {
      await Promise.all(pool.map((c) => c.end()));
    },
  };
}
