/**
 * The boundaries the explorer's maps draw, made once by `npm run build:explorer`: world-atlas
 * countries-50m (Natural Earth; the 110m file lacks several small states) and us-atlas states
 * (US Census Bureau), simplified with topojson-simplify to about a square pixel of the drawn
 * map, projected with d3-geo and written as SVG path data with their ISO 3166 codes, so the
 * page draws them with no geometry code of its own. Deterministic: the same packages give the
 * same bytes.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { geoAlbersUsa, geoArea, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson'
import { feature } from 'topojson-client'
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify'
import type { GeometryCollection, Objects, Topology } from 'topojson-specification'
import { atlasCode } from './atlas-codes.js'

const require = createRequire(import.meta.url)

/** One jurisdiction's shape, projected: SVG path data and where its label goes. */
export interface AtlasShape {
  /** ISO 3166-1 alpha-2 or ISO 3166-2 (`US-MA`); null for a feature with no code. */
  code: string | null
  /** The atlas's own name for it. */
  name: string
  d: string
  /** Label point: the centroid of its largest part. */
  x: number
  y: number
  /** Under about 30 square pixels: the page marks it with a circle so that it can be seen. */
  small: boolean
}

/** A projected map. */
export interface AtlasMap {
  width: number
  height: number
  shapes: AtlasShape[]
}

/** Both maps and whose boundaries they are. */
export interface Atlas {
  countries: AtlasMap
  states: AtlasMap
  credits: { countries: string; states: string }
}

const width = 960
const round = (n: number) => Math.round(n * 10) / 10

function versionOf(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version
}

function readTopology(path: string): Topology {
  return JSON.parse(readFileSync(require.resolve(path), 'utf8')) as Topology
}

/** The largest polygon of a (multi)polygon, by area on the sphere: where its label goes. */
function largestPart(geometry: Geometry): Polygon | MultiPolygon | Geometry {
  if (geometry.type !== 'MultiPolygon') return geometry
  let best = geometry.coordinates[0]!
  for (const polygon of geometry.coordinates)
    if (geoArea({ type: 'Polygon', coordinates: polygon }) > geoArea({ type: 'Polygon', coordinates: best })) best = polygon
  return { type: 'Polygon', coordinates: best }
}

/** Projects the features of `object` in `topology`, simplified to `pixels` square pixels at the map's scale. */
function projectMap(topology: Topology, object: string, atlas: 'countries' | 'states', projection: GeoProjection, keep: (f: Feature) => boolean): AtlasMap {
  // Weights in steradians: one pixel of a 960-wide world map is about (2π / 960) radians across.
  const simplified = simplify(
    presimplify(topology as Topology<Objects<object>>, sphericalTriangleArea),
    (((2 * Math.PI) / width) * (atlas === 'states' ? 0.25 : 1)) ** 2
  )
  const collection = feature(simplified, simplified.objects[object] as GeometryCollection) as FeatureCollection
  const features = collection.features.filter(keep)
  projection.fitWidth(width, { type: 'FeatureCollection', features })
  const path = geoPath(projection).digits(1)
  const byCode = new Map<string, AtlasShape>()
  const shapes: AtlasShape[] = []
  for (const f of features) {
    const d = path(f)
    if (!d) continue // a territory that geoAlbersUsa does not draw: it is on the world map
    const code = atlasCode(atlas, f.id) ?? null
    const [x, y] = path.centroid({ type: 'Feature', properties: {}, geometry: largestPart(f.geometry) } as Feature)
    const name = String((f.properties as { name?: string } | null)?.name ?? code ?? '')
    const shape = { code, name, d, x: round(x), y: round(y), small: path.area(f) < 30 }
    const same = code === null ? undefined : byCode.get(code)
    if (same) {
      // world-atlas draws a few codes as more than one feature (Australia and its islands): one shape each.
      same.d += d
      same.small = false
      continue
    }
    if (code !== null) byCode.set(code, shape)
    shapes.push(shape)
  }
  const [, [, bottom]] = path.bounds({ type: 'FeatureCollection', features })
  return { width, height: Math.ceil(bottom), shapes }
}

/** Both maps, projected. */
export function makeAtlas(): Atlas {
  const countries = projectMap(
    readTopology('world-atlas/countries-50m.json'),
    'countries',
    'countries',
    geoEqualEarth(),
    (f) => f.id !== '010' // Antarctica: no jurisdiction of the record, and half the map's height
  )
  const states = projectMap(readTopology('us-atlas/states-10m.json'), 'states', 'states', geoAlbersUsa(), () => true)
  return {
    countries,
    states,
    credits: {
      countries: `Natural Earth 1:50m country boundaries (public domain), via world-atlas ${versionOf('world-atlas')}`,
      states: `US Census Bureau cartographic boundaries of the states, via us-atlas ${versionOf('us-atlas')}`
    }
  }
}
