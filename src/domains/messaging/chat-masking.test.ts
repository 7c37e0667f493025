import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAT_MAX_CHARS, maskContacts, maskNumber, prepareChatMessage, sanitizeChatText } from './chat-masking.js';

/** Digits in any spelling the masker knows (ASCII, full-width, Chinese numerals). */
const DIGIT = /[0-9０-９〇零一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖]/gu;
const digitCount = (s: string) => (s.match(DIGIT) ?? []).length;

describe('maskContacts: mainland mobile numbers', () => {
  it.each([
    ['13812345678', '138******78'],
    ['138 1234 5678', '138******78'],
    ['138-1234-5678', '138******78'],
    ['138 - 1234 - 5678', '138******78'],
    ['138.1234.5678', '138******78'],
    ['1 3 8 1 2 3 4 5 6 7 8', '138******78'],
    ['138\u200b1234\u200b5678', '138******78'],
    ['+86 138 1234 5678', '138******78'],
    ['+8613812345678', '138******78'],
    ['８６１３８１２３４５６７８', '１３８******７８'],
    ['008613812345678', '138******78'],
    ['013812345678', '138******78'],
    ['１３８１２３４５６７８', '１３８******７８'],
    ['１３８－１２３４－５６７８', '１３８******７８'],
    ['一三八一二三四五六七八', '一三八******七八'],
    ['幺三八 幺二三四 五六七八', '幺三八******七八'],
    ['壹叁捌壹贰叁肆伍陆柒捌', '壹叁捌******柒捌'],
    ['138一二三四5678', '138******78'],
  ])('%s → %s', (input, output) => {
    const r = maskContacts(`电话${input}，找我`);
    expect(r).toEqual({ text: `电话${output}，找我`, masked: 1, kinds: ['phone'] });
  });

  it('masks each of several numbers', () => {
    expect(maskContacts('13812345678和13912345678都行')).toEqual({ text: '138******78和139******78都行', masked: 2, kinds: ['phone'] });
  });

  it('leaves numbers that are not mobile numbers', () => {
    for (const s of ['12812345678', '1381234567', '138123456789', '23812345678']) expect(maskContacts(s).masked).toBe(0);
  });

  it('maskNumber keeps the first 3 and last 2 digits as typed', () => {
    expect(maskNumber('138 1234 5678')).toBe('138******78');
    expect(maskNumber('(021)12345678')).toBe('021******78');
  });
});

describe('maskContacts: landlines', () => {
  it.each([
    ['021-12345678', '021******78'],
    ['(021)12345678', '021******78'],
    ['（0755）8888 8888', '075******88'],
    ['010-62345678', '010******78'],
    ['0571 8765 4321', '057******21'],
    ['02112345678', '021******78'],
  ])('%s → %s', (input, output) => {
    expect(maskContacts(`座机 ${input} 也可以`)).toEqual({ text: `座机 ${output} 也可以`, masked: 1, kinds: ['landline'] });
  });
});

describe('maskContacts: WeChat, QQ and e-mail', () => {
  it.each([
    ['微信：abc_123', '微信：***'],
    ['微信号码是 zhangsan', '微信号码是 ***'],
    ['加我vx abc12345', '加我vx ***'],
    ['VX: Zhang_San88', 'VX: ***'],
    ['wx号 wxid_abcdef', 'wx号 ***'],
    ['weixin is hello_world', 'weixin is ***'],
    ['WeChat ID: li-si-2026', 'WeChat ID: ***'],
    ['薇信 abcdef1', '薇信 ***'],
    ['V信 abcdef1', 'V信 ***'],
    ['加V：abcdef1', '加V：***'],
    ['+v abcdef1', '+v ***'],
    ['微信 13812345678', '微信 ***'],
  ])('WeChat: %s → %s', (input, output) => {
    expect(maskContacts(input)).toEqual({ text: output, masked: 1, kinds: ['wechat'] });
  });

  it.each([
    ['QQ 123456789', 'QQ ***'],
    ['qq号：12345', 'qq号：***'],
    ['扣扣：987654321', '扣扣：***'],
    ['QQ群 987654321', 'QQ群 ***'],
  ])('QQ: %s → %s', (input, output) => {
    expect(maskContacts(input)).toEqual({ text: output, masked: 1, kinds: ['qq'] });
  });

  it.each([
    ['邮箱 abc.def@qq.com', '邮箱 ***@qq.com'],
    ['13812345678@163.com', '***@163.com'],
    ['write to li.si+home@mail.example.cn.', 'write to ***@mail.example.cn.'],
    ['me＠example．com', '***@example．com'],
  ])('e-mail: %s → %s', (input, output) => {
    expect(maskContacts(input)).toEqual({ text: output, masked: 1, kinds: ['email'] });
  });

  it('reports every kind in a fixed order', () => {
    const r = maskContacts('邮箱a@b.cn，微信abc_123，电话13812345678，座机021-12345678，QQ 12345');
    expect(r.text).toBe('邮箱***@b.cn，微信***，电话138******78，座机021******78，QQ ***');
    expect(r.masked).toBe(5);
    expect(r.kinds).toEqual(['phone', 'landline', 'wechat', 'qq', 'email']);
  });
});

describe('maskContacts: leaves ordinary text alone', () => {
  it.each([
    '订单号 DJ26120312345678',
    '订单 DJ26120302112345 已支付',
    '价格 ¥199.00，加项 ¥1,280.50',
    '明天 14:30 上门，14:30-16:30',
    '2026-12-03 和 2026/12/04',
    '核销码 1234，开门密码 0755',
    '一共 3 个房间',
    '面积 120 平，18 楼 1803 室',
    '微信支付可以吗？',
    '我们在微信里聊',
    'wechat payment accepted',
    '用了二〇二六年的新款清洁剂，一三五上门',
    'QQ音乐 12345 首',
    '身份证后四位 1234',
  ])('%s', (text) => {
    expect(maskContacts(text)).toEqual({ text, masked: 0, kinds: [] });
  });

  it('is fast on pathological input', () => {
    const t0 = performance.now();
    for (const s of ['微信' + ' '.repeat(998), '1 '.repeat(500), '微信' + 'a'.repeat(998), 'a'.repeat(999) + '@', 'QQ' + '：'.repeat(998)]) maskContacts(s);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

// ── Properties ────────────────────────────────────────────────────────────────────────────

const WORDS = ['房间', '面积', '平', '上门', '时间', '价格', '元', '师傅', '您好', '谢谢', '厨房', '客厅', '清洁', '明天', '下午', '可以', '好的', '地址', '小区', '楼', 'ok', 'hello', 'thanks', 'sure'];
const PUNCT = ['', ' ', '，', '。', '！', '？', '\n', '、'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const safeNumberArb = fc.oneof(
  fc.integer({ min: 0, max: 9999 }).map(String),
  fc.integer({ min: 0, max: 99_999 }).map((n) => `¥${Math.floor(n / 100)}.${pad(n % 100, 2)}`),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h, 2)}:${pad(m, 2)}`),
  fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.integer({ min: 0, max: 9999 }).map((n) => pad(n, 4)),
  fc.tuple(fc.integer({ min: 250101, max: 271231 }), fc.integer({ min: 0, max: 99_999_999 })).map(([d, r]) => `DJ${d}${pad(r, 8)}`),
);
/** Numbers always followed by a word: text with no contact pattern. */
const safeTextArb = fc.array(fc.tuple(fc.option(safeNumberArb), fc.constantFrom(...PUNCT), fc.constantFrom(...WORDS), fc.constantFrom(...PUNCT)), { maxLength: 20 })
  .map((parts) => parts.map(([n, p1, w, p2]) => `${n ?? ''}${p1}${w}${p2}`).join(''));

/** Anything: digits in all spellings, separators, keywords, e-mail pieces. */
const noisyTextArb = fc.array(fc.constantFrom(
  '0', '1', '3', '8', '5', '9', '１', '３', '８', '一', '三', '八', '幺', '零', ' ', '-', '.', '\u200b', '+', '86', '(', ')', '（', '）',
  '微信', 'vx', 'V信', '加V', 'QQ', '扣扣', '号', '：', ':', '是', '@', '＠', 'qq.com', '163.com', 'a', 'b', 'Z', '_', '的', '*', '***',
  '13812345678', '021-', '1234', '5678',
), { maxLength: 60 }).map((parts) => parts.join(''));

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const phoneArb = fc.tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`);
const formatArb = fc.constantFrom(
  (p: string) => p,
  (p: string) => `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`,
  (p: string) => `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`,
  (p: string) => `+86 ${p}`,
  (p: string) => [...p].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''),
  (p: string) => [...p].map((c) => CHINESE_DIGITS[Number(c)]).join(''),
);

describe('maskContacts: properties', () => {
  it('is idempotent: masking twice = masking once, and finds nothing the second time', () => {
    fc.assert(fc.property(fc.oneof(noisyTextArb, safeTextArb, fc.string({ maxLength: 80 })), (text) => {
      const once = maskContacts(text);
      const twice = maskContacts(once.text);
      expect(twice.text).toBe(once.text);
      expect(twice.masked).toBe(0);
    }), { numRuns: 2000 });
  });

  it('never increases the number of visible digits', () => {
    fc.assert(fc.property(fc.oneof(noisyTextArb, safeTextArb), (text) => {
      expect(digitCount(maskContacts(text).text)).toBeLessThanOrEqual(digitCount(text));
    }), { numRuns: 2000 });
  });

  it('hides at least 6 digits of any mobile number in any supported spelling', () => {
    fc.assert(fc.property(safeTextArb, phoneArb, formatArb, safeTextArb, (before, phone, format, after) => {
      const typed = format(phone);
      const text = `${before}电话${typed}，${after}`;
      const r = maskContacts(text);
      const digits = typed.replace(/^\+86 /, '').match(DIGIT) ?? [];
      expect(r).toEqual({ text: `${before}电话${digits.slice(0, 3).join('')}******${digits.slice(-2).join('')}，${after}`, masked: 1, kinds: ['phone'] });
      expect(digitCount(r.text)).toBeLessThanOrEqual(digitCount(text) - 6);
    }), { numRuns: 1000 });
  });

  it('never changes text that contains no contact pattern', () => {
    fc.assert(fc.property(safeTextArb, (text) => {
      expect(maskContacts(text)).toEqual({ text, masked: 0, kinds: [] });
    }), { numRuns: 2000 });
  });
});

// ── Sanitising ────────────────────────────────────────────────────────────────────────────

describe('sanitizeChatText', () => {
  it('trims and unifies line breaks', () => {
    expect(sanitizeChatText('  您好\r\n明天见\r  ')).toEqual({ ok: true, text: '您好\n明天见' });
  });

  it('keeps at most one blank line in a row (whitespace-only lines count as blank)', () => {
    expect(sanitizeChatText('第一行\n\n\n\n第二行\n \u3000 \n\t\n第三行')).toEqual({ ok: true, text: '第一行\n\n第二行\n\n第三行' });
    expect(sanitizeChatText('a\n\nb')).toEqual({ ok: true, text: 'a\n\nb' });
  });

  it('drops control, zero-width and bidi-override characters but keeps emoji sequences', () => {
    expect(sanitizeChatText('138\u200b1234\u20605678\u0007\u202e')).toEqual({ ok: true, text: '13812345678' });
    const family = '👨\u200d👩\u200d👧';
    expect(sanitizeChatText(`好的${family}`)).toEqual({ ok: true, text: `好的${family}` });
  });

  it('leaves HTML as plain text (clients render text, not HTML)', () => {
    expect(sanitizeChatText('<script>alert(1)</script> & <b>hi</b>')).toEqual({ ok: true, text: '<script>alert(1)</script> & <b>hi</b>' });
  });

  it('refuses an empty message with a code and a bilingual message', () => {
    for (const text of ['', '   ', '\n\n\t', '\u200b\ufeff']) {
      expect(sanitizeChatText(text)).toEqual({ ok: false, code: 'EMPTY', message: { zh: '消息不能为空', en: 'The message is empty' } });
    }
  });

  it('accepts exactly 1 000 characters and refuses 1 001, counting an emoji once', () => {
    expect(sanitizeChatText('字'.repeat(CHAT_MAX_CHARS))).toMatchObject({ ok: true });
    expect(sanitizeChatText('😀'.repeat(CHAT_MAX_CHARS))).toMatchObject({ ok: true });
    const r = sanitizeChatText('字'.repeat(CHAT_MAX_CHARS + 1));
    expect(r).toMatchObject({ ok: false, code: 'TOO_LONG' });
    if (!r.ok) expect(r.message.zh).toBe('消息最多 1000 个字（当前 1001 个）');
    expect(sanitizeChatText(`   ${'字'.repeat(CHAT_MAX_CHARS)}   `)).toMatchObject({ ok: true }); // counted after trimming
  });

  it('prepareChatMessage sanitises, then masks (a zero-width split number is caught)', () => {
    expect(prepareChatMessage('  加我微信 abc_123\n\n\n电话 138\u200b1234\u200b5678  ')).toEqual({
      ok: true, text: '加我微信 ***\n\n电话 138******78', masked: 2, kinds: ['phone', 'wechat'],
    });
    expect(prepareChatMessage(' ')).toMatchObject({ ok: false, code: 'EMPTY' });
  });
});
