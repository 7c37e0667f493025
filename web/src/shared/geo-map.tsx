import type { ReactNode } from 'react';

/**
 * Drawing places without a tile server (works offline): points are projected into an SVG box, equirectangular with
 * east-west shrunk by cos(latitude), centred on what is drawn. Used by the console's day-plan route map and by the
 * location-trail maps (console order drawer, SOS desk, the customer's 师傅位置 card).
 */
export interface LatLng {
  lat: number;
  lng: number;
}

export interface Box {
  width: number;
  height: number;
  pad: number;
  /** The least span drawn, in degrees (~1 km at 0.01), so one point does not fill the box. */
  minSpanDeg?: number;
}

export interface Projection {
  at: (p: LatLng) => { x: number; y: number };
  /** Metres one SVG unit covers (for a scale bar). */
  metresPerUnit: number;
}

const METRES_PER_DEG_LAT = 111_320;

/** Projects lat/lng into the box, centred on `points` (at least one). */
export function project(points: LatLng[], box: Box): Projection {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLng = Math.min(...lngs);
  const maxLng = Math.max(...lngs);
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const least = box.minSpanDeg ?? 0.01;
  const midX = ((minLng + maxLng) / 2) * k;
  const midY = (minLat + maxLat) / 2;
  const spanX = Math.max((maxLng - minLng) * k, least);
  const spanY = Math.max(maxLat - minLat, least);
  const scale = Math.min((box.width - 2 * box.pad) / spanX, (box.height - 2 * box.pad) / spanY);
  return {
    at: (p) => ({ x: box.width / 2 + (p.lng * k - midX) * scale, y: box.height / 2 - (p.lat - midY) * scale }),
    metresPerUnit: METRES_PER_DEG_LAT / scale,
  };
}

/** `x1,y1 x2,y2 …` for an SVG polyline. */
export const polylinePoints = (points: { x: number; y: number }[]) => points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

const NICE = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000];

/** A scale bar of a round length (about a fifth of the width) in the lower left corner. */
export function ScaleBar({ box, metresPerUnit }: { box: Box; metresPerUnit: number }) {
  const metres = NICE.reduce((best, m) => (Math.abs(m / metresPerUnit - box.width / 5) < Math.abs(best / metresPerUnit - box.width / 5) ? m : best), NICE[0]);
  const length = metres / metresPerUnit;
  const x = box.pad;
  const y = box.height - box.pad / 2;
  return (
    <g stroke="#8c8c8c" fill="#8c8c8c" fontSize={11} data-testid="geo-scale">
      <polyline points={`${x},${y - 4} ${x},${y} ${x + length},${y} ${x + length},${y - 4}`} fill="none" strokeWidth={1.5} />
      <text x={x + length + 6} y={y + 1} stroke="none">
        {metres >= 1000 ? `${metres / 1000} km` : `${metres} m`}
      </text>
    </g>
  );
}

/** The SVG canvas: a light background with a faint grid, then what is drawn on it. */
export function GeoCanvas({ box, className, testId, children }: { box: Box; className?: string; testId?: string; children: ReactNode }) {
  const lines = [];
  for (let x = 40; x < box.width; x += 40) lines.push(<line key={`x${x}`} x1={x} y1={0} x2={x} y2={box.height} />);
  for (let y = 40; y < box.height; y += 40) lines.push(<line key={`y${y}`} x1={0} y1={y} x2={box.width} y2={y} />);
  return (
    <svg viewBox={`0 0 ${box.width} ${box.height}`} className={className} role="img" data-testid={testId} style={{ width: '100%', height: 'auto', display: 'block' }}>
      <rect x={0} y={0} width={box.width} height={box.height} fill="#fafafa" rx={8} />
      <g stroke="#f0f0f0" strokeWidth={1}>{lines}</g>
      {children}
    </svg>
  );
}
