// pg-french: PostgreSQL full-text search the textbook way for French text.
// Text search configuration fr_unaccent = french + unaccent (the recipe of the
// PostgreSQL manual, "unaccent" chapter), weighted tsvector column (title A,
// summary B, themes B, body D) with a GIN index, queried with websearch_to_tsquery
// and ranked by ts_rank_cd. When the AND query matches nothing, the words are ORed
// (to_tsquery 'w1 | w2 | …'), the same fallback as sqlite-fts5 and minisearch.
import { searchableFields } from '../lib/html.mjs';
import { words } from '../lib/text.mjs';
import { loadTable, startPostgres } from './pg-server.mjs';

const CFG = 'fr_unaccent';
const TABLE = 'docs_french';

const vector = (column, weight) => `setweight(to_tsvector('${CFG}', coalesce(${column}, '')), '${weight}')`;

export async function open({ records, log, connections = 1 }) {
  const server = await startPostgres(log);
  const client = await server.connect();
  await client.query(`CREATE TEXT SEARCH CONFIGURATION ${CFG} (COPY = french)`);
  await client.query(`ALTER TEXT SEARCH CONFIGURATION ${CFG}
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem`);
  const tsv = [vector('title', 'A'), vector('summary', 'B'), vector('themes', 'B'), vector('body', 'D')].join(' || ');
  await loadTable(client, TABLE, records, tsv, searchableFields);
  // Throughput runs query from several connections, as a web application's pool would.
  const pool = [client];
  while (pool.length < connections) pool.push(await server.connect());
  let turn = 0;

  const run = async (tsqueryExpression, param, k) => {
    const { rows } = await pool[turn++ % pool.length].query(
      `SELECT key FROM ${TABLE}, ${tsqueryExpression} AS q
       WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC, key LIMIT $2`,
      [param, k],
    );
    return rows.map((r) => r.key);
  };

  return {
    documents: records.length,
    fallbacks: 0,
    async search(query, k) {
      const hits = await run(`websearch_to_tsquery('${CFG}', $1)`, query, k);
      const terms = words(query);
      if (hits.length > 0 || terms.length < 2) return hits;
      // Words are letters/digits only, so joining them with | is valid to_tsquery syntax.
      const orHits = await run(`to_tsquery('${CFG}', $1)`, terms.join(' | '), k);
      if (orHits.length > 0) this.fallbacks++;
      return orHits;
    },
    async close() {
      await Promise.all(pool.map((c) => c.end()));
    },
  };
}
