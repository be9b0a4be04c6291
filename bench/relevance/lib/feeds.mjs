// Reading the resource feeds (JSON Lines) and the judged query sets.
import fs from 'node:fs';
import path from 'node:path';

// --feeds accepts directories (every *.jsonl inside, sorted) and files.
export function resolveFeedFiles(args) {
  const files = [];
  for (const arg of args) {
    const stat = fs.statSync(arg, { throwIfNoEntry: false });
    if (!stat) throw new Error(`flux introuvable : ${arg}`);
    if (stat.isDirectory()) {
      const inDir = fs.readdirSync(arg).filter((f) => f.endsWith('.jsonl')).sort();
      if (inDir.length === 0) throw new Error(`aucun fichier *.jsonl dans ${arg}`);
      files.push(...inDir.map((f) => path.join(arg, f)));
    } else {
      files.push(arg);
    }
  }
  return files;
}

// Loads every record the way tec-index reads lines (BOM, CRLF, blank lines skipped).
// Only a minimal check is made here (a JSON object with string id, source and title):
// the full schema is tec-index's job, and when tec runs, the lines it rejects are
// removed from the corpus of every other engine (see filterRejected) so that all
// engines search the same documents. The same source:id twice keeps the later line.
export function loadRecords(files) {
  const byKey = new Map();
  const invalid = [];
  let lines = 0;
  for (const file of files) {
    let text = fs.readFileSync(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    text.split('\n').forEach((raw, i) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') return;
      lines++;
      let rec;
      try {
        rec = JSON.parse(line);
      } catch {
        invalid.push({ file, line: i + 1, reason: 'JSON invalide' });
        return;
      }
      if (!rec || typeof rec !== 'object' || Array.isArray(rec)
          || typeof rec.id !== 'string' || typeof rec.source !== 'string' || typeof rec.title !== 'string') {
        invalid.push({ file, line: i + 1, reason: 'id, source ou title manquant' });
        return;
      }
      const key = `${rec.source}:${rec.id}`;
      byKey.delete(key); // keep insertion order of the later line
      byKey.set(key, { key, file, line: i + 1, record: rec });
    });
  }
  return { files, lines, records: [...byKey.values()], invalid };
}

// Removes the (file, line) pairs rejected by tec-index.
export function filterRejected(records, rejected) {
  const bad = new Set(rejected.map((r) => `${r.file}\u0000${r.line}`));
  return records.filter((r) => !bad.has(`${r.file}\u0000${r.line}`));
}

// Judged queries: one JSON object a line,
// {"qid", "query", "category", "relevant": {"source:id": grade}}.
export function loadQuerySet(file) {
  const queries = [];
  const seen = new Set();
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) return;
    let q;
    try {
      q = JSON.parse(line);
    } catch (err) {
      throw new Error(`${file}:${i + 1}: JSON invalide (${err.message})`);
    }
    if (typeof q.qid !== 'string' || typeof q.query !== 'string' || !q.relevant || typeof q.relevant !== 'object') {
      throw new Error(`${file}:${i + 1}: qid, query et relevant sont obligatoires`);
    }
    if (seen.has(q.qid)) throw new Error(`${file}:${i + 1}: qid ${q.qid} en double`);
    seen.add(q.qid);
    for (const [id, grade] of Object.entries(q.relevant)) {
      if (!Number.isInteger(grade) || grade < 0) {
        throw new Error(`${file}:${i + 1}: note ${JSON.stringify(grade)} invalide pour ${id}`);
      }
    }
    queries.push({ qid: q.qid, query: q.query, category: q.category || 'uncategorised', relevant: q.relevant });
  });
  if (queries.length === 0) throw new Error(`${file} : aucune requête`);
  return queries;
}
