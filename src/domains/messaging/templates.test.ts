import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_TEMPLATES,
  NOTIFICATION_TYPES,
  NotificationTemplateError,
  notificationTemplate,
  renderNotification,
  smsSegmentCount,
  SMS_SIGNATURE,
  templateProblems,
  type NotificationTemplate,
  type NotificationType,
  type NotificationVars,
} from './templates.js';

/** Typical values as the service layer would format them for zh-CN (names masked, times in the city zone). */
const SAMPLES: { [T in NotificationType]: NotificationVars<T>[] } = {
  order_paid: [{ amount: '¥199.00', service: '日常保洁', startTime: '12月3日 14:30' }],
  order_offered: [{ district: '浦东新区', service: '日常保洁', startTime: '12月3日 14:30', deadline: '10:35' }],
  order_accepted: [{ workerName: '王师傅' }],
  order_assigned: [{ service: '日常保洁', startTime: '12月3日 14:30', district: '浦东新区' }],
  check_in_due: [{ service: '日常保洁', startTime: '12月3日 14:30' }],
  dispute_opened: [{ orderNo: 'DJ26120312345678', party: 'customer', reason: '厨房没有打扫干净' }],
  claim_decided: [{ service: '陪护', claimNo: 'LP20261207AB12', decision: 'paid', amount: '¥800.00' }, { service: '陪护', claimNo: 'LP20261207AB12', decision: 'rejected', reason: '材料不足' }],
  arbitration_decided: [{ service: '日常保洁', decision: 'completed' }, { service: '日常保洁', decision: 'refund_full', amount: '¥199.00' }, { service: '日常保洁', decision: 'refund_partial', amount: '¥50.00' }],
  order_declined: [{ workerName: '王师傅', reason: '已有安排' }],
  worker_departed: [{ workerName: '王师傅', eta: '14:25' }],
  worker_arrived: [{ workerName: '王师傅', service: '日常保洁' }],
  service_finished: [{ service: '日常保洁', deadline: '12月5日 16:30' }],
  auto_confirm_soon: [{ service: '日常保洁', deadline: '12月5日 16:30' }],
  reschedule_requested: [{ requester: 'worker', service: '日常保洁', newTime: '12月4日 09:00' }],
  reschedule_decided: [
    { decision: 'approved', service: '日常保洁', newTime: '12月4日 09:00', contact: '平台客服' },
    { decision: 'rejected', service: '日常保洁', newTime: '12月4日 09:00', contact: '平台客服' },
  ],
  order_cancelled: [{ service: '日常保洁', startTime: '12月3日 14:30', canceller: 'customer' }],
  refund_done: [{ amount: '¥199.00', service: '日常保洁' }],
  review_received: [{ service: '日常保洁', stars: '5' }],
  withdrawal_decided: [
    { decision: 'approved', amount: '¥1,200.00' },
    { decision: 'rejected', amount: '¥1,200.00', reason: '银行卡信息有误' },
    { decision: 'paid', amount: '¥1,200.00' },
  ],
  review_outcome: [{ decision: 'removed', service: '日常保洁' }, { decision: 'kept', service: '日常保洁', reason: '评价内容属实' }],
  review_moderated: [
    { decision: 'kept', service: '日常保洁', reason: '评价内容属实' }, { decision: 'hidden', service: '日常保洁', reason: '含辱骂内容' },
    { decision: 'removed', service: '日常保洁', reason: '与订单无关' },
  ],
  appeal_outcome: [{ decision: 'overturned', penalty: 'suspension' }, { decision: 'upheld', penalty: 'warning', reason: '迟到有记录' }],
  onboarding_approved: [{}],
  onboarding_rejected: [{ reason: '证书照片不清晰' }],
  penalty_issued: [
    { penalty: 'warning', reason: '迟到 30 分钟', appealDeadline: '12月10日' },
    { penalty: 'suspension', reason: '爽约两次', appealDeadline: '12月10日', until: '12月17日' },
    { penalty: 'removal', reason: '严重投诉', appealDeadline: '12月10日' },
  ],
  certificate_expiring: [{ certificate: '健康证', expiresOn: '2026-12-31' }],
  sos_raised: [{ name: '王师傅', time: '14:32', location: '浦东新区张杨路 500 号' }],
  reminder_before_start: [
    { service: '日常保洁', startTime: '14:30', lead: '120' },
    { service: '日常保洁', startTime: '14:30', lead: '30' },
  ],
  chat_message: [{ sender: '王师傅', preview: '我大概 10 分钟后到' }],
  consult_message: [{ sender: '张*', preview: '请问周六上午能来吗？' }],
  support_reply: [{ topic: '退款进度' }],
  request_invited: [{ service: '水电维修', district: '徐汇区', distance: '2.3 公里' }],
  request_answered: [{ requestNo: 'XQ2612071234AB', worker: '王师傅', total: '¥260.00' }],
  request_chosen: [{ requestNo: 'XQ2612071234AB', total: '¥260.00', start: '12月8日 14:00' }],
  request_closed: [{ requestNo: 'XQ2612071234AB', outcome: 'chosen_other' }, { requestNo: 'XQ2612071234AB', outcome: 'expired' }],
  request_expired: [{ requestNo: 'XQ2612071234AB', reason: 'no_answer' }, { requestNo: 'XQ2612071234AB', reason: 'none_nearby' }],
  complaint_received: [{ orderNo: 'DJ26120312345678', category: 'late', hours: '4' }],
  complaint_against: [{ orderNo: 'DJ26120312345678', category: 'attitude' }],
  complaint_reply: [{ orderNo: 'DJ26120312345678', message: '已联系师傅核实，今天内给您答复' }],
  complaint_outcome: [{ decision: 'resolved', orderNo: 'DJ26120312345678', category: 'damage', outcome: '师傅照价赔偿，平台给予警告' }, { decision: 'rejected', orderNo: 'DJ26120312345678', category: 'other', outcome: '经核实服务符合标准' }],
  complaint_new: [{ orderNo: 'DJ26120312345678', category: 'safety', party: 'customer' }],
  complaint_overdue: [{ stage: 'response', orderNo: 'DJ26120312345678', category: 'late', due: '12月3日 18:30' }, { stage: 'resolution', orderNo: 'DJ26120312345678', category: 'late', due: '12月5日 14:30' }],
};

const unchecked = renderNotification as (type: string, vars: Record<string, unknown>, lang: 'zh-CN' | 'en') => ReturnType<typeof renderNotification>;
function errorOf(fn: () => unknown): NotificationTemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NotificationTemplateError) return e;
    throw e;
  }
  throw new Error('expected a NotificationTemplateError');
}

describe('the catalogue', () => {
  it('has every notification the product needs', () => {
    expect(NOTIFICATION_TYPES).toEqual(expect.arrayContaining([
      'order_paid', 'order_offered', 'order_accepted', 'order_declined', 'worker_departed', 'worker_arrived', 'service_finished',
      'auto_confirm_soon', 'reschedule_requested', 'reschedule_decided', 'order_cancelled', 'refund_done', 'review_received',
      'withdrawal_decided', 'review_outcome', 'review_moderated', 'appeal_outcome', 'onboarding_approved', 'onboarding_rejected', 'penalty_issued',
      'certificate_expiring', 'sos_raised', 'reminder_before_start', 'chat_message', 'support_reply',
    ]));
  });

  it.each(NOTIFICATION_TYPES)('%s is consistent (placeholders declared and shown in both languages, in_app default)', (type) => {
    expect(templateProblems(type, NOTIFICATION_TEMPLATES[type])).toEqual([]);
  });

  it('only SOS is safety-critical, and it reaches admins and emergency contacts by every channel', () => {
    const critical = NOTIFICATION_TYPES.filter((t) => NOTIFICATION_TEMPLATES[t].safetyCritical);
    expect(critical).toEqual(['sos_raised']);
    const sos = notificationTemplate('sos_raised');
    expect(sos.audiences).toEqual(['admin', 'emergency_contact']);
    expect(sos.defaultChannels).toEqual(['in_app', 'sms', 'email']);
    expect(sos.link).toBe('incident');
  });

  it('links point where the reader acts', () => {
    expect(notificationTemplate('withdrawal_decided').link).toBe('withdrawal');
    expect(notificationTemplate('review_received').link).toBe('review');
    expect(notificationTemplate('onboarding_rejected').link).toBe('application');
    expect(notificationTemplate('chat_message').link).toBe('chat');
    expect(notificationTemplate('order_offered')).toMatchObject({ link: 'order', audiences: ['worker'] });
  });

  it('chat messages stay in the app; their SMS text never carries the content', () => {
    expect(notificationTemplate('chat_message').defaultChannels).toEqual(['in_app']);
    const r = renderNotification('chat_message', { sender: '王师傅', preview: '加我微信 ***' }, 'zh-CN');
    expect(r.body).toBe('加我微信 ***');
    expect(r.smsText).toBe('【到家】王师傅 给您发来一条新消息，请打开到家查看。');
  });

  it('templateProblems catches a broken template', () => {
    const broken: NotificationTemplate = {
      audiences: [], category: 'order', safetyCritical: true, defaultChannels: ['sms', 'sms'], link: null,
      variables: { a: 'text', unused: 'text' },
      texts: { title: { zh: '标题', en: 'Title' }, body: { zh: '{a} {b}', en: '{a}' } },
    };
    const problems = templateProblems('broken', broken);
    expect(problems).toEqual(expect.arrayContaining([
      'broken: no audience', 'broken: in_app must be a default channel', 'broken: duplicate channel',
      'broken: safety-critical iff category safety', 'broken: {b} is not declared (zh)', 'broken: unused is not shown in the en title or body',
    ]));
  });
});

describe('renderNotification: seed wording', () => {
  it('order_accepted uses the product wording', () => {
    const r = renderNotification('order_accepted', { workerName: '王师傅' }, 'zh-CN');
    expect(r.title).toBe('家政人员已接单');
    expect(r.body).toBe('您发布的家政服务需求已被 王师傅 接单，请留意服务时间');
    expect(r.smsText).toBe('【到家】您发布的家政服务需求已被 王师傅 接单，请留意服务时间');
    expect(r.smsSegments).toBe(1);
  });

  it('an approved reschedule uses the product wording, a rejected one says the time stays', () => {
    const vars = { service: '日常保洁', newTime: '12月4日 09:00', contact: '平台客服 400-820-0000' };
    expect(renderNotification('reschedule_decided', { decision: 'approved', ...vars }, 'zh-CN').body)
      .toBe('您预约的 日常保洁 服务时间将变更为 12月4日 09:00，如有疑问请联系 平台客服 400-820-0000');
    const rejected = renderNotification('reschedule_decided', { decision: 'rejected', ...vars }, 'zh-CN');
    expect(rejected.title).toBe('改约未通过');
    expect(rejected.body).toContain('原时间不变');
  });

  it('renders English', () => {
    const r = renderNotification('worker_departed', { workerName: 'Master Wang', eta: '2:25 pm' }, 'en');
    expect(r).toMatchObject({ title: 'Your worker is on the way', body: 'Master Wang is on the way and expected at 2:25 pm. Please keep your phone reachable.' });
    expect(r.smsText.startsWith(SMS_SIGNATURE)).toBe(true);
  });
});

describe('renderNotification: fixed value sets and cases', () => {
  it('reminders come in 2 h and 30 min variants through the lead variable', () => {
    const two = renderNotification('reminder_before_start', { service: '日常保洁', startTime: '14:30', lead: '120' }, 'zh-CN');
    const half = renderNotification('reminder_before_start', { service: '日常保洁', startTime: '14:30', lead: '30' }, 'zh-CN');
    expect(two.body).toBe('日常保洁 服务将于 14:30 开始（还有 2 小时），请提前做好准备。');
    expect(half.body).toBe('日常保洁 服务将于 14:30 开始（还有 30 分钟），请提前做好准备。');
    expect(renderNotification('reminder_before_start', { service: 'Daily cleaning', startTime: '2:30 pm', lead: '30' }, 'en').body)
      .toBe('Daily cleaning starts at 2:30 pm (in 30 minutes). Please get ready.');
  });

  it('a value outside the set is INVALID_VARIABLE', () => {
    const e = errorOf(() => unchecked('reminder_before_start', { service: '日常保洁', startTime: '14:30', lead: '45' }, 'zh-CN'));
    expect(e).toMatchObject({ code: 'INVALID_VARIABLE', notificationType: 'reminder_before_start', variables: ['lead'] });
  });

  it('penalties: each kind has its own text; a suspension also needs `until`', () => {
    const base = { reason: '爽约两次', appealDeadline: '12月10日' };
    expect(renderNotification('penalty_issued', { penalty: 'suspension', until: '12月17日', ...base }, 'zh-CN').body)
      .toBe('您已被暂停接单至 12月17日，原因：爽约两次。如有异议，请于 12月10日 前申诉。');
    expect(errorOf(() => unchecked('penalty_issued', { penalty: 'suspension', ...base }, 'zh-CN'))).toMatchObject({ code: 'MISSING_VARIABLE', variables: ['until'] });
    expect(errorOf(() => unchecked('penalty_issued', { penalty: 'warning', until: '12月17日', ...base }, 'zh-CN'))).toMatchObject({ code: 'UNKNOWN_VARIABLE', variables: ['until'] });
    expect(errorOf(() => unchecked('penalty_issued', { penalty: 'fine', ...base }, 'zh-CN'))).toMatchObject({ code: 'INVALID_VARIABLE', variables: ['penalty'] });
    expect(errorOf(() => unchecked('penalty_issued', base, 'zh-CN'))).toMatchObject({ code: 'MISSING_VARIABLE', variables: ['penalty'] });
  });

  it('value sets render per language', () => {
    expect(renderNotification('order_cancelled', { service: 'Deep cleaning', startTime: 'Dec 3, 2:30 pm', canceller: 'system' }, 'en').body)
      .toBe('The Deep cleaning order for Dec 3, 2:30 pm was cancelled by the system.');
    expect(renderNotification('review_received', { service: 'Deep cleaning', stars: '1' }, 'en').body).toContain('1 star.');
    expect(renderNotification('appeal_outcome', { decision: 'overturned', penalty: 'removal' }, 'zh-CN').body).toBe('您对“取消入驻资格”处罚的申诉已通过，处罚已撤销。');
  });
});

describe('renderNotification: fails loudly', () => {
  it('on an unknown type', () => {
    expect(errorOf(() => unchecked('order_teleported', {}, 'zh-CN'))).toMatchObject({ code: 'UNKNOWN_TYPE', notificationType: 'order_teleported' });
    expect(errorOf(() => unchecked('toString', {}, 'zh-CN')).code).toBe('UNKNOWN_TYPE');
  });

  it('on a missing variable, naming it', () => {
    const e = errorOf(() => unchecked('order_declined', { workerName: '王师傅' }, 'zh-CN'));
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'NotificationTemplateError', code: 'MISSING_VARIABLE', variables: ['reason'] });
    expect(e.message).toContain('reason');
  });

  it('on unknown variables (a typo is not silently ignored)', () => {
    expect(errorOf(() => unchecked('order_accepted', { workerName: '王师傅', workername: '王' }, 'zh-CN'))).toMatchObject({ code: 'UNKNOWN_VARIABLE', variables: ['workername'] });
    expect(errorOf(() => unchecked('onboarding_approved', { name: '王' }, 'zh-CN'))).toMatchObject({ code: 'UNKNOWN_VARIABLE', variables: ['name'] });
  });

  it('on blank or non-string values', () => {
    expect(errorOf(() => unchecked('order_accepted', { workerName: '  ' }, 'zh-CN'))).toMatchObject({ code: 'INVALID_VARIABLE', variables: ['workerName'] });
    expect(errorOf(() => unchecked('worker_departed', { workerName: '王师傅', eta: 25 }, 'zh-CN'))).toMatchObject({ code: 'INVALID_VARIABLE', variables: ['eta'] });
  });

  it('is caught by the compiler for literal calls', () => {
    // @ts-expect-error — reason is required
    expect(() => renderNotification('order_declined', { workerName: '王师傅' }, 'zh-CN')).toThrow(NotificationTemplateError);
    // @ts-expect-error — '45' is not a reminder lead
    expect(() => renderNotification('reminder_before_start', { service: 'x', startTime: 'y', lead: '45' }, 'zh-CN')).toThrow(NotificationTemplateError);
  });

  it('inserts values literally: braces in a value are not expanded again', () => {
    const r = renderNotification('order_declined', { workerName: '{reason}', reason: '$& {workerName}' }, 'zh-CN');
    expect(r.body).toBe('{reason} 无法接单（$& {workerName}），平台正在为您重新寻找家政人员。');
  });
});

describe('SMS', () => {
  const cases = NOTIFICATION_TYPES.flatMap((type) => (SAMPLES[type] as Record<string, string>[]).map((vars) => [type, vars] as const));

  it.each(cases)('%s renders in both languages with the 【到家】 signature (%o)', (type, vars) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const r = unchecked(type, vars, lang);
      expect(r.smsText.startsWith('【到家】')).toBe(true);
      expect(r.title + r.body + r.smsText).not.toMatch(/\{\w+\}/);
      expect(r.smsSegments).toBe(smsSegmentCount(r.smsText));
    }
  });

  it.each(cases)('%s fits one 70-character SMS in Chinese with typical values (%o)', (type, vars) => {
    const { smsText, smsSegments } = unchecked(type, vars, 'zh-CN');
    expect(smsText.length).toBeLessThanOrEqual(70);
    expect(smsSegments).toBe(1);
  });

  it('a long SOS location takes several segments rather than being cut', () => {
    const location = '上海市浦东新区张杨路 500 号时代广场 12 楼 1203 室（近地铁 2 号线东昌路站）';
    const r = renderNotification('sos_raised', { name: '王师傅', time: '12月3日 14:32', location }, 'zh-CN');
    expect(r.smsText).toContain(location);
    expect(r.smsSegments).toBe(Math.ceil(r.smsText.length / 67));
    expect(r.smsSegments).toBeGreaterThan(1);
  });

  it('counts segments the way carriers bill UCS-2', () => {
    expect(smsSegmentCount('字'.repeat(70))).toBe(1);
    expect(smsSegmentCount('字'.repeat(71))).toBe(2);
    expect(smsSegmentCount('字'.repeat(134))).toBe(2);
    expect(smsSegmentCount('字'.repeat(135))).toBe(3);
  });
});
