/**
 * The demo city's past: about 90 days of orders before the seed's "now" for its workers — booked by the seeded
 * customers (and more demo customers, 138 0000 1xxx) at homes in the worker's reach, for items of the worker's
 * trade, at times in the worker's hours; paid, visited (check-in against the booked start: most on time, a few
 * late), finished, accepted and closed, with the money through the payments domain (capture into escrow, the
 * commission split, T+7 release; a few worker no-shows refunded in full). Most completed orders carry the
 * customer's review (stars skewed high with a realistic tail, the four dimensions, tags from the review rules,
 * short texts, some worker replies and 追评, 系统默认好评 where the window passed unanswered) and some the
 * worker's rating of the customer. A few orders were given back by another worker of the crew before this one
 * took them (师傅退单), so completion rates are not all 100 %.
 *
 * Nothing shown is stored on its own: the workers' ratings, histograms and orders done and the items' ratings and
 * popularity are derived afterwards from these rows by the owning domains. Planned in memory (deterministic PRNG,
 * dates relative to `now`), written once in bulk inside one transaction.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../platform/app-context.js';
import type { DB } from '../db/types.js';
import { completedOrderCounts } from '../domains/booking/history-counts.js';
import { visitDurationMinutes } from '../domains/booking/duration.js';
import type { AddressSnapshot } from '../domains/booking/present.js';
import { computeQuote, type PricingModel } from '../domains/catalog/pricing/index.js';
import { cityPricing, engineItem } from '../domains/catalog/service.js';
import { itemsWithCategory, type ItemRow } from '../domains/catalog/queries.js';
import { setItemStats } from '../domains/catalog/item-stats.js';
import { recordPastOrderMoney, type PastOrderMoney } from '../domains/payments/past-orders.js';
import { itemRatings, refreshWorkerRatings } from '../domains/reviews/figures.js';
import { checkTags, POSITIVE_TAGS, NEGATIVE_TAGS, DEFAULT_REVIEW_SETTINGS } from '../domains/reviews/rules/review-rules.js';
import { setOrdersDone } from '../domains/workers/orders-done.js';
import { maskName, maskPhone } from '../platform/mask.js';
import { haversineKm, type Place } from '../platform/providers/map.js';
import type { Rng } from './random.js';

type Db = Kysely<DB>;
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Shanghai is UTC+8 all year (no daylight saving): local wall time = UTC + 8 h. */
const ZONE_OFFSET = 8 * HOUR;

/** How much past the demo city gets. */
export const HISTORY = {
  days: 90,
  /** The demo worker people sign in as. */
  demoWorkerOrders: 200,
  /** Other workers: this share has no history yet (new on the platform); the rest 1–`maxOrders`, most few. */
  newShare: 0.4,
  maxOrders: 30,
  /** Monthly contracts (live-in nanny, 月嫂…) come much less often. */
  maxLongOrders: 4,
  noShowRate: 0.012,
  gaveBackRate: 0.025,
};

export interface HistoryWorker {
  id: string; phone: string; name: string; trade: string; districtCode: string; homeLat: number; homeLng: number; radiusKm: number;
  itemCodes: string[]; hours: { weekday: number; startMinute: number; endMinute: number }[]; experienceYears: number;
}
export interface HistoryCustomer { id: string; name: string; phone: string; gender: 'male' | 'female'; districtCode: string; districtName: string; lat: number; lng: number; detail: string }

// ── Phrase bank ─────────────────────────────────────────────────────────────────────────────

const OPENERS_GOOD = ['师傅很准时，', '提前十分钟就到了，', '第二次约这位师傅了，', '朋友推荐的师傅，果然靠谱，', '约的早上九点，准点上门，', '下着雨还按时到了，', '周末临时约的，', '老客户了，', ''];
const BY_TRADE_GOOD: Record<string, string[]> = {
  cleaner: ['厨房油污擦得很干净', '卫生间的水垢都处理掉了', '地板拖得锃亮', '角落和踢脚线都擦到了', '玻璃擦得透亮', '衣柜帮忙整理得井井有条', '沙发底下也清理了', '抽油烟机外壳擦得很干净'],
  appliance: ['空调拆洗得很彻底，出风没有异味了', '油烟机叶轮拆下来洗的，吸力明显变大', '洗衣机拆桶洗出好多脏东西，看着都吓人', '冰箱里外都擦干净了还除了味', '故障很快就查出来了，讲得很清楚', '清洗前后都拍照给我看了'],
  handyman: ['水龙头漏水修好了', '插座换得很规范，线也理好了', '马桶堵了半天，师傅十几分钟就通了', '开锁前认真核验了身份，很放心', '衣柜装得很结实，调得很平', '灯具安装很利索'],
  mover: ['搬家一件东西都没磕碰', '家具都用膜包好了再搬', '六楼没电梯，师傅一点没抱怨', '床拆装得很快，还帮忙摆好了位置', '时间安排得很紧凑，半天就搬完了'],
  nanny: ['阿姨做饭很合家里口味', '带孩子很有耐心，孩子很喜欢她', '家务做得井井有条', '做事勤快，不用操心', '饭菜荤素搭配得好，孩子吃得多了'],
  infant: ['月嫂很专业，宝宝作息调得很好', '产后餐做得很用心', '教了我们很多护理宝宝的方法', '夜里照顾宝宝很细心，我能睡个好觉了', '抚触和洗澡手法很熟练'],
  carer: ['照顾老人很细心，老人家很满意', '陪诊流程很熟，挂号取药都办妥了', '很有耐心，会陪老人聊天', '翻身擦洗都很专业', '医院里跑上跑下，帮了大忙'],
  gardener: ['花草打理得很好，还教了我怎么浇水', '阳台收拾得清清爽爽', '换盆修剪很专业', '收纳做得很有条理，找东西方便多了'],
};
const CLOSERS_GOOD = ['，下次还约。', '，推荐！', '，非常满意。', '，辛苦了！', '，值这个价。', '，已经推荐给邻居了。', '。', '，点赞👍', '，服务很到位。', '，很专业。'];
/** 3★ texts: by the criticism tag given, or mixed feelings with a praise tag. */
const MIXED: Record<string, string[]> = {
  late: ['整体还行，就是来得有点晚', '活干得不错，可惜迟到了半小时', '来晚了二十分钟，活倒是干得还行'],
  careless: ['活干得还可以，有些角落没顾到', '基本满意，细节还可以再注意一下', '做完了，但是走的时候没把垃圾带走'],
  rude: ['沟通有点费劲，结果还行', '话不多，问什么都是嗯嗯，活还可以'],
  overcharged: ['价格偏贵了点，效果一般', '比预想的多花了些钱，效果还行'],
  damaged: ['碰掉了一块墙漆，师傅主动道歉了，还行', '搬东西时磕了一下桌角，其他还好'],
  praise: ['师傅态度不错，但是时间比预计长了不少', '还可以吧，和上次的师傅比差一点', '中规中矩，没什么惊喜'],
};
/** 1–2★ texts by criticism tag. */
const BAD: Record<string, string[]> = {
  late: ['迟到了快一个小时，也没提前打电话', '说好九点到，快十点才来', '迟到了还一直催着要赶下一单'],
  careless: ['做得很马虎，好多地方根本没擦', '活没干完就急着走', '效果很差，又找人重新弄了一遍', '角落全是灰，明显是在应付'],
  rude: ['态度不好，问一句嫌烦', '说话很冲，让人不舒服', '全程板着脸，提点要求就不耐烦'],
  overcharged: ['现场又加了好多钱，跟说好的不一样', '材料费报得比网上贵一倍', '临时说要加钱才肯做'],
  damaged: ['碰坏了柜门，说好赔偿也没下文', '把地板划了一道，也没说一声', '打碎了一个杯子，走的时候也没提'],
};
const REPLIES_GOOD = ['谢谢您的认可，下次有需要随时约我！', '感谢好评，祝您生活愉快～', '谢谢老板，有问题随时联系我。', '感谢支持，我会继续努力的！', '谢谢您的信任，下次见。'];
/** The worker's answer to criticism, by its first tag. */
const REPLIES_BAD: Record<string, string[]> = {
  late: ['非常抱歉，那天前一单拖了时间，路上又堵车，没及时通知您，以后一定提前联系。', '抱歉让您久等了，以后出门前一定先算好路上的时间。'],
  careless: ['抱歉没做好，您方便的话我免费上门再处理一次。', '对不起，是我疏忽了，已经改进，希望您再给一次机会。'],
  rude: ['抱歉那天语气不好，给您添堵了，以后一定注意沟通方式。'],
  overcharged: ['抱歉，加项费用是现场和您确认过的，如有疑问可以联系客服核实。', '材料都是按票据价格收的，给您带来误会很抱歉，票据可以发您看。'],
  damaged: ['非常抱歉，损坏的东西我按价赔偿，已经联系客服处理。', '对不起，是我不小心，维修费用我来承担。'],
  praise: ['谢谢您的意见，下次我会注意时间和细节。', '感谢反馈，哪里做得不好请直接告诉我，我一定改。'],
};
const FOLLOW_UPS_GOOD = ['用了两周了，效果保持得很好。', '过了几天再看，还是很干净，好评。', '后来又约了一次，还是一样靠谱。', '修好后一直没再出问题。', '家里老人一直念叨这位师傅好。'];
const FOLLOW_UPS_BAD = ['后来客服联系了我，问题已经处理了。', '过了几天又出现同样的问题了。', '师傅后来上门返工了，态度还可以。'];
const CUSTOMER_NOTES = ['客户很客气，还给倒了水', '沟通顺畅，要求描述清楚', '环境和描述一致', '提前准备好了工具和场地', '客户要求比较细，但讲道理', ''];

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────

/** Local (Asia/Shanghai) midnight `daysAgo` days before `now`'s local date, as a UTC instant, and its weekday. */
function localDay(now: Date, daysAgo: number) {
  const local = new Date(now.getTime() + ZONE_OFFSET);
  const midnightLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - daysAgo * DAY;
  return { start: midnightLocal - ZONE_OFFSET, weekday: new Date(midnightLocal).getUTCDay() };
}

/** People write reviews and answers while awake: an instant in the small hours moves to that morning (07:30–10:00 local). */
function daytime(r: Rng, at: Date): Date {
  const hour = new Date(at.getTime() + ZONE_OFFSET).getUTCHours();
  if (hour >= 7 && hour < 23) return at;
  const local = new Date(at.getTime() + ZONE_OFFSET + (hour >= 23 ? DAY : 0));
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - ZONE_OFFSET + (450 + r.int(0, 150)) * MIN);
}

const clampStar = (n: number) => Math.max(1, Math.min(5, Math.round(n)));

interface PricedItem { row: ItemRow; model: PricingModel | null; pick(r: Rng): { quantity: number; options: Record<string, unknown> } }

function quantityFor(r: Rng, model: PricingModel | null): number {
  if (!model) return 1;
  switch (model.kind) {
    case 'hourly': return Math.min(model.maxHours ?? 12, model.minHours + r.pick([0, 0, 0.5, 1, 1, 2]));
    case 'per_unit': {
      if (model.unit === 'sqm') return Math.max(model.minQuantity, Math.min(model.maxQuantity, r.pick([60, 75, 80, 90, 100, 110, 120, 140])));
      if (model.unit === 'window') return Math.max(model.minQuantity, Math.min(model.maxQuantity, r.int(8, 30)));
      return Math.max(model.minQuantity, Math.min(model.maxQuantity, r.pick([1, 1, 1, 2, 2, 3])));
    }
    default: return 1;
  }
}

function pickWeighted<T>(r: Rng, xs: readonly { v: T; w: number }[]): T {
  const total = xs.reduce((s, x) => s + x.w, 0);
  let at = r.next() * total;
  for (const x of xs) if ((at -= x.w) < 0) return x.v;
  return xs[xs.length - 1]!.v;
}

// ── Plan ────────────────────────────────────────────────────────────────────────────────────

interface PlannedOrder {
  id: string; orderNo: string; worker: HistoryWorker; customer: HistoryCustomer; item: PricedItem; quantity: number; quote: unknown;
  priceFen: number; durationMinutes: number; start: Date; createdAt: Date; paidAt: Date; acceptedAt: Date; method: 'wechat' | 'alipay';
  outcome: 'completed' | 'no_show'; gaveBackBy: HistoryWorker | null;
  departedAt: Date | null; startedAt: Date | null; late: boolean; finishedAt: Date | null; completedAt: Date | null; autoConfirmed: boolean; closedAt: Date | null; cancelledAt: Date | null;
  distanceM: number;
}

/** Customers living within `worker`'s reach (their district first), each with a weight: a few regulars come back often. */
function customerPool(r: Rng, w: HistoryWorker, customers: readonly HistoryCustomer[], demoCustomer: HistoryCustomer | null) {
  const reach = customers.filter((c) => haversineKm({ lat: w.homeLat, lng: w.homeLng }, c) <= w.radiusKm);
  const local = reach.length >= 3 ? reach : customers.filter((c) => c.districtCode === w.districtCode);
  const pool = local.length ? local : [...customers].sort((a, b) => haversineKm({ lat: w.homeLat, lng: w.homeLng }, a) - haversineKm({ lat: w.homeLat, lng: w.homeLng }, b)).slice(0, 5);
  const regulars = new Set(r.sample(pool, Math.min(3, pool.length)).map((c) => c.id));
  return pool.map((c) => ({ v: c, w: c === demoCustomer ? 6 : regulars.has(c.id) ? 5 : 1 }));
}

export function planHistory(r: Rng, now: Date, workers: readonly HistoryWorker[], customers: readonly HistoryCustomer[], items: ReadonlyMap<string, PricedItem & { quoteAt(start: Date, createdAt: Date, quantity: number): { quote: unknown; totalFen: number } | null }>, demoWorkerPhone: string, demoCustomerPhone: string) {
  const demoCustomer = customers.find((c) => c.phone === demoCustomerPhone) ?? null;
  const crews = new Map<string, HistoryWorker[]>();
  for (const w of workers) {
    const key = `${w.districtCode}|${w.trade}`;
    crews.set(key, [...(crews.get(key) ?? []), w]);
  }
  const orders: PlannedOrder[] = [];
  let seq = 0;
  for (const w of workers) {
    const demo = w.phone === demoWorkerPhone;
    const long = w.trade === 'nanny' || w.trade === 'infant';
    let count: number;
    if (demo) count = HISTORY.demoWorkerOrders;
    else if (r.next() < HISTORY.newShare) count = 0;
    else count = long ? r.int(1, HISTORY.maxLongOrders) : 1 + Math.floor(Math.pow(r.next(), 3) * HISTORY.maxOrders);
    if (!count) continue;
    const pool = customerPool(r, w, customers, demo ? demoCustomer : null);
    const busy = new Map<number, [number, number][]>();
    const crew = (crews.get(`${w.districtCode}|${w.trade}`) ?? []).filter((x) => x !== w);
    const usable = w.itemCodes.filter((c) => items.has(c));
    if (!usable.length) continue;
    for (let k = 0; k < count; k++) {
      const item = items.get(r.pick(usable))!;
      let placed: { start: Date; dayStart: number; from: number; to: number } | null = null;
      const quantity = quantityFor(r, item.model);
      const durationMinutes = visitDurationMinutes(item.model, quantity, item.row.duration_minutes);
      for (let attempt = 0; attempt < 25 && !placed; attempt++) {
        const daysAgo = r.int(3, HISTORY.days);
        const day = localDay(now, daysAgo);
        const hours = w.hours.find((h) => h.weekday === day.weekday);
        if (!hours) continue;
        const latest = Math.max(hours.startMinute, hours.endMinute - durationMinutes);
        const startMinute = hours.startMinute + 30 * r.int(0, Math.floor((latest - hours.startMinute) / 30));
        const from = startMinute - 30;
        const to = startMinute + durationMinutes + 30;
        const taken = busy.get(daysAgo) ?? [];
        if (taken.some(([a, b]) => from < b && a < to)) continue;
        taken.push([from, to]);
        busy.set(daysAgo, taken);
        placed = { start: new Date(day.start + startMinute * MIN), dayStart: day.start, from, to };
      }
      if (!placed) continue;
      const customer = pickWeighted(r, pool);
      const createdAt = new Date(placed.start.getTime() - r.pick([2, 5, 20, 26, 44, 50, 70]) * HOUR - r.int(0, 59) * MIN);
      const priced = item.quoteAt(placed.start, createdAt, quantity);
      if (!priced) continue;
      const paidAt = new Date(createdAt.getTime() + r.int(1, 6) * MIN);
      const gaveBackBy = crew.length && r.next() < HISTORY.gaveBackRate ? r.pick(crew) : null;
      // Taken within minutes (later when another worker gave it back first), and always well before setting off.
      const acceptedAt = new Date(Math.min(paidAt.getTime() + (gaveBackBy ? r.int(40, 120) : r.int(2, 30)) * MIN, placed.start.getTime() - 75 * MIN));
      const noShow = r.next() < (demo ? HISTORY.noShowRate / 2 : HISTORY.noShowRate);
      const o: PlannedOrder = {
        id: '', orderNo: `DJ${new Date(createdAt.getTime() + ZONE_OFFSET).toISOString().slice(2, 10).replace(/-/g, '')}${String(90_000_000 + seq++).padStart(8, '0')}`,
        worker: w, customer, item, quantity, quote: priced.quote, priceFen: priced.totalFen, durationMinutes, start: placed.start, createdAt, paidAt, acceptedAt,
        method: r.next() < 0.62 ? 'wechat' : 'alipay', outcome: noShow ? 'no_show' : 'completed', gaveBackBy,
        departedAt: null, startedAt: null, late: false, finishedAt: null, completedAt: null, autoConfirmed: false, closedAt: null, cancelledAt: null,
        distanceM: Math.round(r.next() * 120),
      };
      if (noShow) {
        o.cancelledAt = new Date(placed.start.getTime() + 30 * MIN);
      } else {
        o.departedAt = new Date(placed.start.getTime() - r.int(25, 70) * MIN);
        // Most arrive a little early or on the dot; some within the 10-minute grace; a few late.
        const roll = r.next();
        const lateShare = demo ? 0.03 : 0.07;
        const offset = roll < lateShare ? r.int(12, 45) : roll < lateShare + 0.1 ? r.int(1, 9) : -r.int(0, 15);
        o.startedAt = new Date(placed.start.getTime() + offset * MIN);
        o.late = offset > 10;
        o.finishedAt = new Date(o.startedAt.getTime() + (durationMinutes + r.pick([-15, -10, 0, 0, 0, 10, 20])) * MIN);
        o.autoConfirmed = r.next() < 0.12;
        o.completedAt = o.autoConfirmed ? new Date(o.finishedAt.getTime() + 48 * HOUR) : daytime(r, new Date(o.finishedAt.getTime() + r.int(5, 120) * MIN));
        const closeAt = o.completedAt.getTime() + 72 * HOUR;
        o.closedAt = closeAt <= now.getTime() ? new Date(closeAt) : null;
      }
      orders.push(o);
    }
  }
  orders.sort((a, b) => a.start.getTime() - b.start.getTime());
  return orders;
}

interface PlannedReview {
  order: PlannedOrder; stars: number; dims: [number, number, number, number]; tags: string[]; body: string; anonymous: boolean; isDefault: boolean; createdAt: Date;
  reply: { body: string; at: Date } | null; followUp: { body: string; at: Date } | null;
}

function planReview(r: Rng, o: PlannedOrder, now: Date, demoWorkerPhone: string): PlannedReview | null {
  if (o.outcome !== 'completed' || !o.completedAt) return null;
  const windowEnds = o.completedAt.getTime() + DEFAULT_REVIEW_SETTINGS.reviewWindowDays * DAY;
  const writes = r.next() < 0.8;
  if (!writes) {
    if (windowEnds > now.getTime()) return null; // still 待评价
    return { order: o, stars: 5, dims: [5, 5, 5, 5], tags: [], body: '', anonymous: false, isDefault: true, createdAt: new Date(windowEnds + r.int(1, 50) * MIN), reply: null, followUp: null };
  }
  const createdAt = daytime(r, new Date(o.completedAt.getTime() + pickWeighted(r, [{ v: r.int(5, 180), w: 6 }, { v: r.int(180, 24 * 60), w: 3 }, { v: r.int(24 * 60, 10 * 24 * 60), w: 1 }]) * MIN));
  if (createdAt.getTime() > now.getTime()) return null;
  // The demo worker is one of the city's best (as people who sign in as it expect); the tail is still there.
  const star = o.worker.phone === demoWorkerPhone
    ? [{ v: 5, w: 84 }, { v: 4, w: 9 }, { v: 3, w: 4 }, { v: 2, w: 2 }, { v: 1, w: 1 }]
    : [{ v: 5, w: 72 }, { v: 4, w: 17 }, { v: 3, w: 7 }, { v: 2, w: 2.5 }, { v: 1, w: 1.5 }];
  let stars = pickWeighted(r, star);
  if (o.late && stars >= 4 && r.next() < 0.5) stars -= r.int(1, 2);
  const near = () => clampStar(stars + pickWeighted(r, [{ v: 0, w: 8 }, { v: -1, w: 1 }, { v: 1, w: 1 }]));
  const dims: [number, number, number, number] = [near(), near(), near(), o.late ? clampStar(Math.min(stars, 3) - r.int(0, 1)) : near()];
  const positive = POSITIVE_TAGS.map((t) => t.code).filter((c) => c !== 'punctual' || !o.late);
  const negative = NEGATIVE_TAGS.map((t) => t.code);
  let tags: string[] = [];
  if (stars >= 4) tags = r.sample(positive, r.int(0, 3));
  else if (stars === 3) tags = o.late ? ['late'] : r.next() < 0.5 ? r.sample(positive, 1) : r.sample(negative.filter((c) => c !== 'late'), 1);
  else tags = [...(o.late ? ['late'] : []), ...r.sample(negative.filter((c) => c !== 'late'), r.int(1, 2))];
  const checked = checkTags(stars, tags);
  if (!checked.ok) throw new Error(`demo review tags ${tags.join(',')} do not fit ${stars} stars: ${checked.message.en}`);
  const good = BY_TRADE_GOOD[o.worker.trade] ?? BY_TRADE_GOOD.cleaner!;
  let body = '';
  const criticism = checked.value.filter((c) => BAD[c]);
  const topic = criticism[0] ?? 'praise';
  if (r.next() < 0.85 || stars <= 3) {
    if (stars >= 4) {
      const first = r.pick(good);
      const second = r.next() < 0.4 ? r.pick(good.filter((g) => g !== first)) : '';
      body = `${r.pick(o.late ? [''] : OPENERS_GOOD)}${first}${second ? `，${second}` : ''}${r.pick(CLOSERS_GOOD)}`;
    } else if (stars === 3) body = `${r.pick(MIXED[topic]!)}。`;
    else body = `${criticism.map((c) => `${r.pick(BAD[c]!)}。`).join('')}${r.next() < 0.5 ? '不会再约了。' : ''}`;
  }
  const replyChance = stars <= 3 ? 0.7 : 0.25;
  const replyAt = daytime(r, new Date(createdAt.getTime() + r.int(20, 36 * 60) * MIN));
  const reply = r.next() < replyChance && replyAt.getTime() < now.getTime() ? { body: r.pick(stars <= 3 ? REPLIES_BAD[topic]! : REPLIES_GOOD), at: replyAt } : null;
  const followAt = daytime(r, new Date(createdAt.getTime() + r.int(3, 25) * DAY));
  const followUp = body && r.next() < 0.1 && followAt.getTime() < now.getTime() ? { body: r.pick(stars >= 4 ? FOLLOW_UPS_GOOD : FOLLOW_UPS_BAD), at: followAt } : null;
  return { order: o, stars, dims, tags: checked.value, body, anonymous: r.next() < 0.1, isDefault: false, createdAt, reply, followUp };
}

// ── Write ───────────────────────────────────────────────────────────────────────────────────

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** What the catalogue would have quoted for each item at a past time (the pure pricing engine, the city's prices then). */
async function pricedItems(db: Db, cityCode: string) {
  const rows = await itemsWithCategory(db).execute();
  const { city, timeRules } = await cityPricing(db, cityCode);
  const out = new Map<string, PricedItem & { quoteAt(start: Date, createdAt: Date, quantity: number): { quote: unknown; totalFen: number } | null }>();
  // The engine's answer depends on the item, the quantity and the start's local time, weekday, date (holidays) and
  // lead time (urgent); the same inputs give the same lines, so each is priced once and only its instants differ.
  const holidays = new Set(timeRules.flatMap((t) => (t.kind === 'holiday' ? t.dates : [])));
  const weekendRule = timeRules.some((t) => t.kind === 'weekend');
  const urgentHours = Math.max(0, ...timeRules.map((t) => (t.kind === 'urgent' ? t.withinHours : 0)));
  const memo = new Map<string, { quote: { scheduledStart: string; createdAt: string; expiresAt: string; totalFen: number } & Record<string, unknown> } | null>();
  for (const row of rows) {
    if (!row.published || !row.pricing) continue;
    const model = row.pricing as PricingModel;
    const engine = engineItem(row);
    out.set(row.code, {
      row, model, pick: () => ({ quantity: 1, options: {} }),
      quoteAt(start, createdAt, quantity) {
        const local = new Date(start.getTime() + ZONE_OFFSET).toISOString();
        const urgent = start.getTime() - createdAt.getTime() < urgentHours * HOUR;
        const key = `${row.code}|${quantity}|${local.slice(11, 16)}|${weekendRule ? new Date(local).getUTCDay() : ''}|${holidays.has(local.slice(0, 10))}|${urgent}`;
        let hit = memo.get(key);
        if (hit === undefined) {
          const result = computeQuote(engine, { itemCode: row.code, quantity, options: {}, scheduledStart: start.toISOString() }, { now: createdAt, city, timeRules });
          hit = result.ok ? { quote: result.quote as never } : null;
          memo.set(key, hit);
        }
        if (!hit) return null;
        const quote = { ...hit.quote, scheduledStart: start.toISOString(), createdAt: createdAt.toISOString(), expiresAt: new Date(createdAt.getTime() + Date.parse(hit.quote.expiresAt) - Date.parse(hit.quote.createdAt)).toISOString() };
        return { quote, totalFen: quote.totalFen };
      },
    });
  }
  return out;
}

export interface HistoryFigures { orders: number; completed: number; noShows: number; reviews: number; defaultReviews: number; customerRatings: number; ledgerEntries: number; workersWithHistory: number }

/**
 * Plans and writes the history for the seeded workers and customers, then derives every shown figure from it.
 * Returns what it made.
 */
export async function seedHistory(ctx: AppContext, r: Rng, workers: readonly HistoryWorker[], customers: readonly HistoryCustomer[], opts: { demoWorkerPhone: string; demoCustomerPhone: string; now?: Date }): Promise<HistoryFigures> {
  const now = opts.now ?? new Date();
  const cityCode = ctx.config.cityCode;
  const items = await pricedItems(ctx.db, cityCode);
  const orders = planHistory(r, now, workers, customers, items, opts.demoWorkerPhone, opts.demoCustomerPhone);
  const reviews = orders.map((o) => planReview(r, o, now, opts.demoWorkerPhone)).filter((x): x is PlannedReview => !!x);
  // The worker rates the customer on about four in ten completed orders (always the demo worker's demo customer).
  const ratings = orders.filter((o) => o.outcome === 'completed' && o.completedAt && (o.customer.phone === opts.demoCustomerPhone && o.worker.phone === opts.demoWorkerPhone ? true : r.next() < 0.4))
    .map((o) => {
      const base = pickWeighted(r, [{ v: 5, w: 70 }, { v: 4, w: 22 }, { v: 3, w: 6 }, { v: 2, w: 2 }]);
      const d = () => clampStar(base - pickWeighted(r, [{ v: 0, w: 7 }, { v: 1, w: 2 }]));
      return { o, at: daytime(r, new Date(o.completedAt!.getTime() + r.int(10, 48 * 60) * MIN)), p: d(), c: d(), e: d(), a: d(), body: r.pick(CUSTOMER_NOTES) };
    }).filter((x) => x.at.getTime() < now.getTime());

  const figures = await ctx.db.transaction().execute(async (trx) => {
    const orderRows = orders.map((o) => {
      const c = o.customer;
      const address: AddressSnapshot = { label: '家', contactName: c.name, contactPhone: c.phone, contactPhoneMasked: maskPhone(c.phone), detail: c.detail, districtName: c.districtName };
      const status = o.outcome === 'no_show' ? 'cancelled' : o.closedAt ? 'closed' : 'completed';
      const snapshot = { quote: o.quote, item: { code: o.item.row.code, name: o.item.row.name, nameEn: o.item.row.name_en, unit: (o.quote as { model?: string }).model ?? o.item.row.unit, included: o.item.row.included, requiredCertificate: o.item.row.required_certificate } };
      const workerCard = { id: o.worker.id, name: maskName(o.worker.name, '师傅'), avatarUrl: null, ratingAvg: 0, ratingCount: 0, ordersDone: 0, experienceYears: o.worker.experienceYears };
      return {
        order_no: o.orderNo, city_code: cityCode, customer_id: c.id, worker_id: o.worker.id, item_id: o.item.row.id, item_code: o.item.row.code, category_code: o.item.row.category_code,
        status, scheduled_start: o.start, duration_minutes: o.durationMinutes, buffer_minutes: 30, district_code: c.districtCode, lat: c.lat, lng: c.lng,
        quote_snapshot: JSON.stringify(snapshot), address_enc: ctx.pii.encrypt(JSON.stringify(address)), address_label: '家', worker_snapshot: JSON.stringify(workerCard),
        price_fen: o.priceFen, paid_fen: o.priceFen, refund_fen: o.outcome === 'no_show' ? o.priceFen : 0, pay_method: o.method, service_code: String((o.start.getTime() / MIN) % 10_000).padStart(4, '0'),
        paid_at: o.paidAt, accepted_at: o.acceptedAt, departed_at: o.departedAt, started_at: o.startedAt, finished_at: o.finishedAt, completed_at: o.completedAt, closed_at: o.closedAt,
        cancelled_at: o.cancelledAt, cancel_reason: o.outcome === 'no_show' ? '师傅未上门' : '', late_flagged_at: o.late ? o.startedAt : o.outcome === 'no_show' ? new Date(o.start.getTime() + 10 * MIN) : null,
        check_in: o.startedAt ? JSON.stringify({ lat: c.lat, lng: c.lng, distanceM: o.distanceM, farReason: null }) : null,
        created_at: o.createdAt, updated_at: o.closedAt ?? o.completedAt ?? o.cancelledAt ?? o.createdAt,
      };
    });
    await insertChunks(orderRows, 1000, async (chunk) => {
      const ids = await trx.insertInto('orders').values(chunk).returning('id').execute();
      const offset = orderRows.indexOf(chunk[0]!);
      ids.forEach((row, i) => { orders[offset + i]!.id = row.id; });
    });
    const events: { order_id: string; at: Date; action: string; actor_kind: 'customer' | 'worker' | 'system'; actor_id: string | null; actor_name: string; from_status: string | null; to_status: string | null; note: string; detail: string }[] = [];
    const ev = (o: PlannedOrder, at: Date, action: string, kind: 'customer' | 'worker' | 'system', actorId: string | null, name: string, from: string | null, to: string | null, detail: object = {}, note = '') =>
      events.push({ order_id: o.id, at, action, actor_kind: kind, actor_id: actorId, actor_name: name, from_status: from, to_status: to, note, detail: JSON.stringify(detail) });
    for (const o of orders) {
      const wName = maskName(o.worker.name, '师傅');
      ev(o, o.createdAt, 'create', 'customer', o.customer.id, '客户', null, 'created');
      ev(o, o.paidAt, 'pay', 'customer', o.customer.id, '客户', 'created', 'paid', { method: o.method, amountFen: o.priceFen });
      if (o.gaveBackBy) {
        ev(o, new Date(o.paidAt.getTime() + 5 * MIN), 'accept', 'worker', o.gaveBackBy.id, maskName(o.gaveBackBy.name, '师傅'), 'paid', 'assigned');
        ev(o, new Date(o.acceptedAt.getTime() - 20 * MIN), 'decline', 'worker', o.gaveBackBy.id, maskName(o.gaveBackBy.name, '师傅'), 'assigned', 'paid', {}, '临时有事，无法上门');
      }
      ev(o, o.acceptedAt, 'accept', 'worker', o.worker.id, wName, 'paid', 'assigned');
      if (o.outcome === 'no_show') {
        ev(o, o.cancelledAt!, 'worker_no_show', 'system', null, '系统', 'assigned', 'cancelled', { refundFen: o.priceFen });
        continue;
      }
      ev(o, o.departedAt!, 'depart', 'worker', o.worker.id, wName, 'assigned', 'on_the_way');
      const lateMinutes = Math.max(0, Math.round((o.startedAt!.getTime() - o.start.getTime()) / MIN));
      ev(o, o.startedAt!, 'check_in', 'worker', o.worker.id, wName, 'on_the_way', 'in_service', { distanceM: o.distanceM, lateMinutes });
      ev(o, o.finishedAt!, 'finish', 'worker', o.worker.id, wName, 'in_service', 'awaiting_confirmation');
      ev(o, o.completedAt!, o.autoConfirmed ? 'auto_confirm' : 'confirm', o.autoConfirmed ? 'system' : 'customer', o.autoConfirmed ? null : o.customer.id, o.autoConfirmed ? '系统' : '客户', 'awaiting_confirmation', 'completed');
      if (o.closedAt) ev(o, o.closedAt, 'close', 'system', null, '系统', 'completed', 'closed');
    }
    await insertChunks(events, 4000, (chunk) => trx.insertInto('order_events').values(chunk).execute());

    // Money: each worker's record so far decides the commission tier and level of the next order.
    const record = new Map<string, { done: number; sum: number; n: number }>();
    const reviewOf = new Map(reviews.filter((x) => !x.isDefault).map((x) => [x.order, x]));
    const money: PastOrderMoney[] = [];
    for (const o of [...orders].sort((a, b) => (a.completedAt ?? a.cancelledAt!).getTime() - (b.completedAt ?? b.cancelledAt!).getTime())) {
      const rec = record.get(o.worker.id) ?? { done: 0, sum: 0, n: 0 };
      money.push({
        orderId: o.id, orderNo: o.orderNo, cityCode, categoryCode: o.item.row.category_code, itemName: o.item.row.name, workerId: o.worker.id, paidFen: o.priceFen, method: o.method, paidAt: o.paidAt,
        outcome: o.outcome, endedAt: o.completedAt ?? o.cancelledAt!, completedBefore: rec.done, ratingAvg: rec.n ? Math.round((rec.sum * 100) / rec.n) / 100 : 0, ratingCount: rec.n,
      });
      if (o.outcome === 'completed') {
        rec.done += 1;
        const rv = reviewOf.get(o);
        if (rv) { rec.sum += rv.stars; rec.n += 1; }
      }
      record.set(o.worker.id, rec);
    }
    const ledger = await recordPastOrderMoney(trx, money, now);

    await insertChunks(reviews, 2000, (chunk) => trx.insertInto('reviews').values(chunk.map((x) => ({
      order_id: x.order.id, customer_id: x.order.customer.id, worker_id: x.order.worker.id, item_code: x.order.item.row.code, stars: x.stars,
      attitude: x.isDefault ? null : x.dims[0], skill: x.isDefault ? null : x.dims[1], efficiency: x.isDefault ? null : x.dims[2], punctuality: x.isDefault ? null : x.dims[3],
      tags: x.tags, body: x.body, anonymous: x.anonymous, is_default: x.isDefault,
      follow_up_body: x.followUp?.body ?? null, follow_up_at: x.followUp?.at ?? null, reply_body: x.reply?.body ?? null, reply_at: x.reply?.at ?? null,
      created_at: x.createdAt, updated_at: x.followUp?.at ?? x.reply?.at ?? x.createdAt,
    }))).execute());
    await insertChunks(ratings, 2000, (chunk) => trx.insertInto('customer_ratings').values(chunk.map((x) => ({
      order_id: x.o.id, worker_id: x.o.worker.id, customer_id: x.o.customer.id, punctuality: x.p, communication: x.c, environment: x.e, accuracy: x.a, body: x.body, created_at: x.at,
    }))).execute());

    // Every shown figure, derived from the rows just written by the domains that own them.
    const touched = new Set(orders.map((o) => o.worker.id));
    await refreshWorkerRatings(trx, touched);
    await setOrdersDone(trx, await completedOrderCounts(trx, 'worker_id'));
    return { ledgerEntries: ledger.entries, workersWithHistory: touched.size, charges: ledger.charges };
  });
  // The embedded payment simulator stands in for WeChat Pay / Alipay: it too has these charges on its books (its own
  // connection, so after the transaction).
  const { charges, ...written } = figures;
  await ctx.paySim?.recordPastCharges(charges);
  await deriveItemStats(ctx.db);
  return {
    orders: orders.length, completed: orders.filter((o) => o.outcome === 'completed').length, noShows: orders.filter((o) => o.outcome === 'no_show').length,
    reviews: reviews.filter((x) => !x.isDefault).length, defaultReviews: reviews.filter((x) => x.isDefault).length, customerRatings: ratings.length, ...written,
  };
}

/** Items' rating and count from their reviews (reviews' rules) and popularity from their completed orders (booking). */
export async function deriveItemStats(db: Db): Promise<void> {
  const [ratings, popularity, codes] = await Promise.all([itemRatings(db), completedOrderCounts(db, 'item_code'), db.selectFrom('service_items').select('code').execute()]);
  await setItemStats(db, codes.map(({ code }) => ({ code, ratingAvg: ratings.get(code)?.avg ?? 0, ratingCount: ratings.get(code)?.count ?? 0, popularity: popularity.get(code) ?? 0 })));
}

/** The seed's customers' homes: a 小区 / street of the gazetteer in their district and a flat there. */
export function customerHome(r: Rng, places: readonly Place[], districtCode: string): { lat: number; lng: number; detail: string } {
  const local = places.filter((p) => p.districtCode === districtCode);
  const p = r.pick(local.length ? local : places);
  return { lat: p.lat, lng: p.lng, detail: `${p.name} ${r.int(1, 30)} 号楼 ${r.int(1, 6)}0${r.int(1, 4)} 室` };
}
