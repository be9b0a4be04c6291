// places.mjs — where the communes are, for distances between collectivities:
// a centre per commune and the pairs of neighbouring départements, both
// derived from the IGN Admin Express 2018 outlines published in the
// repository gregoiredavid/france-geojson (see README.md for source, commit
// and licence).
//
// - Centre of a commune: the area-weighted centroid of its polygons (holes
//   subtracted), computed in longitude/latitude degrees: at the size of a
//   commune the distortion is a few metres.
// - Neighbouring départements: two départements whose outlines in
//   departements.geojson share at least one boundary point. The outlines
//   were simplified topologically upstream, so a shared border keeps shared
//   points on both sides.
// No dependencies beyond Node's standard library.

import fs from 'node:fs'
import path from 'node:path'

// Signed area and area-weighted centroid sums of one ring (shoelace).
function ringMoments (ring) {
  let a = 0
  let cx = 0
  let cy = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]
    const [x1, y1] = ring[i]
    const cross = x0 * y1 - x1 * y0
    a += cross
    cx += (x0 + x1) * cross
    cy += (y0 + y1) * cross
  }
  return { a: a / 2, cx: cx / 6, cy: cy / 6 }
}

function polygonsOf (geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates]
  if (geometry.type === 'MultiPolygon') return geometry.coordinates
  throw new Error(`unexpected geometry ${geometry.type}`)
}

// [latitude, longitude] of the area-weighted centroid of a (multi)polygon.
export function centroid (geometry) {
  let area = 0
  let sx = 0
  let sy = 0
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, i) => {
      const m = ringMoments(ring)
      // The outer ring adds, holes subtract, whatever their orientation.
      const sign = (i === 0) === (m.a >= 0) ? 1 : -1
      area += sign * m.a
      sx += sign * m.cx
      sy += sign * m.cy
    })
  }
  if (area === 0) throw new Error('polygon of zero area')
  return [sy / area, sx / area]
}

// Map of commune code -> [latitude, longitude] from every
// departements/*/communes-*.geojson of the repository.
export function communeCentres (repoDir) {
  const centres = new Map()
  const dir = path.join(repoDir, 'departements')
  for (const dept of fs.readdirSync(dir).sort()) {
    const file = fs.readdirSync(path.join(dir, dept)).find((f) => f.startsWith('communes-') && f.endsWith('.geojson'))
    if (!file) continue
    const features = JSON.parse(fs.readFileSync(path.join(dir, dept, file), 'utf8')).features
    for (const f of features) {
      const code = f.properties.code
      if (centres.has(code)) throw new Error(`commune ${code} twice in the outlines`)
      centres.set(code, centroid(f.geometry))
    }
  }
  return centres
}

// Sorted pairs [a, b] (a < b) of départements sharing a boundary point in
// departements.geojson.
export function neighbouringDepartements (repoDir) {
  const features = JSON.parse(fs.readFileSync(path.join(repoDir, 'departements.geojson'), 'utf8')).features
  const owners = new Map() // "lon,lat" -> set of département codes
  for (const f of features) {
    for (const rings of polygonsOf(f.geometry)) {
      for (const ring of rings) {
        for (const [x, y] of ring) {
          const key = `${x},${y}`
          if (!owners.has(key)) owners.set(key, new Set())
          owners.get(key).add(f.properties.code)
        }
      }
    }
  }
  const pairs = new Set()
  for (const codes of owners.values()) {
    const list = [...codes].sort()
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) pairs.add(`${list[i]}\t${list[j]}`)
    }
  }
  return [...pairs].sort().map((p) => p.split('\t'))
}
