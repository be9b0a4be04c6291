#!/usr/bin/env node
// Query throughput of tec and its peers on the same corpus, the same queries
// and the same machine, in one run: each engine is opened on the feed (as in
// evaluate.mjs, with the peers configured the same way), then answers the
// queries in a loop from N concurrent callers for a fixed time. Prints
// queries/s and latency percentiles per engine, and the ratio to the fastest
// peer; writes them as JSON.
//   node throughput.mjs --feeds gen-10000.jsonl --queries q.txt [--engines tec,sqlite-fts5,pg-french]
//        [--connections 1,16] [--seconds 10] [--bin-dir build/release] [--json out.json]
//   node throughput.mjs --server HOST:PORT --queries q.txt [--connections 1] [--seconds 10]
//        (tec alone, a tec-searchd already running: two binaries or indexes
//        compared in turn, or a daemon profiled under this load)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runCleanups } from './lib/cleanup.mjs';
import { loadRecords, resolveFeedFiles } from './lib/feeds.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const log = (msg) => process.stderr.write(`${msg}\n`);

const { values } = parseArgs({
  options: {
    feeds: { type: 'string', multiple: true },
    queries: { type: 'string' },
    engines: { type: 'string', default: 'tec,sqlite-fts5,pg-french,pg-simple' },
    connections: { type: 'string', default: '1,16' },
    seconds: { type: 'string', default: '10' },
    'bin-dir': { type: 'string' },
    json: { type: 'string' },
    server: { type: 'string' },
  },
});
if ((!values.feeds && !values.server) || !values.queries) {
  log('Usage: node throughput.mjs (--feeds FILE.jsonl | --server HOTE:PORT) --queries FILE [--engines …] [--connections 1,16] [--seconds 10] [--json out.json]');
  process.exit(2);
}
const queries = fs.readFileSync(values.queries, 'utf8').split('\n').filter((q) => q.trim() !== '');
const levels = values.connections.split(',').map(Number);
const seconds = Number(values.seconds);
const binDir = values['bin-dir'] ? path.resolve(values['bin-dir']) : path.resolve(HERE, '../../build/release');
const feedFiles = values.server ? [] : resolveFeedFiles(values.feeds);
const { records } = values.server ? { records: [] } : loadRecords(feedFiles);
if (values.server) values.engines = 'tec';

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// `callers` loops, each taking the next query, until the time is up.
async function measure(adapter, callers) {
  const latencies = [];
  let next = 0;
  let errors = 0;
  const warmupEnd = performance.now() + 1000;
  while (performance.now() < warmupEnd) await adapter.search(queries[next++ % queries.length], 10);
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: callers }, async () => {
    while (performance.now() < end) {
      const q = queries[next++ % queries.length];
      const t0 = performance.now();
      try {
        await adapter.search(q, 10);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    connections: callers,
    queries: latencies.length,
    errors,
    queries_per_second: latencies.length / elapsed,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
  };
}

const results = [];
try {
  for (const engine of values.engines.split(',')) {
    const maxConnections = Math.max(...levels);
    log(`\n== ${engine}`);
    let adapter;
    const t0 = performance.now();
    try {
      const mod = await import(`./engines/${engine}.mjs`);
      adapter = await mod.open({ records, feedFiles, binDir, log, connections: maxConnections, keepAlive: true, server: values.server });
    } catch (err) {
      log(`  ignoré : ${err.message}`);
      results.push({ engine, status: err.skip ? 'skipped' : 'failed', reason: err.message });
      continue;
    }
    const setupSeconds = (performance.now() - t0) / 1000;
    log(`  prêt en ${setupSeconds.toFixed(1)} s (${adapter.documents} documents)`);
    const runs = [];
    for (const callers of levels) {
      const run = await measure(adapter, callers);
      log(`  ${callers} appelant(s) : ${run.queries_per_second.toFixed(0)} requêtes/s, p50 ${run.p50_ms.toFixed(2)} ms, p99 ${run.p99_ms.toFixed(2)} ms, ${run.errors} erreur(s)`);
      runs.push(run);
    }
    await adapter.close();
    results.push({ engine, status: 'ok', documents: adapter.documents, setup_seconds: setupSeconds, runs });
  }
} finally {
  await runCleanups();
}

// Ratio of tec to the fastest peer at each concurrency.
const tec = results.find((r) => r.engine === 'tec' && r.status === 'ok');
const ratios = {};
for (const callers of levels) {
  const qps = (r) => r.runs.find((x) => x.connections === callers)?.queries_per_second ?? 0;
  const peers = results.filter((r) => r.engine !== 'tec' && r.status === 'ok');
  if (!tec || peers.length === 0) continue;
  const best = peers.reduce((a, b) => (qps(a) >= qps(b) ? a : b));
  ratios[callers] = { fastest_peer: best.engine, ratio: qps(tec) / qps(best) };
  log(`${callers} appelant(s) : tec ${qps(tec).toFixed(0)} requêtes/s, ${(qps(tec) / qps(best)).toFixed(2)} × ${best.engine}`);
}
const out = { feeds: values.feeds, queries: queries.length, seconds, results, ratios };
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(out, null, 2)}\n`);
