/**
 * The offline gazetteer behind the local map provider: streets, 小区, towns and landmarks of the demo city
 * with coordinates (map-gazetteer-shanghai.json). Found by 汉字 substring, full pinyin or pinyin initials
 * ("xjh" → 徐家汇); the nearest entry answers "where am I" (and so the district a point falls in).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

export type PlaceKind = 'street' | 'community' | 'area' | 'landmark';
export interface Place {
  /** Stable within a gazetteer file: `<district code>-<index>`. */
  id: string;
  name: string;
  kind: PlaceKind;
  districtCode: string;
  lat: number;
  lng: number;
}
interface Indexed extends Place { full: string; initials: string }

interface GazetteerFile { cityCode: string; districts: Record<string, [string, PlaceKind, number, number][]> }

export interface Gazetteer {
  cityCode: string;
  places: readonly Place[];
  /** Best matches first: exact name, then prefix, then substring, then pinyin; `districtCode` narrows to one district. */
  search(query: string, options?: { districtCode?: string; limit?: number }): Place[];
  /** The entry nearest to a point, with its distance; null when the gazetteer is empty. */
  nearest(lat: number, lng: number, options?: { districtCode?: string }): { place: Place; distanceKm: number } | null;
  /** The entry of `districtCode` whose name the free text mentions (longest name wins), e.g. "漕溪北路 88 号" → 漕溪北路. */
  mentionedIn(text: string, districtCode: string): Place | null;
}

const HAN = /\p{Script=Han}/u;
const EARTH_RADIUS_KM = 6371.0088;

function haversine(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s'’·]+/g, '');

export function buildGazetteer(file: GazetteerFile): Gazetteer {
  const places: Indexed[] = [];
  for (const [districtCode, rows] of Object.entries(file.districts)) {
    rows.forEach(([name, kind, lat, lng], i) => {
      places.push({
        id: `${districtCode}-${i}`, name, kind, districtCode, lat, lng,
        full: pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase(),
        initials: pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase(),
      });
    });
  }
  const strip = ({ full: _f, initials: _i, ...p }: Indexed): Place => p;

  function score(p: Indexed, q: string, han: boolean): number {
    const name = normalise(p.name);
    if (han) {
      if (name === q) return 0;
      if (name.startsWith(q)) return 1;
      if (name.includes(q)) return 2;
      // The query names the place and more ("漕溪北路88号"): the place is still what was meant.
      if (q.includes(name) && name.length >= 2) return 3;
      return -1;
    }
    if (p.initials === q || p.full === q) return 1;
    if (p.initials.startsWith(q) || p.full.startsWith(q)) return 2;
    if (q.length >= 3 && p.full.includes(q)) return 4;
    return -1;
  }

  return {
    cityCode: file.cityCode,
    places: places.map(strip),
    search(query, options = {}) {
      const q = normalise(query);
      if (!q) return [];
      const han = HAN.test(q);
      const limit = options.limit ?? 10;
      return places
        .filter((p) => !options.districtCode || p.districtCode === options.districtCode)
        .map((p) => ({ p, s: score(p, q, han) }))
        .filter((x) => x.s >= 0)
        .sort((a, b) => a.s - b.s || a.p.name.length - b.p.name.length || a.p.id.localeCompare(b.p.id))
        .slice(0, limit)
        .map((x) => strip(x.p));
    },
    nearest(lat, lng, options = {}) {
      let best: Indexed | null = null;
      let bestKm = Infinity;
      for (const p of places) {
        if (options.districtCode && p.districtCode !== options.districtCode) continue;
        const km = haversine(lat, lng, p.lat, p.lng);
        if (km < bestKm) { best = p; bestKm = km; }
      }
      return best ? { place: strip(best), distanceKm: bestKm } : null;
    },
    mentionedIn(text, districtCode) {
      const t = normalise(text);
      let best: Indexed | null = null;
      for (const p of places) {
        if (p.districtCode !== districtCode) continue;
        const name = normalise(p.name);
        if (name.length >= 2 && t.includes(name) && (!best || name.length > normalise(best.name).length)) best = p;
      }
      return best ? strip(best) : null;
    },
  };
}

let shanghai: Gazetteer | null = null;
/** The demo city's gazetteer (read once). */
export function shanghaiGazetteer(): Gazetteer {
  if (!shanghai) {
    const file = join(dirname(fileURLToPath(import.meta.url)), 'map-gazetteer-shanghai.json');
    shanghai = buildGazetteer(JSON.parse(readFileSync(file, 'utf8')) as GazetteerFile);
  }
  return shanghai;
}
