// sqlite-fts5: SQLite's FTS5 in memory through better-sqlite3 (major version 12).
// unicode61 tokenizer with remove_diacritics 2 (accent-insensitive, no stemming),
// ranked by bm25() with the column weights tec uses: title 4, summary 2, themes 2, body 1.
//
// Query: the user's text is cut into words (Unicode letters/digits), so FTS5 syntax
// characters (" * ^ : ( ) - + …) never reach MATCH; each word is quoted and all words
// are ANDed. When the AND query matches nothing, the same words are ORed, as a careful
// engineer would do to avoid an empty page (tec itself never returns an empty page
// when some words match).
import { searchableFields } from '../lib/html.mjs';
import { words } from '../lib/text.mjs';

export async function open({ records }) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(
    title, summary, themes, body,
    tokenize = 'unicode61 remove_diacritics 2'
  )`);
  const keys = [];
  const insert = db.prepare('INSERT INTO docs(rowid, title, summary, themes, body) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const { key, record } of records) {
      const f = searchableFields(record);
      keys.push(key);
      insert.run(keys.length, f.title, f.summary, f.themes, f.body);
    }
  })();
  db.exec("INSERT INTO docs(docs) VALUES ('optimize')");

  const select = db.prepare(`SELECT rowid FROM docs WHERE docs MATCH ?
    ORDER BY bm25(docs, 4.0, 2.0, 2.0, 1.0), rowid LIMIT ?`);
  const run = (match, k) => select.all(match, k).map((row) => keys[row.rowid - 1]);

  return {
    documents: keys.length,
    fallbacks: 0,
    async search(query, k) {
      const terms = words(query).map((w) => `"${w}"`);
      if (terms.length === 0) return [];
      const hits = run(terms.join(' AND '), k);
      if (hits.length > 0 || terms.length === 1) return hits;
      this.fallbacks++;
      return run(terms.join(' OR '), k);
    },
    async close() {
      db.close();
    },
  };
}
