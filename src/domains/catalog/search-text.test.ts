import { describe, expect, it } from 'vitest';
import { buildSearchText } from './search-text.js';

describe('catalogue search text', () => {
  const text = buildSearchText({ name: '深度保洁', nameEn: 'Deep cleaning', description: '厨房去油污', categoryName: '家庭保洁' });
  it('finds by Chinese substring, English, full pinyin and initials', () => {
    for (const q of ['深度', 'deep clean', 'shendubaojie', 'sdbj', '油污']) expect(text).toContain(q.toLowerCase());
  });
});
