#!/usr/bin/env node
// The real-text measures of bench/run.sh (bench/out/real-*.json), in one
// Markdown table held against the targets of a 2-core machine:
//   node bench/real_text.mjs bench/out > table.md
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'bench/out';
const read = (name) => {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};
const f2 = (x) => x.toFixed(2);
const n = (x) => Math.round(x).toLocaleString('en-US');
const mb = (bytes) => `${n(bytes / 2 ** 20)} MB`;
const suggest = (name) => {
  const file = path.join(dir, `real-suggest-${name}.txt`);
  if (!fs.existsSync(file)) return null;
  const m = fs.readFileSync(file, 'utf8').match(/p50 ([\d.]+) ms, p90 ([\d.]+) ms, p99 ([\d.]+) ms/);
  return m && { p50: Number(m[1]), p99: Number(m[3]) };
};
const verdict = (ok) => (ok ? 'met' : 'not met');
const rows = [];
const row = (what, measured, target, ok) => rows.push(`| ${what} | ${measured} | ${target} | ${ok === undefined ? '' : verdict(ok)} |`);

for (const [name, label] of [['gd', 'Grand Débat, 328k'], ['gd3', 'Grand Débat ×3, ~1M'], ['fr', 'real French base, 1,830']]) {
  const indexing = read(`real-indexing-${name}.json`);
  const floor = read(`real-floor-${name}.json`);
  const one = read(`real-load-${name}-1.json`);
  const sixteen = read(`real-load-${name}-16.json`);
  const searchd = read(`real-searchd-${name}.json`);
  if (!indexing) continue;
  const docsPerSecond = indexing.documents / indexing.index_seconds;
  if (floor) {
    const ratio = floor.tec.mean_ms / floor.bare.mean_ms;
    row(`${label}: search, server side (${floor.queries} queries × ${floor.rounds}, cache off), against bare Xapian`,
      `tec mean ${f2(floor.tec.mean_ms)} ms, p50 ${f2(floor.tec.p50_ms)}, p99 ${f2(floor.tec.p99_ms)}; bare Xapian mean ${f2(floor.bare.mean_ms)} ms, p50 ${f2(floor.bare.p50_ms)}, p99 ${f2(floor.bare.p99_ms)}: **${f2(ratio)}×**`,
      name === 'gd' ? 'mean ≤ 1.5× bare' : name === 'fr' ? 'p50 ≤ 1.5 ms, p99 ≤ 5 ms' : 'reported',
      name === 'gd' ? ratio <= 1.5 : name === 'fr' ? floor.tec.p50_ms <= 1.5 && floor.tec.p99_ms <= 5 : undefined);
  }
  if (sixteen) {
    const s = sixteen.search;
    row(`${label}: searches at 16 connections (client side)`,
      `${n(sixteen.requests_per_second)} requests/s, p50 ${f2(s.client.p50_ms)} ms, p99 ${f2(s.client.p99_ms)} ms, ${sixteen.errors} errors`,
      name === 'gd' ? '≥ 1,500 requests/s, p99 ≤ 25 ms, no error' : 'reported',
      name === 'gd' ? sixteen.requests_per_second >= 1500 && s.client.p99_ms <= 25 && sixteen.errors === 0 : undefined);
  }
  if (one) {
    const s = one.search;
    row(`${label}: searches on one connection`, `${n(one.requests_per_second)} requests/s, server p50 ${f2(s.server.p50_ms)} ms, p99 ${f2(s.server.p99_ms)} ms; client p99 ${f2(s.client.p99_ms)} ms`, 'reported');
  }
  if (name === 'gd') {
    const peers = read('real-peers-gd.json');
    const fts = peers?.results?.find((r) => r.engine === 'sqlite-fts5' && r.status === 'ok')?.runs?.[0];
    if (fts && sixteen) {
      const qps = fts.queries_per_second;
      row(`${label}: against SQLite FTS5 in process (one caller, same answers and queries, no snippets)`,
        `FTS5 ${n(qps)} queries/s; tec ${n(sixteen.requests_per_second)} requests/s at 16 connections: **${f2(sixteen.requests_per_second / qps)}×**`,
        '≥ 5×', sixteen.requests_per_second / qps >= 5);
    }
    const sug = suggest(name);
    if (sug) row(`${label}: suggest, one request at a time (server side)`, `p50 ${f2(sug.p50)} ms, p99 ${f2(sug.p99)} ms`, 'p99 ≤ 3 ms', sug.p99 <= 3);
  }
  row(`${label}: tec-index`, `${n(docsPerSecond)} documents/s (${f2(indexing.index_seconds)} s), peak RSS ${mb(indexing.index_peak_rss_kb * 1024)}, index ${mb(indexing.index_bytes)}`,
    name === 'gd' ? '≥ 5,000 documents/s' : 'reported', name === 'gd' ? docsPerSecond >= 5000 : undefined);
  if (searchd) row(`${label}: tec-searchd peak RSS`, mb(searchd.peak_rss_kb * 1024), 'reported');
}
const recommend = read('real-load-gen100k-1.json') ?? read('load-100000-1.json');
if (recommend) {
  row('generated 100k: recommend on one connection (server side)', `p99 ${f2(recommend.recommend.server.p99_ms)} ms`, 'p99 ≤ 15 ms', recommend.recommend.server.p99_ms <= 15);
}
console.log('| measure | measured | target | |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
