// node bench/scale/suggest_latency.mjs --server HOST:PORT --queries q.txt [--tries 3] [--slowest N]
// The prefixes tec-load types for suggestions (each query cut at 1/7 … 6/7
// of its bytes, at least 2), asked one at a time of a running tec-searchd:
// each prefix `tries` times, its median server time (`took_ms`) kept, then
// the percentiles over all prefixes, and with --slowest the N slowest
// prefixes. One request at a time, so the figures are the work of a
// suggestion alone, without queueing.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { server: { type: 'string' }, queries: { type: 'string' }, tries: { type: 'string', default: '3' }, slowest: { type: 'string', default: '0' } },
});
if (!values.server || !values.queries) {
  console.error('usage : suggest_latency.mjs --server HOTE:PORT --queries FICHIER [--tries 3] [--slowest N]');
  process.exit(2);
}
const tries = Number(values.tries);
const queries = readFileSync(values.queries, 'utf8').split('\n').filter(Boolean);

// As load_test.cpp cuts them: by bytes, never inside a UTF-8 sequence.
function prefixes(query) {
  const bytes = Buffer.from(query);
  const out = [];
  for (let slot = 12; slot < 18; ++slot) {
    let cut = Math.min(Math.max(2, Math.floor((bytes.length * (slot - 11)) / 7)), bytes.length);
    while (cut > 0 && cut < bytes.length && (bytes[cut] & 0xc0) === 0x80) --cut;
    out.push(bytes.subarray(0, cut).toString());
  }
  return out;
}

const timed = [];  // {prefix, ms}, the median of its tries
for (const query of queries) {
  for (const prefix of prefixes(query)) {
    const tried = [];
    for (let i = 0; i < tries; ++i) {
      const res = await fetch(`http://${values.server}/v1/suggest?q=${encodeURIComponent(prefix)}&limit=8`);
      tried.push((await res.json()).took_ms);
    }
    tried.sort((a, b) => a - b);
    timed.push({ prefix, ms: tried[Math.floor(tried.length / 2)] });
  }
}
timed.sort((a, b) => a.ms - b.ms);
const at = (share) => timed[Math.min(timed.length - 1, Math.floor(timed.length * share))].ms.toFixed(2);
console.log(`${timed.length} préfixes : p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${timed[timed.length - 1].ms.toFixed(2)} ms`);
const slowest = Number(values.slowest);
for (const { prefix, ms } of slowest > 0 ? timed.slice(-slowest).reverse() : []) console.log(`${ms.toFixed(2)} ms  ${prefix}`);
