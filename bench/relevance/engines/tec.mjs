// tec: our engine. Indexes the feed files with tec-index into a temporary index,
// serves it with tec-searchd on a free loopback port and queries its HTTP API;
// or, given `server` (HOST:PORT), queries a tec-searchd already running, to
// compare two binaries or indexes, or to profile the daemon under a known load.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { onCleanup } from '../lib/cleanup.mjs';

const STARTUP_TIMEOUT_MS = 30_000;

// GET returning {status, body}. One connection per request, closed after it, so no
// idle keep-alive socket delays the daemon's shutdown or the end of this process.
// With `agent` (a keep-alive agent, for throughput runs), connections are reused:
// a new connection per request would measure TCP set-up and delayed ACKs.
function getJson(url, agent) {
  return new Promise((resolve, reject) => {
    const options = agent ? { agent } : { agent: false, headers: { Connection: 'close' } };
    const req = http.get(url, options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (err) {
          reject(new Error(`réponse non JSON (HTTP ${res.statusCode}) : ${err.message}`));
        }
      });
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('délai dépassé')));
    req.on('error', reject);
  });
}

// Searches of `baseUrl`, results as "source:id".
function client(baseUrl, agent) {
  return async (query, k) => {
    const url = `${baseUrl}/v1/search?q=${encodeURIComponent(query)}&per_page=${k}`;
    const { status, body } = await getJson(url, agent);
    if (status !== 200) throw new Error(`HTTP ${status} : ${body?.error?.message ?? JSON.stringify(body)}`);
    return body.results.map((r) => `${r.source}:${r.id}`);
  };
}

export async function open({ feedFiles, binDir, log, connections = 1, keepAlive = false, server }) {
  if (server) {
    const agent = keepAlive ? new http.Agent({ keepAlive: true, maxSockets: connections }) : undefined;
    const { body: health } = await getJson(`http://${server}/healthz`);
    log(`  tec-searchd déjà lancé : http://${server} (${health.documents} documents)`);
    return { rejected: [], documents: health.documents, search: client(`http://${server}`, agent), close: async () => agent?.destroy() };
  }
  const indexer = path.join(binDir, 'indexer', 'tec-index');
  const daemon = path.join(binDir, 'searchd', 'tec-searchd');
  for (const bin of [indexer, daemon]) {
    if (!fs.existsSync(bin)) throw new Error(`binaire introuvable : ${bin} (voir --bin-dir)`);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tec-relevance-'));
  const removeTmp = onCleanup(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const indexDir = path.join(tmp, 'index');

  // Exit status 0: everything indexed; 1: some records rejected (reported, not fatal); else failure.
  const run = spawnSync(indexer, ['--index', indexDir, ...feedFiles], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) {
    removeTmp();
    throw new Error(`tec-index a échoué (code ${run.status}) :\n${run.stderr.trim()}`);
  }
  const summary = run.stdout.trim().split('\n').pop() ?? '';
  const counts = summary.match(/(\d+) enregistrements lus, (\d+) documents indexés, (\d+) rejetés, (\d+) doublons/);
  const nRejected = counts ? Number(counts[3]) : 0;
  // stderr lists the rejected records first ("FILE:LINE: reason"), then the duplicates.
  const rejected = run.stderr.split('\n')
    .map((l) => l.match(/^(.*):(\d+): (.*)$/))
    .filter(Boolean)
    .slice(0, nRejected)
    .map((m) => ({ file: m[1], line: Number(m[2]), reason: m[3] }));
  log(`  tec-index : ${summary}`);
  if (run.status === 1) {
    log(`  tec-index : ${nRejected} enregistrement(s) rejeté(s), on continue sans eux :`);
    for (const r of rejected.slice(0, 10)) log(`    ${r.file}:${r.line}: ${r.reason}`);
    if (rejected.length > 10) log(`    … et ${rejected.length - 10} autre(s)`);
  }

  // Port 0: the system picks a free port; the daemon prints it on its first stdout line.
  // The harness is one client address: no per-client cap on its connections.
  // No answer cache: the peers have none, and the throughput runs repeat queries.
  const child = spawn(daemon, ['--index', indexDir, '--listen', '127.0.0.1:0', '--log-level', 'warn',
    '--max-requests-per-client', '0', '--cache-entries', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stopDaemon = onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  let stderrTail = '';
  child.stderr.on('data', (d) => { stderrTail = (stderrTail + d).slice(-4000); });

  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('tec-searchd n’a pas annoncé son port à temps')), STARTUP_TIMEOUT_MS);
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = line.match(/(http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve(m[1]);
      else reject(new Error(`première ligne inattendue de tec-searchd : ${line}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`tec-searchd s’est arrêté au démarrage (code ${code ?? signal}) : ${stderrTail.trim()}`));
    });
    child.once('error', (err) => { clearTimeout(timer); reject(err); });
  }).catch((err) => { stopDaemon(); removeTmp(); throw err; });
  child.stdout.resume(); // keep draining stdout

  const agent = keepAlive ? new http.Agent({ keepAlive: true, maxSockets: connections }) : undefined;
  const { body: health } = await getJson(`${baseUrl}/healthz`);
  log(`  tec-searchd : ${baseUrl} (${health.documents} documents)`);

  return {
    rejected,
    documents: health.documents,
    search: client(baseUrl, agent),
    async close() {
      agent?.destroy();
      const exited = new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', resolve);
      });
      stopDaemon();
      let timer;
      await Promise.race([exited, new Promise((r) => { timer = setTimeout(r, 5000); })]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      removeTmp();
    },
  };
}
