/** Small deterministic PRNG (mulberry32) so the demo city is the same on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    sample: <T>(xs: readonly T[], n: number): T[] => [...xs].sort(() => next() - 0.5).slice(0, n),
  };
}
export type Rng = ReturnType<typeof rng>;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈'.split('');
const GIVEN_F = '秀英 桂英 玉兰 红梅 海燕 春梅 丽娟 美玲 雪芳 建芬 翠萍 凤英 小琴 慧敏 淑珍 晓燕 玉梅 金凤 巧云 素华'.split(' ');
const GIVEN_M = '建国 志强 建华 国庆 海峰 小军 永刚 卫东 文斌 德明 春生 立新 宏伟 金龙 振华 明亮 家豪 俊杰 海涛 师成'.split(' ');

export function chineseName(r: Rng, gender: 'male' | 'female'): string {
  return r.pick(SURNAMES) + r.pick(gender === 'female' ? GIVEN_F : GIVEN_M);
}

/** A point within `radiusKm` of a centre (uniform over the disc). */
export function pointNear(r: Rng, center: [number, number], radiusKm: number): [number, number] {
  const d = radiusKm * Math.sqrt(r.next());
  const theta = 2 * Math.PI * r.next();
  const dLat = (d * Math.cos(theta)) / 111.32;
  const dLng = (d * Math.sin(theta)) / (111.32 * Math.cos((center[0] * Math.PI) / 180));
  return [round6(center[0] + dLat), round6(center[1] + dLng)];
}
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
