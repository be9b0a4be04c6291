// generate.mjs — builds the French territorial reference tables used by
// tec-search (communes, EPCI, départements, régions) from the data shipped in
// the npm package @etalab/decoupage-administratif (Etalab "découpage
// administratif": INSEE COG + DGCL EPCI lists + INSEE populations).
//
// Usage:
//   node corpus/territories/generate.mjs <path-to-package-dir> [out-dir] [--places <france-geojson-dir>]
//
// With --places (a checkout of gregoiredavid/france-geojson, see README.md),
// also writes the communes' centres and the neighbouring départements
// (places.mjs); without it those two files are left as they are.
//
// <path-to-package-dir> is the installed package, e.g.
//   /tmp/decoupage/node_modules/@etalab/decoupage-administratif
// [out-dir] defaults to the directory containing this script.
// See regenerate.sh for a one-command refresh, README.md for the formats.
//
// Output: UTF-8, tab-separated, one header line, LF endings, no quoting,
// rows sorted by code (plain byte-order string comparison). Deterministic:
// the same package version always yields byte-identical files.
// No dependencies beyond Node's standard library.

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { communeCentres, neighbouringDepartements } from './places.mjs'

const args = process.argv.slice(2)
const placesAt = args.indexOf('--places')
const placesDir = placesAt >= 0 ? args.splice(placesAt, 2)[1] : null
const [pkgDir, outArg] = args
if (!pkgDir || (placesAt >= 0 && !placesDir)) {
  console.error('usage: node generate.mjs <path-to-package-dir> [out-dir] [--places <france-geojson-dir>]')
  process.exit(2)
}
const outDir = outArg ?? path.dirname(fileURLToPath(import.meta.url))

const readJson = (p) => JSON.parse(fs.readFileSync(path.join(pkgDir, p), 'utf8'))
const pkg = readJson('package.json')
if (pkg.name !== '@etalab/decoupage-administratif') {
  throw new Error(`${pkgDir} is not @etalab/decoupage-administratif (found ${pkg.name})`)
}
const allCommunes = readJson('data/communes.json')
const epcis = readJson('data/epci.json')
const departements = readJson('data/departements.json')
const regions = readJson('data/regions.json')

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

function fail (msg) {
  throw new Error(msg)
}

// A field must be a non-null string/integer (or '' for "unknown") with no
// tab, CR or LF; anything else aborts the generation.
function field (v, what) {
  if (v === undefined || v === null) return ''
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) fail(`${what}: non-integer number ${v}`)
    return String(v)
  }
  if (typeof v !== 'string') fail(`${what}: unexpected ${typeof v} ${JSON.stringify(v)}`)
  if (/[\t\r\n]/.test(v)) fail(`${what}: field contains tab/CR/LF: ${JSON.stringify(v)}`)
  return v
}

function writeTsv (name, header, rows) {
  const lines = [header.join('\t')]
  for (const r of rows) {
    if (r.length !== header.length) fail(`${name}: row has ${r.length} fields, expected ${header.length}`)
    lines.push(r.map((v, i) => field(v, `${name} ${header[i]} (${r[0]})`)).join('\t'))
  }
  const file = path.join(outDir, name)
  fs.writeFileSync(file, lines.join('\n') + '\n', 'utf8')
  console.error(`${name}: ${rows.length} rows, ${fs.statSync(file).size} bytes`)
}

// Majority value among `values`; ties broken by smallest code.
// (The package gives no EPCI seat, so the "seat's value" tie-break cannot apply.)
function majority (values) {
  const counts = new Map()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best = null
  let bestN = -1
  for (const [v, n] of [...counts].sort((a, b) => cmp(a[0], b[0]))) {
    if (n > bestN) { best = v; bestN = n }
  }
  return best
}

// --- communes (current communes only) --------------------------------------
const communes = allCommunes.filter((c) => c.type === 'commune-actuelle').sort(byCode)
const communeByCode = new Map()
for (const c of communes) {
  if (communeByCode.has(c.code)) fail(`duplicate commune ${c.code}`)
  communeByCode.set(c.code, c)
}

// EPCI membership comes from epci.json's member lists.
const epciOf = new Map()
for (const e of epcis) {
  for (const m of e.membres) {
    if (!communeByCode.has(m.code)) fail(`EPCI ${e.code}: member ${m.code} is not a current commune`)
    if (epciOf.has(m.code)) fail(`commune ${m.code} in two EPCI: ${epciOf.get(m.code)} and ${e.code}`)
    epciOf.set(m.code, e.code)
  }
}

const deptByCode = new Map(departements.map((d) => [d.code, d]))
const regionByCode = new Map(regions.map((r) => [r.code, r]))
for (const c of communes) {
  if (!deptByCode.has(c.departement)) fail(`commune ${c.code}: unknown département ${c.departement}`)
  if (!regionByCode.has(c.region)) fail(`commune ${c.code}: unknown région ${c.region}`)
  if (deptByCode.get(c.departement).region !== c.region) {
    fail(`commune ${c.code}: région ${c.region} differs from its département's`)
  }
}

writeTsv('communes.tsv', ['insee', 'nom', 'population', 'departement', 'region', 'epci'],
  communes.map((c) => [c.code, c.nom, c.population, c.departement, c.region, epciOf.get(c.code)]))

// Sum of known populations; '' if none of the communes has one.
function sumPop (list) {
  let known = false
  let s = 0
  for (const c of list) {
    if (Number.isInteger(c.population)) { known = true; s += c.population }
  }
  return known ? s : null
}

// --- EPCI --------------------------------------------------------------------
const epciRows = [...epcis].sort(byCode).map((e) => {
  const members = e.membres.map((m) => communeByCode.get(m.code))
  if (members.length === 0) fail(`EPCI ${e.code} has no member`)
  const pop = Number.isInteger(e.populationMunicipale) ? e.populationMunicipale : sumPop(members)
  return [e.code, e.nom, e.type, pop,
    majority(members.map((c) => c.departement)),
    majority(members.map((c) => c.region))]
})
writeTsv('epci.tsv', ['siren', 'nom', 'nature', 'population', 'departement', 'region'], epciRows)

// --- départements / régions ----------------------------------------------------
const groupBy = (key) => {
  const m = new Map()
  for (const c of communes) {
    if (!m.has(c[key])) m.set(c[key], [])
    m.get(c[key]).push(c)
  }
  return m
}
const communesByDept = groupBy('departement')
const communesByRegion = groupBy('region')

writeTsv('departements.tsv', ['code', 'nom', 'region', 'population'],
  [...departements].sort(byCode).map((d) => [d.code, d.nom, d.region, sumPop(communesByDept.get(d.code) ?? [])]))

writeTsv('regions.tsv', ['code', 'nom', 'population'],
  [...regions].sort(byCode).map((r) => [r.code, r.nom, sumPop(communesByRegion.get(r.code) ?? [])]))

// --- places: communes' centres, neighbouring départements --------------------
if (placesDir) {
  const centres = communeCentres(placesDir)
  const located = communes.filter((c) => centres.has(c.code))
  const round = (v) => Number(v.toFixed(4))
  writeTsv('communes-centres.tsv', ['insee', 'latitude', 'longitude'],
    located.map((c) => [c.code, ...centres.get(c.code).map(round).map(String)]))
  console.error(`communes without a centre (code absent from the 2018 outlines): ${communes.length - located.length}`)
  const pairs = neighbouringDepartements(placesDir)
  for (const [a, b] of pairs) {
    if (!deptByCode.has(a) || !deptByCode.has(b)) fail(`neighbours ${a}-${b}: unknown département`)
  }
  writeTsv('departements-voisins.tsv', ['departement', 'voisin'], pairs)
}

console.error(`source: ${pkg.name}@${pkg.version}`)
