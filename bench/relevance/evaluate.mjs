#!/usr/bin/env node
// Relevance evaluation of tec-search against other full-text engines on the same
// corpus: runs every judged query of a set against each engine and reports
// nDCG@k, MRR@k and recall@k, overall and per category. See README.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runCleanups } from './lib/cleanup.mjs';
import { filterRejected, loadQuerySet, loadRecords, resolveFeedFiles } from './lib/feeds.mjs';
import { aggregate, scoreQuery } from './lib/metrics.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ALL_ENGINES = ['tec', 'sqlite-fts5', 'pg-french', 'pg-simple', 'minisearch'];
const CATEGORY_ORDER = ['exact', 'accents', 'elision', 'morphology', 'typo', 'synonym', 'natural', 'prefix'];

const USAGE = `Usage: node evaluate.mjs --set QUERIES.jsonl --feeds DIR|FILE.jsonl [FILE.jsonl…]
       [--engines ${ALL_ENGINES.join(',')}] [--bin-dir build/release]
       [--json out.json] [--markdown out.md] [--k 10]

  --set       judged queries, one JSON object a line:
              {"qid", "query", "category", "relevant": {"source:id": grade}}
  --feeds     a directory (all its *.jsonl) or JSONL files; repeatable
  --engines   comma-separated subset of ${ALL_ENGINES.join(', ')} (default: all)
  --bin-dir   folder holding indexer/tec-index and searchd/tec-searchd
              (default: build/release of this repository)
  --json      write every number and every query's returned ids there
  --markdown  write the tables there
  --k         cutoff (default 10)`;

const log = (msg) => process.stderr.write(`${msg}\n`);

function parseCli() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      set: { type: 'string' },
      feeds: { type: 'string', multiple: true },
      engines: { type: 'string' },
      'bin-dir': { type: 'string' },
      json: { type: 'string' },
      markdown: { type: 'string' },
      k: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const feeds = [...(values.feeds ?? []), ...positionals];
  if (!values.set || feeds.length === 0) throw new UsageError('--set et --feeds sont obligatoires');
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 100) throw new UsageError('--k doit être un entier entre 1 et 100');
  const engines = (values.engines ?? ALL_ENGINES.join(',')).split(',').map((e) => e.trim()).filter(Boolean);
  for (const e of engines) {
    if (!ALL_ENGINES.includes(e)) throw new UsageError(`moteur inconnu : ${e} (connus : ${ALL_ENGINES.join(', ')})`);
  }
  // tec runs first: the records it rejects are left out of the other engines' corpus.
  engines.sort((a, b) => ALL_ENGINES.indexOf(a) - ALL_ENGINES.indexOf(b));
  return {
    set: values.set,
    feeds,
    engines: [...new Set(engines)],
    binDir: values['bin-dir'] ? path.resolve(values['bin-dir']) : path.resolve(HERE, '../../build/release'),
    json: values.json,
    markdown: values.markdown,
    k,
  };
}

class UsageError extends Error {}

const fmt = (x) => x.toFixed(3);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

function categoriesOf(queries) {
  const present = [...new Set(queries.map((q) => q.category))];
  return [
    ...CATEGORY_ORDER.filter((c) => present.includes(c)),
    ...present.filter((c) => !CATEGORY_ORDER.includes(c)).sort(),
  ];
}

async function runEngine(name, context, queries, k) {
  const result = { engine: name, status: 'ok', setupMs: 0, queryMs: 0, documents: null, errors: [], perQuery: [] };
  log(`\n== ${name}`);
  const t0 = performance.now();
  let adapter;
  try {
    const mod = await import(`./engines/${name}.mjs`);
    adapter = await mod.open(context);
  } catch (err) {
    if (err.skip) {
      log(`  ${err.message}`);
      return { ...result, status: 'skipped', reason: err.message };
    }
    if (err.code === 'ERR_MODULE_NOT_FOUND') {
      const msg = `${err.message}\n  (dépendances npm manquantes ? lancer « npm ci » dans bench/relevance)`;
      log(`  échec : ${msg}`);
      return { ...result, status: 'failed', reason: msg };
    }
    log(`  échec à la mise en place : ${process.env.DEBUG ? err.stack : err.message}`);
    return { ...result, status: 'failed', reason: err.message };
  }
  result.setupMs = performance.now() - t0;
  result.documents = adapter.documents ?? null;
  if (adapter.rejected) result.rejected = adapter.rejected;
  log(`  prêt en ${seconds(result.setupMs)} (${result.documents} documents)`);

  try {
    for (const q of queries) {
      const start = performance.now();
      let ids = [];
      let error;
      try {
        ids = (await adapter.search(q.query, k)).slice(0, k);
      } catch (err) {
        error = err.message;
        result.errors.push({ qid: q.qid, query: q.query, error });
        log(`  ${q.qid} « ${q.query} » : erreur ${error}`);
      }
      const ms = performance.now() - start;
      result.queryMs += ms;
      result.perQuery.push({
        qid: q.qid, category: q.category, ids,
        grades: ids.map((id) => q.relevant[id] ?? null),
        ...scoreQuery(ids, q.relevant, k),
        ms, ...(error ? { error } : {}),
      });
    }
  } finally {
    if (typeof adapter.fallbacks === 'number') result.orFallbacks = adapter.fallbacks;
    await adapter.close();
  }
  Object.assign(result, aggregate(result.perQuery));
  const o = result.overall;
  log(`  ${queries.length} requêtes en ${seconds(result.queryMs)} : nDCG@${k} ${fmt(o.ndcg)}  MRR@${k} ${fmt(o.mrr)}  recall@${k} ${fmt(o.recall)}`);
  return result;
}

function printConsole(results, categories, k) {
  const rows = [];
  for (const r of results) {
    if (r.status !== 'ok') {
      rows.push(`${r.engine}: ${r.status} (${r.reason})`);
      continue;
    }
    rows.push(`${r.engine}  (${r.documents} documents, mise en place ${seconds(r.setupMs)}, requêtes ${seconds(r.queryMs)}`
      + `${r.errors.length ? `, ${r.errors.length} erreur(s)` : ''}${r.orFallbacks !== undefined ? `, repli OR ${r.orFallbacks}×` : ''})`);
    const line = (label, s) => `  ${label.padEnd(14)} ${String(s.queries).padStart(4)}  nDCG@${k} ${fmt(s.ndcg)}  MRR@${k} ${fmt(s.mrr)}  recall@${k} ${fmt(s.recall)}`;
    rows.push(line('overall', r.overall));
    for (const c of categories) if (r.byCategory[c]) rows.push(line(c, r.byCategory[c]));
  }
  console.log(rows.join('\n'));
}

function markdownReport({ opts, queries, categories, results, corpus, started }) {
  const ok = results.filter((r) => r.status === 'ok');
  const counts = Object.fromEntries(categories.map((c) => [c, queries.filter((q) => q.category === c).length]));
  const out = [];
  out.push(`# Relevance: ${path.basename(opts.set)}`, '');
  out.push(`${queries.length} judged queries from \`${opts.set}\`, corpus ${corpus.documents} documents from `
    + `${corpus.files.map((f) => `\`${f}\``).join(', ')}; cutoff k = ${opts.k}; run ${started}.`, '');
  out.push(`## nDCG@${opts.k} per category`, '');
  out.push(`| engine | ${categories.map((c) => `${c} (${counts[c]})`).join(' | ')} | **overall (${queries.length})** |`);
  out.push(`|---|${categories.map(() => '---:').join('|')}|---:|`);
  for (const r of ok) {
    out.push(`| ${r.engine} | ${categories.map((c) => fmt(r.byCategory[c]?.ndcg ?? 0)).join(' | ')} | **${fmt(r.overall.ndcg)}** |`);
  }
  out.push('', '## Overall', '');
  out.push(`| engine | nDCG@${opts.k} | MRR@${opts.k} | recall@${opts.k} | documents | setup | queries (total) | errors |`);
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of ok) {
    out.push(`| ${r.engine} | ${fmt(r.overall.ndcg)} | ${fmt(r.overall.mrr)} | ${fmt(r.overall.recall)} | ${r.documents} | `
      + `${seconds(r.setupMs)} | ${seconds(r.queryMs)} | ${r.errors.length} |`);
  }
  for (const r of results.filter((x) => x.status !== 'ok')) out.push('', `*${r.engine}: ${r.status}: ${r.reason}*`);
  for (const metric of ['mrr', 'recall']) {
    out.push('', `## ${metric === 'mrr' ? 'MRR' : 'Recall'}@${opts.k} per category`, '');
    out.push(`| engine | ${categories.join(' | ')} | **overall** |`);
    out.push(`|---|${categories.map(() => '---:').join('|')}|---:|`);
    for (const r of ok) {
      out.push(`| ${r.engine} | ${categories.map((c) => fmt(r.byCategory[c]?.[metric] ?? 0)).join(' | ')} | **${fmt(r.overall[metric])}** |`);
    }
  }
  out.push('', `## nDCG@${opts.k} per query`, '');
  out.push(`| qid | category | query | ${ok.map((r) => r.engine).join(' | ')} |`);
  out.push(`|---|---|---|${ok.map(() => '---:').join('|')}|`);
  queries.forEach((q, i) => {
    const query = q.query.replace(/\|/g, '\\|');
    out.push(`| ${q.qid} | ${q.category} | ${query} | ${ok.map((r) => fmt(r.perQuery[i].ndcg)).join(' | ')} |`);
  });
  return `${out.join('\n')}\n`;
}

function jsonReport({ opts, queries, results, corpus, started, missing }) {
  const engines = {};
  for (const r of results) {
    const { perQuery, ...rest } = r;
    engines[r.engine] = rest;
  }
  return {
    set: opts.set,
    feeds: corpus.files,
    k: opts.k,
    started,
    corpus: { documents: corpus.documents, linesRead: corpus.lines, rejected: corpus.rejected },
    judgedButAbsent: missing,
    engines,
    queries: queries.map((q, i) => ({
      ...q,
      results: Object.fromEntries(results.filter((r) => r.status === 'ok').map((r) => {
        const { qid, category, ...rest } = r.perQuery[i];
        return [r.engine, rest];
      })),
    })),
  };
}

async function main() {
  const opts = parseCli();
  const started = new Date().toISOString();
  const t0 = performance.now();
  const queries = loadQuerySet(opts.set);
  const feedFiles = resolveFeedFiles(opts.feeds);
  const loaded = loadRecords(feedFiles);
  log(`${queries.length} requêtes (${opts.set}), ${loaded.records.length} enregistrements dans ${feedFiles.length} fichier(s)`);
  for (const bad of loaded.invalid) log(`  ignoré : ${bad.file}:${bad.line}: ${bad.reason}`);

  const corpus = { files: feedFiles, lines: loaded.lines, documents: loaded.records.length, rejected: loaded.invalid };
  const context = { feedFiles, records: loaded.records, binDir: opts.binDir, k: opts.k, log };
  const results = [];
  for (const name of opts.engines) {
    const result = await runEngine(name, context, queries, opts.k);
    results.push(result);
    if (name === 'tec' && result.status === 'ok') {
      // Same corpus for everyone: drop what tec-index rejected.
      context.records = filterRejected(context.records, result.rejected ?? []);
      corpus.documents = result.documents;
      corpus.rejected = result.rejected ?? [];
    }
  }
  runCleanups(); // stops the PostgreSQL server, removes temporary directories

  // Judged documents that are not in the corpus cannot be found by any engine.
  const keys = new Set(context.records.map((r) => r.key));
  const missing = [];
  for (const q of queries) {
    for (const id of Object.keys(q.relevant)) if (!keys.has(id)) missing.push({ qid: q.qid, id });
  }
  if (missing.length) {
    log(`\nattention : ${missing.length} document(s) jugé(s) absent(s) du corpus, par exemple `
      + missing.slice(0, 5).map((m) => `${m.qid}→${m.id}`).join(', '));
  }

  const categories = categoriesOf(queries);
  console.log('');
  printConsole(results, categories, opts.k);
  const md = markdownReport({ opts, queries, categories, results, corpus, started });
  console.log(`\n${md.split('\n## Overall')[0].split('\n').slice(2).join('\n').trim()}`);
  if (opts.markdown) {
    fs.mkdirSync(path.dirname(path.resolve(opts.markdown)), { recursive: true });
    fs.writeFileSync(opts.markdown, md);
  }
  if (opts.json) {
    fs.mkdirSync(path.dirname(path.resolve(opts.json)), { recursive: true });
    fs.writeFileSync(opts.json, `${JSON.stringify(jsonReport({ opts, queries, results, corpus, started, missing }), null, 1)}\n`);
  }
  log(`\nterminé en ${seconds(performance.now() - t0)}`);
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (err) => {
    runCleanups();
    if (err instanceof UsageError) {
      log(`${err.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      log(`erreur : ${err.stack ?? err.message}`);
      process.exitCode = 1;
    }
  },
);
