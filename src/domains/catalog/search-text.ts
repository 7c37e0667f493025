import { pinyin } from 'pinyin-pro';

/**
 * Text an item is found by: Chinese and English names, description, category, and the name's
 * pinyin in full and as initials (so "sdbj" and "shendu" find 深度保洁).
 */
export function buildSearchText(parts: { name: string; nameEn: string; description: string; categoryName: string }): string {
  const full = pinyin(parts.name, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  const initials = pinyin(parts.name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  return [parts.name, parts.nameEn, parts.categoryName, parts.description, full, initials].join(' ').toLowerCase();
}
