import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskContacts } from '../../messaging/index.js';
import {
  ALLOWED_PHRASES,
  NOT_APPLIED,
  SENSITIVE_MASK,
  SENSITIVE_WORDS,
  appliedEntries,
  createSensitiveWordFilter,
  filterSensitiveWords,
  maskIdNumbers,
  moderateReviewText,
} from './moderation.js';

const published = createRequire(import.meta.url)('naughty-words/zh.json') as string[];

describe('the word list', () => {
  it('is the published Chinese list, less single characters, digit-led entries and the ordinary words named', () => {
    expect(SENSITIVE_WORDS.length).toBeGreaterThan(250);
    expect(SENSITIVE_WORDS).toEqual(appliedEntries(published));
    for (const w of SENSITIVE_WORDS) {
      expect(published).toContain(w);
      expect([...w].length).toBeGreaterThanOrEqual(2);
    }
    expect(SENSITIVE_WORDS).toContain('傻逼');
    expect(SENSITIVE_WORDS).toContain('他妈的');
    for (const w of [...NOT_APPLIED, '性', '奶', '13点']) expect(SENSITIVE_WORDS).not.toContain(w);
    expect(new Set(SENSITIVE_WORDS).size).toBe(SENSITIVE_WORDS.length);
  });

  it('appliedEntries applies the rules to any list', () => {
    expect(appliedEntries(['屌', '傻逼', ' 傻逼 ', '13点', '刚度', '王八蛋'])).toEqual(['傻逼', '王八蛋']);
  });
});

describe('filterSensitiveWords', () => {
  it('replaces each character of a match by ＊ and lists the hits', () => {
    const r = filterSensitiveWords('这师傅是个傻逼，他妈的迟到两小时');
    expect(r.text).toBe(`这师傅是个${SENSITIVE_MASK.repeat(2)}，${SENSITIVE_MASK.repeat(3)}迟到两小时`);
    expect(r.hits.map((h) => h.term)).toEqual(expect.arrayContaining(['傻逼', '他妈的']));
    expect(r.hits.find((h) => h.term === '傻逼')).toEqual({ term: '傻逼', matched: '傻逼', index: 5 });
  });

  it('leaves an ordinary review alone, including words that contain a list entry', () => {
    for (const text of ['师傅很专业，性价比高，奶奶很满意', '乳胶漆刷得很均匀，柜子刚度够', '下午13点准时到，收费13.5元', '师傅是处女座，干活特别细致', '我家老二很喜欢这位阿姨', '成人床垫也清洗得很干净']) {
      expect(filterSensitiveWords(text)).toEqual({ text, hits: [] });
    }
  });

  it('catches a word ending inside a longer entry (我操你 / 我操你祖宗), which a plain trie walk misses', () => {
    expect(filterSensitiveWords('我操你').text).toBe('我＊＊');
    expect(filterSensitiveWords('我操你祖宗').text).toBe('我＊＊＊＊');
  });

  it('sees through spaces, dots, stars and case; counts an emoji or a rare character as one', () => {
    expect(filterSensitiveWords('傻 逼').text).toBe('＊＊＊');
    expect(filterSensitiveWords('傻.逼').text).toBe('＊＊＊');
    expect(filterSensitiveWords('傻*逼').text).toBe('＊＊＊');
    expect(filterSensitiveWords('卖b').text).toBe('＊＊');
    const r = filterSensitiveWords('😀𠮷傻逼');
    expect(r.text).toBe('😀𠮷＊＊');
    expect(r.hits[0].index).toBe(2);
  });

  it('does not join words across a clause break', () => {
    expect(filterSensitiveWords('真傻，逼得我只能差评').hits).toEqual([]);
  });

  it('masks what the first pass joins together', () => {
    const f = createSensitiveWordFilter({ words: ['ab', 'xy'] });
    expect(f.filter('xaby').text).toBe('＊＊＊＊');
  });

  it('takes extra words and allowed phrases', () => {
    const f = createSensitiveWordFilter({ extraWords: ['坑爹', 'a[b]?c\\'], allowedPhrases: ['不坑爹'] });
    expect(f.filter('真坑爹').text).toBe('真＊＊');
    expect(f.filter('价格不坑爹').text).toBe('价格不坑爹');
    expect(f.filter('xa[b]?c\\').text).toBe('x＊＊＊＊＊＊＊'); // pattern syntax is taken literally
    expect(f.filter('xabc').text).toBe('xabc');
    expect(ALLOWED_PHRASES).toContain('处女座');
  });

  it('leaves no applied entry findable in its output and keeps the length in code points (property)', () => {
    const piece = fc.oneof(fc.constantFrom(...SENSITIVE_WORDS), fc.constantFrom('师傅', '很好', ' ', '.', '，', '好', 'a', '😀'), fc.string({ maxLength: 3 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      const r = filterSensitiveWords(text);
      expect(filterSensitiveWords(r.text).hits).toEqual([]);
      expect([...r.text].length).toBe([...text].length);
      if (r.hits.length === 0) expect(r.text).toBe(text);
    }), { numRuns: 300 });
  });
});

describe('maskIdNumbers', () => {
  it('masks an 18-character mainland ID, X included, keeping 3 + 2', () => {
    expect(maskIdNumbers('身份证11010119900307123X')).toEqual({ text: '身份证110******3X', masked: 1 });
    expect(maskIdNumbers('id: 110101199003071234.')).toEqual({ text: 'id: 110******34.', masked: 1 });
    expect(maskIdNumbers('110101 19900307 123x').text).toBe('110******3x');
    expect(maskIdNumbers('110101-19900307-1234').text).toBe('110******34');
    expect(maskIdNumbers('１１０１０１１９９００３０７１２３４').text).toBe('１１０******３４');
    expect(maskIdNumbers('a 110101199003071234 b 440301200012319999').masked).toBe(2);
  });

  it('leaves other numbers alone', () => {
    for (const text of [
      '订单号 DJ25030112345678',
      '1101011990030712345', // 19 digits
      '11010119900307123', // 17
      '110101199013071234', // month 13
      '010101199003071234', // region starting with 0
      '6222021234567890123', // a bank card
      '收费 280 元，13812345678',
    ]) expect(maskIdNumbers(text)).toEqual({ text, masked: 0 });
  });
});

describe('moderateReviewText', () => {
  it('filters words, masks IDs and contacts like chat', () => {
    const r = moderateReviewText('傻逼师傅，加我微信 abc_12345 或打 138 1234 5678，邮箱 me@example.com，身份证 11010119900307123X');
    expect(r.text).toBe('＊＊师傅，加我微信 *** 或打 138******78，邮箱 ***@example.com，身份证 110******3X');
    expect(r.sensitiveHits.map((h) => h.term)).toEqual(['傻逼']);
    expect(r.idNumbersMasked).toBe(1);
    expect(r.contactsMasked).toBe(3);
    expect(r.contactKinds).toEqual(['phone', 'wechat', 'email']);
    expect(r.changed).toBe(true);
  });

  it('masks contacts exactly as the chat function does', () => {
    for (const text of ['电话13812345678', 'QQ：123456789', 'vx: daojia_2025', '座机 (021) 6123 4567']) {
      expect(moderateReviewText(text).text).toBe(maskContacts(text).text);
    }
  });

  it('a clean review passes unchanged', () => {
    const text = '阿姨准时到，干活细致，收纳整齐，下次还约她。';
    expect(moderateReviewText(text)).toEqual({ text, sensitiveHits: [], idNumbersMasked: 0, contactsMasked: 0, contactKinds: [], changed: false });
  });

  it('takes another filter', () => {
    const r = moderateReviewText('太坑了', createSensitiveWordFilter({ words: ['坑'] }));
    expect(r.text).toBe('太＊了');
  });

  it('is idempotent (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(...SENSITIVE_WORDS.slice(0, 60)),
      fc.constantFrom('13812345678', '微信 abc_12345', '11010119900307123X', 'a@b.cn', '师傅', ' ', '，', '😀'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
      const once = moderateReviewText(pieces.join(''));
      const twice = moderateReviewText(once.text);
      expect(twice.text).toBe(once.text);
      expect(twice.changed).toBe(false);
    }), { numRuns: 300 });
  });
});
