// A throw-away PostgreSQL server for the pg-* engines: initdb in a temporary
// directory, listening only on a Unix socket in that directory (no TCP port, so no
// clash with another server), stopped and removed at the end (also on error/Ctrl-C).
// PostgreSQL refuses to run as root: as root, initdb/pg_ctl run as the 'postgres'
// user (created by the Debian package) through runuser, on a directory it owns.
// Nothing is installed here: without PostgreSQL, findPostgres() returns null.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from '../lib/cleanup.mjs';

export const NOT_INSTALLED = 'PostgreSQL non installé : moteurs pg-* ignorés';

// Highest /usr/lib/postgresql/<version>/bin holding initdb and pg_ctl.
export function findPostgres() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')) && fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  if (versions.length === 0) return null;
  const bin = path.join(root, versions[0], 'bin');
  const contrib = path.join('/usr/share/postgresql', versions[0], 'extension', 'unaccent.control');
  return { version: versions[0], bin, hasUnaccent: fs.existsSync(contrib) };
}

function userIds(name) {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

let started = null;

// Starts the server once per process; both pg engines share it (one table each).
export function startPostgres(log) {
  started ??= start(log);
  return started;
}

async function start(log) {
  const pg = findPostgres();
  if (!pg) throw Object.assign(new Error(NOT_INSTALLED), { skip: true });
  if (!pg.hasUnaccent) {
    throw Object.assign(new Error(`extension unaccent absente de PostgreSQL ${pg.version} (paquet postgresql-contrib) : moteurs pg-* ignorés`), { skip: true });
  }

  const asRoot = process.getuid?.() === 0;
  let owner = null;
  if (asRoot) {
    owner = userIds('postgres');
    if (!owner) throw Object.assign(new Error('utilisateur postgres absent : moteurs pg-* ignorés'), { skip: true });
  }
  const run = (cmd, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const res = spawnSync(file, argv, { encoding: 'utf8' });
    if (res.error) throw res.error;
    return res;
  };

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tec-relevance-pg-'));
  const dataDir = path.join(tmp, 'data');
  const logFile = path.join(tmp, 'server.log');
  if (asRoot) fs.chownSync(tmp, owner.uid, owner.gid);
  const pgCtl = path.join(pg.bin, 'pg_ctl');
  let running = false;
  const stop = onCleanup(() => {
    if (running) run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    running = false;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  try {
    const init = run(path.join(pg.bin, 'initdb'), [
      '-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync',
    ]);
    if (init.status !== 0) throw new Error(`initdb a échoué :\n${init.stderr || init.stdout}`);
    const options = `-c listen_addresses='' -k ${tmp} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    const ctl = run(pgCtl, ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
    if (ctl.status !== 0) {
      const serverLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      throw new Error(`pg_ctl start a échoué :\n${ctl.stderr || ctl.stdout}\n${serverLog}`);
    }
    running = true;
  } catch (err) {
    stop();
    throw err;
  }
  log(`  PostgreSQL ${pg.version} démarré (socket dans ${tmp})`);

  const { default: pgLib } = await import('pg');
  // Port 5432 is only the socket file's name (.s.PGSQL.5432) inside our private directory.
  const connect = async () => {
    const client = new pgLib.Client({ host: tmp, port: 5432, user: 'postgres', database: 'postgres' });
    await client.connect();
    return client;
  };
  const admin = await connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS unaccent');
  await admin.end();
  return { version: pg.version, connect, stop };
}

// Loads the records into `table` (key, title, summary, themes, body, tsv) with the
// given SQL expression for the weighted tsvector, then builds its GIN index.
export async function loadTable(client, table, records, tsvExpression, fieldsOf) {
  await client.query(`CREATE TABLE ${table} (
    key text PRIMARY KEY, title text, summary text, themes text, body text, tsv tsvector)`);
  await client.query('BEGIN');
  const batch = 100;
  for (let i = 0; i < records.length; i += batch) {
    const rows = records.slice(i, i + batch);
    const values = [];
    const params = [];
    rows.forEach((r, j) => {
      const f = fieldsOf(r.record);
      params.push(r.key, f.title, f.summary, f.themes, f.body);
      const b = j * 5;
      values.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`);
    });
    await client.query(`INSERT INTO ${table} (key, title, summary, themes, body) VALUES ${values.join(', ')}`, params);
  }
  await client.query(`UPDATE ${table} SET tsv = ${tsvExpression}`);
  await client.query('COMMIT');
  await client.query(`CREATE INDEX ${table}_tsv ON ${table} USING gin (tsv)`);
  await client.query(`ANALYZE ${table}`);
}
