#!/usr/bin/env node
// Turns the JSON files bench/run.sh wrote into one Markdown report (stdout)
// and results.json: the machine, then every measure with the target it is
// held against.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = process.argv[2] ?? 'bench/out';
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'results.json');
const matching = (re) => files.filter((f) => re.test(f)).sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]));
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const n = (x) => Math.round(x).toLocaleString('en-US');
const lines = [];
const table = (header, rows) => {
  lines.push(`| ${header.join(' | ')} |`, `|${header.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  lines.push('');
};

const cpu = os.cpus()[0]?.model ?? 'inconnu';
lines.push(`Machine: ${os.cpus().length} cores (${cpu}), ${f1(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; ${new Date().toISOString().slice(0, 10)}.`, '');

const results = { indexing: [], micro: {}, sync: null, load: [], searchd: [], peers: {} };

lines.push('**Indexing** (`tec-index`, the whole generated corpus, one process)', '');
table(['documents', 'seconds', 'docs/s', 'peak RSS', 'index size'], matching(/^indexing-\d+\.json$/).map((f) => {
  const r = read(f);
  results.indexing.push(r);
  return [n(r.documents), f1(r.index_seconds), n(r.documents / r.index_seconds), `${n(r.index_peak_rss_kb / 1024)} MB`, `${n(r.index_bytes / 2 ** 20)} MB`];
}));

if (files.includes('sync.json')) {
  const s = read('sync.json');
  results.sync = s;
  lines.push(`**Sync of one source** (\`tec-index sync\`, ${n(s.documents)} records): first run ${f1(s.first_sync_seconds)} s, unchanged re-run ${f1(s.unchanged_sync_seconds)} s.`, '');
}

const micro = matching(/^micro-\d+\.json$/);
if (micro.length) {
  const kinds = [];
  const bySize = micro.map((f) => {
    const size = Number(f.match(/\d+/)[0]);
    const entries = {};
    for (const b of read(f).benchmarks) {
      const name = b.label ? `${b.name.split('/')[0].replace('IndexFixture/', '')}: ${b.label}` : b.name.replace('IndexFixture/', '').replace('BM_', '');
      entries[name] = b;
      if (!kinds.includes(name)) kinds.push(name);
    }
    results.micro[size] = entries;
    return { size, entries };
  });
  lines.push('**Microbenchmarks** (Google Benchmark, one thread; analysis and indexing on the first 5,000 documents)', '');
  table(['benchmark', ...bySize.map((s) => `${n(s.size)} docs`)], kinds.map((k) => [k, ...bySize.map(({ entries }) => {
    const b = entries[k];
    if (!b) return '';
    if (b.bytes_per_second) return `${f1(b.bytes_per_second / 2 ** 20)} MB/s`;
    if (b.items_per_second) return `${n(b.items_per_second)} docs/s`;
    const us = b.time_unit === 'ms' ? b.real_time * 1000 : b.time_unit === 'ns' ? b.real_time / 1000 : b.real_time;
    return `${f2(us / 1000)} ms`;
  })]));
}

const load = matching(/^load-(cached-)?\d+-\d+\.json$/);
if (load.length) {
  lines.push('**HTTP load** (`tec-load`, keep-alive connections; mix of 60 % search with facets and snippets, 30 % suggest, 10 % recommend; server-side times are the responses\' `took_ms`; answer cache off but in the rows that say otherwise)', '');
  table(['documents', 'connections', 'answer cache', 'requests/s', 'search p50 / p99 (server)', 'search p99 (client)', 'suggest p99 (server)', 'recommend p99 (server)', 'errors'],
    load.map((f) => {
      const r = read(f);
      const [, cached, size, c] = f.match(/load-(cached-)?(\d+)-(\d+)/);
      results.load.push({ documents: Number(size), cache: Boolean(cached), ...r });
      return [n(Number(size)), c, cached ? 'on' : 'off', n(r.requests_per_second), `${f2(r.search.server.p50_ms)} / ${f2(r.search.server.p99_ms)} ms`,
        `${f2(r.search.client.p99_ms)} ms`, `${f2(r.suggest.server.p99_ms)} ms`, `${f2(r.recommend.server.p99_ms)} ms`, String(r.errors)];
    }));
}

const searchd = matching(/^searchd-\d+\.json$/);
if (searchd.length) {
  lines.push('**tec-searchd memory and start-up**', '');
  table(['documents', 'start to first answered search', 'RSS after the load', 'peak RSS'], searchd.map((f) => {
    const r = read(f);
    results.searchd.push(r);
    return [n(r.documents), `${n(r.first_answer_ms)} ms`, `${n(r.rss_kb / 1024)} MB`, `${n(r.peak_rss_kb / 1024)} MB`];
  }));
}

for (const f of matching(/^peers-\d+\.json$/)) {
  const size = Number(f.match(/\d+/)[0]);
  const r = read(f);
  results.peers[size] = r;
  lines.push(`**Peers, ${n(size)} documents** (\`bench/relevance/throughput.mjs\`: the same queries through each engine's adapter, from one Node.js process; tec over HTTP, SQLite in process, PostgreSQL over a Unix socket)`, '');
  const levels = [...new Set(r.results.flatMap((e) => (e.runs ?? []).map((x) => x.connections)))];
  table(['engine', ...levels.flatMap((c) => [`${c} caller(s): queries/s`, 'p99'])], r.results.map((e) => (e.status !== 'ok'
    ? [e.engine, ...levels.flatMap(() => [e.status, ''])]
    : [e.engine, ...levels.flatMap((c) => {
      const run = e.runs.find((x) => x.connections === c);
      return [n(run.queries_per_second), `${f2(run.p99_ms)} ms`];
    })])));
  for (const [c, ratio] of Object.entries(r.ratios ?? {})) lines.push(`- ${c} caller(s): tec is ${f2(ratio.ratio)}× the fastest peer (${ratio.fastest_peer}).`);
  lines.push('');
}

fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
