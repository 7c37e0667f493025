import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildGazetteer, shanghaiGazetteer } from './map-gazetteer.js';
import { haversineKm, localMapProvider } from './map.js';

const g = shanghaiGazetteer();
// The districts (centres, radii) as the seed knows them: read as data, the platform does not import the seed.
const cityFile = JSON.parse(readFileSync(new URL('../../seed/shanghai.json', import.meta.url), 'utf8')) as { districts: { code: string; name: string; center: [number, number]; radiusKm: number }[] };

describe('Shanghai gazetteer', () => {
  it('covers all 16 districts with at least 15 places each, inside the city and near their district', () => {
    for (const d of cityFile.districts) {
      const places = g.places.filter((p) => p.districtCode === d.code);
      expect(places.length, d.name).toBeGreaterThanOrEqual(15);
      for (const p of places) {
        expect(p.lat).toBeGreaterThan(30.6);
        expect(p.lat).toBeLessThan(31.9);
        expect(p.lng).toBeGreaterThan(120.8);
        expect(p.lng).toBeLessThan(122.1);
        // Districts are not circles (浦东 reaches 滴水湖, 崇明 three islands): generous, but catches a swapped district.
        expect(haversineKm({ lat: d.center[0], lng: d.center[1] }, p), `${d.name} ${p.name}`).toBeLessThan(Math.max(10, d.radiusKm * 4));
      }
    }
    expect(new Set(g.places.map((p) => p.id)).size).toBe(g.places.length);
  });

  it('finds places by 汉字 substring, exact names first', () => {
    expect(g.search('徐家汇')[0]).toMatchObject({ name: '徐家汇', districtCode: '310104' });
    const names = g.search('新村').map((p) => p.name);
    expect(names.length).toBeGreaterThan(3);
    expect(names.every((n) => n.includes('新村'))).toBe(true);
    expect(g.search('五角').map((p) => p.name)).toContain('五角场');
  });

  it('finds places by pinyin initials and full pinyin', () => {
    expect(g.search('xjh').map((p) => p.name)).toContain('徐家汇');
    expect(g.search('lujiazui')[0]?.name).toBe('陆家嘴');
    expect(g.search('WJC').map((p) => p.name)).toContain('五角场');
  });

  it('narrows to a district and honours the limit', () => {
    const inPudong = g.search('镇', { districtCode: '310115', limit: 50 });
    expect(inPudong.length).toBeGreaterThan(0);
    expect(inPudong.every((p) => p.districtCode === '310115')).toBe(true);
    expect(g.search('路', { limit: 3 })).toHaveLength(3);
    expect(g.search('   ')).toEqual([]);
    expect(g.search('不存在的地名xyz')).toEqual([]);
  });

  it('a typed address that names a place finds it ("漕溪北路 88 号")', () => {
    expect(g.search('漕溪北路 88 号')[0]?.name).toBe('漕溪北路');
    expect(g.mentionedIn('漕溪北路 88 号 3 号楼', '310104')?.name).toBe('漕溪北路');
    expect(g.mentionedIn('漕溪北路 88 号', '310115')).toBeNull();
  });

  it('the nearest place to a point, and so its district', () => {
    const near = g.nearest(31.2998, 121.5145)!;
    expect(near.place.name).toBe('五角场');
    expect(near.distanceKm).toBeLessThan(0.2);
    expect(g.nearest(30.905, 121.93)!.place.districtCode).toBe('310115'); // 滴水湖
    expect(g.nearest(31.62, 121.40)!.place.districtCode).toBe('310151'); // 城桥镇
    expect(buildGazetteer({ cityCode: 'x', districts: {} }).nearest(31, 121)).toBeNull();
  });
});

describe('local map provider', () => {
  const map = localMapProvider();
  const xuhui = { code: '310104', centerLat: 31.1886, centerLng: 121.4365 };

  it('geocodes an address by the place it names; the district centre (approximate) otherwise', async () => {
    const named = await map.geocode(xuhui, '康健新村 12 号 301 室');
    expect(named.approximate).toBe(false);
    expect(haversineKm(named, { lat: xuhui.centerLat, lng: xuhui.centerLng })).toBeGreaterThan(2);
    expect(await map.geocode(xuhui, '某某路 1 号')).toEqual({ lat: xuhui.centerLat, lng: xuhui.centerLng, approximate: true });
  });

  it('suggests and reverse-looks-up; a point far from the city has no place', async () => {
    expect((await map.suggest('zjj', '310107')).map((p) => p.name)).toEqual([]);
    expect((await map.suggest('cy', '310107')).map((p) => p.name)).toContain('曹杨新村');
    expect((await map.reverse({ lat: 31.2397, lng: 121.4998 }))?.place.name).toBe('陆家嘴');
    expect(await map.reverse({ lat: 39.9, lng: 116.4 })).toBeNull();
  });
});
