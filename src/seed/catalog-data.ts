import type { PricingModel } from '../domains/catalog/pricing/index.js';
import type { CategorySeed } from '../domains/catalog/service.js';
import * as O from './catalog-options.js';

const yuan = (n: number) => n * 100;
const hourly = (perHour: number, minHours: number, maxHours = 8): PricingModel => ({ kind: 'hourly', pricePerHourFen: yuan(perHour), minHours, maxHours, stepHours: 0.5 });
const perUnit = (unit: 'sqm' | 'appliance' | 'bed' | 'item', price: number, minQuantity: number, maxQuantity: number): PricingModel => ({ kind: 'per_unit', unit, unitPriceFen: yuan(price), minQuantity, maxQuantity });
const fixed = (price: number, maxQuantity = 1): PricingModel => ({ kind: 'fixed', priceFen: yuan(price), maxQuantity });
const pkg = (price: number, visits: number, validDays: number): PricingModel => ({ kind: 'package', priceFen: yuan(price), visits, validDays });
const onSite = (deposit: number): PricingModel => ({ kind: 'on_site_quote', depositFen: yuan(deposit) });

/** Demo catalogue: Shanghai 2025 market ranges (src/seed/shanghai.json), 8 categories, 31 items. */
export const DEMO_CATALOG: CategorySeed[] = [
  { code: 'cleaning', name: '家庭保洁', nameEn: 'Home cleaning', icon: '🧹', items: [
    { code: 'daily-cleaning', name: '日常保洁', nameEn: 'Daily cleaning (hourly)', unit: 'hour', priceMinFen: yuan(40), priceMaxFen: yuan(60), durationMinutes: 120, model: hourly(50, 2), options: O.CLEANING_OPTIONS, included: ['地面清扫拖洗', '台面/桌面擦拭', '厨卫表面清洁', '垃圾带走'], excluded: ['重油污深度清洁', '高空外窗', '搬动大型家具'], description: '钟点工，2 小时起：地面、台面、厨卫表面清洁与整理。' },
    { code: 'deep-cleaning', name: '深度保洁', nameEn: 'Deep cleaning', unit: 'm2', priceMinFen: yuan(8), priceMaxFen: yuan(15), durationMinutes: 300, model: perUnit('sqm', 10, 30, 500), options: O.DEEP_CLEANING_OPTIONS, included: ['厨房去油污', '卫生间除垢除霉', '门窗框/踢脚线', '柜体内外擦拭'], excluded: ['外墙玻璃', '地毯清洗', '家电拆洗'], description: '全屋深度清洁：厨房去油污、卫生间除垢除霉、死角清洁。' },
    { code: 'move-in-cleaning', name: '开荒保洁', nameEn: 'Post-renovation cleaning', unit: 'm2', priceMinFen: yuan(10), priceMaxFen: yuan(20), durationMinutes: 480, model: perUnit('sqm', 14, 30, 1000), options: O.DEEP_CLEANING_OPTIONS, included: ['除胶除漆点', '全屋玻璃', '地面深度清洁', '柜体内部'], excluded: ['建筑垃圾清运', '外墙清洗'], description: '新房装修后开荒：除胶、除漆点、玻璃与地面全面清洁。' },
    { code: 'window-cleaning', name: '擦玻璃', nameEn: 'Window cleaning', unit: 'm2', priceMinFen: yuan(5), priceMaxFen: yuan(10), durationMinutes: 120, model: perUnit('sqm', 7, 5, 300), options: O.CLEANING_OPTIONS, included: ['玻璃内外侧', '窗框窗槽', '纱窗冲洗'], excluded: ['无安全条件的高空外侧'], description: '室内外玻璃与窗框清洁（高空外侧需安全条件）。' },
    { code: 'mite-removal', name: '除螨', nameEn: 'Dust-mite removal', unit: 'bed', priceMinFen: yuan(60), priceMaxFen: yuan(120), durationMinutes: 60, model: perUnit('bed', 80, 1, 10), options: [O.PETS, O.ALLERGIES, O.NOTES], included: ['床垫双面除螨', '紫外线杀菌', '枕头被褥'], excluded: ['沙发深度水洗'], description: '床垫、沙发、布艺除螨杀菌。' },
  ] },
  { code: 'appliance-cleaning', name: '家电清洗', nameEn: 'Appliance cleaning', icon: '🧼', items: [
    { code: 'ac-cleaning', name: '空调清洗（挂机）', nameEn: 'Air-conditioner cleaning (wall unit)', unit: 'unit', priceMinFen: yuan(80), priceMaxFen: yuan(150), durationMinutes: 60, model: perUnit('appliance', 100, 1, 10), options: [O.APPLIANCE_KIND, O.NOTES], included: ['滤网拆洗', '蒸发器高温蒸汽清洗', '出风口清洁', '排水检查'], excluded: ['加氟', '维修更换配件'], description: '拆洗滤网、蒸发器高温蒸汽清洗、排水检查。' },
    { code: 'hood-cleaning', name: '油烟机清洗', nameEn: 'Range-hood cleaning', unit: 'unit', priceMinFen: yuan(150), priceMaxFen: yuan(260), durationMinutes: 90, model: perUnit('appliance', 200, 1, 3), options: [O.APPLIANCE_KIND, O.NOTES], included: ['叶轮/油网拆洗', '油杯清理', '外壳去油'], excluded: ['电机维修'], description: '拆洗叶轮、油网、油杯，外壳去油。' },
    { code: 'washer-cleaning', name: '洗衣机清洗', nameEn: 'Washing-machine cleaning', unit: 'unit', priceMinFen: yuan(100), priceMaxFen: yuan(180), durationMinutes: 90, model: perUnit('appliance', 140, 1, 3), options: [O.APPLIANCE_KIND, O.NOTES], included: ['拆桶清洗', '除垢除霉', '密封圈清洁'], excluded: ['维修更换配件'], description: '拆桶深度清洗，去除污垢霉菌。' },
    { code: 'fridge-cleaning', name: '冰箱清洗', nameEn: 'Fridge cleaning', unit: 'unit', priceMinFen: yuan(100), priceMaxFen: yuan(200), durationMinutes: 60, model: perUnit('appliance', 150, 1, 3), options: [O.APPLIANCE_KIND, O.NOTES], included: ['内胆/隔板清洗', '密封条清洁', '除味'], excluded: ['制冷维修'], description: '内胆、隔板、密封条清洁除味。' },
  ] },
  { code: 'repair', name: '维修服务', nameEn: 'Repairs', icon: '🔧', items: [
    { code: 'appliance-repair', name: '家电维修', nameEn: 'Appliance repair', unit: 'job', priceMinFen: yuan(50), priceMaxFen: yuan(100), durationMinutes: 60, model: onSite(60), options: [O.NOTES], included: ['上门检测', '故障诊断', '维修方案与报价'], excluded: ['配件费（另计，现场确认）'], description: '上门检测费；维修方案与价格现场报价，确认后施工。', requiredCertificate: 'electrician' },
    { code: 'plumbing-electrical', name: '水电维修', nameEn: 'Plumbing & electrical', unit: 'job', priceMinFen: yuan(80), priceMaxFen: yuan(300), durationMinutes: 90, model: onSite(80), options: [O.NOTES], included: ['上门检测', '常见水电故障处理'], excluded: ['材料费（另计，现场确认）', '改水改电工程'], description: '上门费 + 材料：漏水、开关插座、灯具等。', requiredCertificate: 'electrician' },
    { code: 'drain-unblocking', name: '管道疏通', nameEn: 'Drain unblocking', unit: 'job', priceMinFen: yuan(100), priceMaxFen: yuan(300), durationMinutes: 60, model: fixed(150), options: [O.NOTES], included: ['马桶/地漏/下水道疏通', '疏通后试水'], excluded: ['管道开挖', '化粪池清理'], description: '马桶、地漏、下水道疏通。' },
    { code: 'locksmith', name: '开锁', nameEn: 'Locksmith', unit: 'job', priceMinFen: yuan(80), priceMaxFen: yuan(200), durationMinutes: 45, model: fixed(120), options: [O.NOTES], included: ['身份核验', '普通门锁开启'], excluded: ['换锁芯（另计）', '保险柜开启'], description: '公安备案锁匠，核验身份后开锁。' },
    { code: 'home-maintenance', name: '家居保养', nameEn: 'Home maintenance', unit: 'hour', priceMinFen: yuan(80), priceMaxFen: yuan(150), durationMinutes: 120, model: hourly(100, 2), options: [O.PETS, O.NOTES], included: ['木地板打蜡', '家具保养', '皮具护理'], excluded: ['家具维修'], description: '木地板打蜡、家具保养、皮具护理。' },
  ] },
  { code: 'moving', name: '搬家搬运', nameEn: 'Moving', icon: '🚚', items: [
    { code: 'moving-van', name: '搬家（小面包车）', nameEn: 'House move (small van)', unit: 'job', priceMinFen: yuan(300), priceMaxFen: yuan(800), durationMinutes: 240, model: fixed(500), options: [O.FLOORS_NO_LIFT, O.LARGE_ITEMS, O.NOTES], included: ['小面包车一辆', '司机兼搬运', '市内运输'], excluded: ['打包材料', '钢琴等特殊物品'], description: '含司机与搬运工，市内搬家。' },
    { code: 'furniture-moving', name: '家具搬运', nameEn: 'Furniture moving', unit: 'job', priceMinFen: yuan(150), priceMaxFen: yuan(400), durationMinutes: 120, model: fixed(250), options: [O.FLOORS_NO_LIFT, O.LARGE_ITEMS, O.NOTES], included: ['大件家具搬运', '上下楼'], excluded: ['拆装（另选家具拆装）'], description: '单件或少量大件家具搬运、上下楼。' },
    { code: 'furniture-assembly', name: '家具拆装', nameEn: 'Furniture assembly', unit: 'job', priceMinFen: yuan(100), priceMaxFen: yuan(300), durationMinutes: 120, model: fixed(180, 5), options: [O.NOTES], included: ['床/衣柜/桌椅拆装', '基础调平'], excluded: ['木工改造'], description: '床、衣柜、桌椅拆装。' },
  ] },
  { code: 'nanny', name: '保姆育婴', nameEn: 'Nannies & infant care', icon: '👶', items: [
    { code: 'live-in-nanny', name: '保姆（住家）', nameEn: 'Live-in nanny', unit: 'month', priceMinFen: yuan(6000), priceMaxFen: yuan(9000), durationMinutes: 480, model: pkg(7000, 26, 31), options: [O.CHILDREN, O.PETS, O.NOTES], included: ['一日三餐', '家务清洁', '照看家人'], excluded: ['婴儿专业护理（另选育婴师）'], description: '住家保姆：做饭、家务、照看家人。', requiredCertificate: 'housekeeping' },
    { code: 'daytime-nanny', name: '白班保姆', nameEn: 'Day nanny', unit: 'month', priceMinFen: yuan(5000), priceMaxFen: yuan(7500), durationMinutes: 480, model: pkg(6000, 26, 31), options: [O.PETS, O.NOTES], included: ['白天做饭', '家务清洁'], excluded: ['夜间照护'], description: '白天上门，做饭与家务。', requiredCertificate: 'housekeeping' },
    { code: 'infant-carer', name: '育婴师', nameEn: 'Infant carer', unit: 'month', priceMinFen: yuan(8000), priceMaxFen: yuan(12000), durationMinutes: 480, model: pkg(10000, 26, 31), options: [O.CHILDREN, O.NOTES], included: ['婴幼儿照护', '辅食制作', '早教陪伴'], excluded: ['大量家务'], description: '0–3 岁婴幼儿照护、辅食与早教。', requiredCertificate: 'infant_care' },
    { code: 'hourly-childcare', name: '临时看护', nameEn: 'Hourly childcare', unit: 'hour', priceMinFen: yuan(50), priceMaxFen: yuan(80), durationMinutes: 180, model: hourly(60, 3, 10), options: [O.CHILDREN, O.PETS, O.NOTES], included: ['临时看护', '陪玩陪读'], excluded: ['接送（需另约）'], description: '临时照看儿童，3 小时起。' },
  ] },
  { code: 'maternity', name: '月嫂', nameEn: 'Maternity nurses', icon: '🍼', items: [
    { code: 'maternity-nurse', name: '月嫂（26 天）', nameEn: 'Maternity nurse (26 days)', unit: '26days', priceMinFen: yuan(12000), priceMaxFen: yuan(25000), durationMinutes: 1440, model: pkg(18000, 26, 40), options: [O.NOTES], included: ['产妇护理', '新生儿 24 小时护理', '月子餐'], excluded: ['医疗处置'], description: '产妇与新生儿 24 小时护理，26 天一期。', requiredCertificate: 'maternity' },
    { code: 'postpartum-care', name: '产后护理（日间）', nameEn: 'Postpartum day care', unit: 'day', priceMinFen: yuan(400), priceMaxFen: yuan(700), durationMinutes: 480, model: fixed(550, 30), options: [O.NOTES], included: ['产妇日间护理', '月子餐'], excluded: ['夜间护理'], description: '产妇日间护理、月子餐。', requiredCertificate: 'maternity' },
  ] },
  { code: 'care', name: '老人病人护理', nameEn: 'Elder & patient care', icon: '🧓', items: [
    { code: 'elder-day-care', name: '老人护理（日间）', nameEn: 'Elder care (daytime)', unit: 'day', priceMinFen: yuan(150), priceMaxFen: yuan(300), durationMinutes: 480, model: fixed(220, 30), options: [O.CARE_NEEDS, O.NOTES], included: ['起居照料', '助餐', '陪伴散步'], excluded: ['医疗护理操作'], description: '起居照料、助餐、陪伴。', requiredCertificate: 'elder_care' },
    { code: 'hospital-escort', name: '病人陪护（医院 24h）', nameEn: 'Hospital patient escort (24 h)', unit: 'day', priceMinFen: yuan(200), priceMaxFen: yuan(350), durationMinutes: 1440, model: fixed(280, 30), options: [O.CARE_NEEDS, O.NOTES], included: ['住院 24 小时陪护', '协助进食/如厕', '陪同检查'], excluded: ['医疗处置'], description: '住院 24 小时陪护。', requiredCertificate: 'elder_care' },
    { code: 'home-patient-care', name: '居家病人护理', nameEn: 'Home patient care', unit: 'day', priceMinFen: yuan(250), priceMaxFen: yuan(400), durationMinutes: 480, model: fixed(320, 30), options: [O.CARE_NEEDS, O.NOTES], included: ['术后康复期照护', '生活护理'], excluded: ['注射等医疗操作'], description: '术后康复期居家护理。', requiredCertificate: 'elder_care' },
    { code: 'escort-visit', name: '陪诊', nameEn: 'Clinic escort', unit: 'job', priceMinFen: yuan(150), priceMaxFen: yuan(300), durationMinutes: 240, model: fixed(200), options: [O.CARE_NEEDS, O.NOTES], included: ['陪同就医', '挂号取药'], excluded: ['交通费'], description: '陪同就医、挂号取药。' },
  ] },
  { code: 'home-life', name: '居家生活', nameEn: 'Home life', icon: '🪴', items: [
    { code: 'plant-care', name: '绿植护理', nameEn: 'Plant care', unit: 'visit', priceMinFen: yuan(80), priceMaxFen: yuan(200), durationMinutes: 60, model: fixed(120, 4), options: [O.NOTES], included: ['浇水施肥', '修剪', '病虫害处理'], excluded: ['绿植购买'], description: '浇水施肥、修剪、病虫害处理。' },
    { code: 'organizing', name: '收纳整理', nameEn: 'Home organising', unit: 'hour', priceMinFen: yuan(80), priceMaxFen: yuan(150), durationMinutes: 180, model: hourly(100, 3), options: [O.ROOMS, O.NOTES], included: ['收纳规划', '分类整理', '衣物折叠'], excluded: ['收纳用品购买'], description: '衣橱、厨房、儿童房收纳规划与整理。' },
    { code: 'laundry-care', name: '衣物洗护', nameEn: 'Laundry & garment care', unit: 'hour', priceMinFen: yuan(50), priceMaxFen: yuan(80), durationMinutes: 120, model: hourly(60, 2), options: [O.NOTES], included: ['衣物清洗', '熨烫', '换季收纳'], excluded: ['奢侈品干洗'], description: '上门衣物清洗、熨烫、换季收纳。' },
    { code: 'home-cooking', name: '上门做饭', nameEn: 'Home cooking', unit: 'visit', priceMinFen: yuan(80), priceMaxFen: yuan(150), durationMinutes: 120, model: fixed(120), options: [O.ALLERGIES, O.NOTES], included: ['家常菜 3–5 道', '厨房收拾'], excluded: ['食材费'], description: '家常菜 3–5 道，食材由客户准备或代购。' },
  ] },
];

/** Worker trades: which items a worker of that trade offers. */
export const TRADES: Record<string, string[]> = {
  cleaner: ['daily-cleaning', 'deep-cleaning', 'move-in-cleaning', 'window-cleaning', 'mite-removal', 'organizing', 'laundry-care'],
  appliance: ['ac-cleaning', 'hood-cleaning', 'washer-cleaning', 'fridge-cleaning', 'appliance-repair'],
  handyman: ['plumbing-electrical', 'drain-unblocking', 'locksmith', 'home-maintenance', 'furniture-assembly', 'appliance-repair'],
  mover: ['moving-van', 'furniture-moving', 'furniture-assembly'],
  nanny: ['live-in-nanny', 'daytime-nanny', 'hourly-childcare', 'home-cooking', 'daily-cleaning'],
  infant: ['infant-carer', 'hourly-childcare', 'maternity-nurse', 'postpartum-care'],
  carer: ['elder-day-care', 'hospital-escort', 'home-patient-care', 'escort-visit', 'home-cooking'],
  gardener: ['plant-care', 'organizing', 'window-cleaning'],
};
