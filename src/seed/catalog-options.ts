import type { OptionDefinition } from '../domains/catalog/pricing/index.js';

/** Option sets shared by several demo items (labels zh-CN / en; surcharges in fen). */
const fen = (yuan: number) => yuan * 100;
const text = (key: string, zh: string, en: string, maxLength: number): OptionDefinition => ({ key, kind: 'text', label: { zh, en }, maxLength });

export const NOTES = text('notes', '备注', 'Notes', 200);
export const ALLERGIES = text('allergies', '过敏情况（如对清洁剂过敏）', 'Allergies (e.g. to detergents)', 100);
export const PETS: OptionDefinition = { key: 'pets', kind: 'boolean', label: { zh: '家有宠物', en: 'Pets at home' }, surcharge: { type: 'fixed', fen: fen(10) } };
export const SUPPLIES: OptionDefinition = {
  key: 'supplies', kind: 'select', label: { zh: '清洁用品', en: 'Cleaning supplies' }, defaultValue: 'own',
  choices: [
    { value: 'own', label: { zh: '我家自备', en: 'I provide them' } },
    { value: 'worker', label: { zh: '师傅自带', en: 'Worker brings them' }, surcharge: { type: 'fixed', fen: fen(30) } },
  ],
};
export const CLEANING_LEVEL: OptionDefinition = {
  key: 'level', kind: 'select', label: { zh: '清洁程度', en: 'Cleaning level' }, defaultValue: 'standard',
  choices: [
    { value: 'standard', label: { zh: '标准', en: 'Standard' } },
    { value: 'thorough', label: { zh: '精细（多 20%）', en: 'Thorough (+20 %)' }, surcharge: { type: 'percent', bp: 2000 } },
  ],
};
export const FOCUS_AREAS: OptionDefinition = {
  key: 'focusAreas', kind: 'multi_select', label: { zh: '重点区域', en: 'Focus areas' },
  choices: [
    { value: 'kitchen', label: { zh: '厨房重油污', en: 'Greasy kitchen' }, surcharge: { type: 'fixed', fen: fen(50) } },
    { value: 'bathroom', label: { zh: '卫生间除垢', en: 'Bathroom descaling' }, surcharge: { type: 'fixed', fen: fen(30) } },
    { value: 'windows', label: { zh: '擦玻璃', en: 'Window cleaning' }, surcharge: { type: 'fixed', fen: fen(80) } },
    { value: 'bedroom', label: { zh: '卧室', en: 'Bedrooms' } },
    { value: 'balcony', label: { zh: '阳台', en: 'Balcony' } },
  ],
};
export const ROOMS: OptionDefinition = {
  key: 'rooms', kind: 'integer', label: { zh: '房间数', en: 'Rooms' }, min: 1, max: 10, includedUnits: 3, perUnitFen: fen(20), defaultValue: 2,
};
export const FLOORS_NO_LIFT: OptionDefinition = {
  key: 'stairsFloors', kind: 'integer', label: { zh: '无电梯楼层数', en: 'Floors without a lift' }, min: 0, max: 30, includedUnits: 0, perUnitFen: fen(20), defaultValue: 0,
};
export const LARGE_ITEMS: OptionDefinition = {
  key: 'largeItems', kind: 'integer', label: { zh: '大件家具/家电件数', en: 'Large furniture / appliances' }, min: 0, max: 50, includedUnits: 3, perUnitFen: fen(30), defaultValue: 0,
};
export const APPLIANCE_KIND: OptionDefinition = {
  key: 'applianceType', kind: 'select', label: { zh: '机型', en: 'Type' }, defaultValue: 'standard',
  choices: [
    { value: 'standard', label: { zh: '普通款', en: 'Standard' } },
    { value: 'large', label: { zh: '大型/嵌入式（多 30%）', en: 'Large / built-in (+30 %)' }, surcharge: { type: 'percent', bp: 3000 } },
  ],
};
export const CARE_NEEDS: OptionDefinition = {
  key: 'careLevel', kind: 'select', label: { zh: '自理能力', en: 'Self-care ability' }, defaultValue: 'independent',
  choices: [
    { value: 'independent', label: { zh: '能自理', en: 'Independent' } },
    { value: 'partial', label: { zh: '半自理（多 20%）', en: 'Partly dependent (+20 %)' }, surcharge: { type: 'percent', bp: 2000 } },
    { value: 'dependent', label: { zh: '不能自理（多 50%）', en: 'Fully dependent (+50 %)' }, surcharge: { type: 'percent', bp: 5000 } },
  ],
};
export const CHILDREN: OptionDefinition = {
  key: 'children', kind: 'integer', label: { zh: '照看孩子数', en: 'Children' }, min: 1, max: 4, includedUnits: 1, perUnitFen: fen(20), defaultValue: 1,
};

export const CLEANING_OPTIONS = [SUPPLIES, PETS, ALLERGIES, NOTES];
export const DEEP_CLEANING_OPTIONS = [CLEANING_LEVEL, FOCUS_AREAS, ROOMS, SUPPLIES, PETS, ALLERGIES, NOTES];
