import type { Lang, Text } from './i18n.js';
import { render } from './i18n.js';

/**
 * Stable error codes: one table maps each to its HTTP status and its zh-CN / en title.
 * Domains throw `new AppError('CODE')`; the error handler turns it into problem+json.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '请求参数有误', en: 'The request is invalid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  NOT_FOUND: { status: 404, zh: '资源不存在', en: 'Not found' },
  URL_INVALID: { status: 400, zh: '请求地址无效', en: 'The request URL is not valid' },
  URL_TOO_LONG: { status: 414, zh: '请求地址中的参数过长', en: 'A parameter in the request URL is too long' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在: {method} {url}', en: 'No such endpoint: {method} {url}' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests, please try again later' },
  INTERNAL_ERROR: { status: 500, zh: '服务器开小差了，请稍后再试', en: 'Something went wrong on our side' },
  PHONE_INVALID: { status: 400, zh: '请输入正确的中国大陆手机号', en: 'Enter a valid mainland China mobile number' },
  EMAIL_INVALID: { status: 400, zh: '邮箱格式不正确', en: 'The e-mail address is not valid' },
  SMS_RATE_LIMITED: { status: 429, zh: '验证码发送过于频繁，请 {seconds} 秒后再试', en: 'Too many codes requested, try again in {seconds} s' },
  SMS_DAILY_LIMIT: { status: 429, zh: '今日验证码发送次数已达上限', en: 'Daily limit of verification codes reached' },
  SIGN_IN_LOCKED: { status: 429, zh: '密码错误次数过多，请 {minutes} 分钟后再试，或使用短信验证码登录', en: 'Too many wrong passwords: try again in {minutes} min, or sign in with an SMS code' },
  PASSWORD_RECHECK_LOCKED: { status: 429, zh: '密码错误次数过多，请 {minutes} 分钟后再试', en: 'Too many wrong passwords: try again in {minutes} min' },
  CONSOLE_SIGN_IN_LOCKED: { status: 429, zh: '密码错误次数过多，登录已暂时锁定，请 {minutes} 分钟后再试', en: 'Too many wrong passwords: sign-in is locked, try again in {minutes} min' },
  SMS_CODE_INVALID: { status: 400, zh: '验证码错误', en: 'The verification code is wrong' },
  SMS_CODE_EXPIRED: { status: 400, zh: '验证码已过期或已使用，请重新获取', en: 'The code has expired or was already used; request a new one' },
  SMS_CODE_LOCKED: { status: 400, zh: '验证码错误次数过多已失效，请重新获取', en: 'Too many wrong attempts; request a new code' },
  PASSWORD_WEAK: { status: 400, zh: '密码至少 8 位，且需同时包含字母和数字', en: 'Passwords need at least 8 characters with letters and digits' },
  PASSWORD_WRONG: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  CREDENTIALS_INVALID: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  EMAIL_TAKEN: { status: 409, zh: '该邮箱已注册', en: 'This e-mail address is already registered' },
  EMAIL_NOT_VERIFIED: { status: 403, zh: '邮箱尚未验证，请先点击验证邮件中的链接', en: 'Verify your e-mail first: open the link we sent you' },
  ACCOUNT_DELETED: { status: 403, zh: '该账号已注销', en: 'This account has been deleted' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已存在', en: 'This username is taken' },
  LAST_SUPER_ADMIN: { status: 409, zh: '至少需要保留一个可用的超级管理员', en: 'At least one active super admin must remain' },
  PHONE_NOT_BOUND: { status: 400, zh: '账号未绑定手机号，请用密码确认', en: 'No phone number on this account; confirm with your password' },
  REAUTH_REQUIRED: { status: 400, zh: '请输入密码或短信验证码以确认身份', en: 'Confirm with your password or an SMS code' },
  DISTRICT_UNKNOWN: { status: 400, zh: '不在服务城市的区县内', en: 'Unknown district for this city' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, zh: '只支持 JPEG、PNG、WebP 图片', en: 'Only JPEG, PNG or WebP images are accepted' },
  FILE_TOO_LARGE: { status: 413, zh: '文件不能超过 {limit}', en: 'Files must be at most {limit}' },
  UPLOAD_MALFORMED: { status: 400, zh: '上传内容不完整或格式有误', en: 'The upload is incomplete or malformed' },
  FILE_LINK_EXPIRED: { status: 410, zh: '文件链接已过期，请刷新页面后重新打开', en: 'This file link has expired; reload the page and open it again' },
  FILE_MISSING: { status: 400, zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  IMAGE_UNREADABLE: { status: 422, zh: '图片无法读取，请换一张', en: 'The image could not be read; choose another one' },
  ITEM_NOT_FOUND: { status: 404, zh: '服务项目不存在', en: 'No such service item' },
  ITEM_UNAVAILABLE: { status: 409, zh: '该服务项目已下架', en: 'This service is not available' },
  QUOTE_INVALID: { status: 400, zh: '报价参数有误', en: 'The quote request is invalid' },
  REQUEST_STATE: { status: 409, zh: '需求当前状态（{status}）不允许此操作', en: 'Not possible while the request is {status}' },
  ALREADY_INVITED: { status: 409, zh: '该师傅已被邀请', en: 'This worker is already invited' },
  WORKER_BUSY: { status: 409, zh: '该师傅在报价的时间已有其他安排，请选择其他报价或与师傅沟通新的时间', en: 'This worker has taken other work at the quoted time; choose another quote or agree a new time' },
  QUOTE_BELOW_MINIMUM: { status: 400, zh: '报价不能低于平台最低价 {minimum}', en: 'The price may not be below the platform minimum of {minimum}' },
  QUOTE_EXPIRED: { status: 410, zh: '报价已过期，请重新获取', en: 'The quote has expired; get a new one' },
  QUOTE_USED: { status: 409, zh: '报价已被使用', en: 'The quote was already used' },
  QUOTE_TAMPERED: { status: 409, zh: '报价校验失败', en: 'The quote failed its integrity check' },
  PRICING_INVALID: { status: 400, zh: '价格配置有误', en: 'The pricing configuration is invalid' },
  IN_USE: { status: 409, zh: '仍在使用中，无法删除；可改为下架', en: 'Still in use and cannot be deleted; unpublish it instead' },
  CODE_TAKEN: { status: 409, zh: '编码已存在', en: 'This code is already used' },
  VERSION_CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'Someone else changed this; reload and try again' },
  ID_NUMBER_INVALID: { status: 400, zh: '身份证号码无效', en: 'The ID number is not valid' },
  UNDERAGE: { status: 400, zh: '服务人员须年满 18 周岁', en: 'Workers must be at least 18 years old' },
  IDENTITY_TAKEN: { status: 409, zh: '该身份证已被其他账号认证', en: 'This ID is already verified on another account' },
  KYC_FAILED: { status: 400, zh: '实名认证未通过：{reasons}', en: 'Identity check failed: {reasons}' },
  CERTIFICATE_EXPIRED: { status: 400, zh: '证书已过期', en: 'The certificate has expired' },
  HOURS_OVERLAP: { status: 400, zh: '工作时间段有重叠', en: 'Working-hour ranges overlap' },
  ONBOARDING_INCOMPLETE: { status: 400, zh: '资料尚未填写完整', en: 'The application is incomplete' },
  NOT_A_WORKER: { status: 403, zh: '请先注册为服务人员', en: 'Sign up as a worker first' },
  REVIEW_STATE: { status: 409, zh: '当前状态不能执行此操作（{status}）', en: 'Not possible in the current state ({status})' },
  APPEAL_NOT_ALLOWED: { status: 409, zh: '该处罚不能再申诉', en: 'This penalty cannot be appealed (again)' },
  TEAM_NOT_FOUND: { status: 404, zh: '邀请码无效', en: 'No team has this invite code' },
  TEAM_CONFLICT: { status: 409, zh: '你已在一个团队中（或正在带领团队）', en: 'You are already in a team (or lead one)' },
  FILE_NOT_OWNED: { status: 400, zh: '文件无效或不属于你', en: 'The file is unknown or not yours' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, zh: '该幂等键已用于另一个请求', en: 'This Idempotency-Key was used for a different request' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, zh: '相同请求正在处理中，请稍候', en: 'The same request is still being processed' },
  OUTSIDE_CITY: { status: 404, zh: '该位置不在服务城市内', en: 'That location is outside the served city' },
  ADDRESS_NOT_COVERED: { status: 400, zh: '该地址暂无可服务的师傅，请更换地址或服务', en: 'No qualified worker serves this address yet; try another address or service' },
  START_OUT_OF_RANGE: { status: 400, zh: '预约时间须在现在之后、{days} 天以内', en: 'The visit must start after now and within {days} days' },
  SLOT_TAKEN: { status: 409, zh: '该时段已被约满，请选择其他时间', en: 'That time was just taken; pick another time' },
  SCHEDULE_CONFLICT: { status: 409, zh: '与已有预约时间冲突（含路途缓冲）', en: 'It overlaps another booking (travel buffer included)' },
  REST_RULE: { status: 409, zh: '超出当日工作时长或休息规定', en: 'It breaks the daily working-time or rest rule' },
  ORDER_TAKEN: { status: 409, zh: '订单已被其他师傅接走', en: 'Another worker already took this order' },
  ORDER_STATE: { status: 409, zh: '订单当前状态不允许此操作', en: 'Not possible in the order\'s current state' },
  ORDER_FORBIDDEN: { status: 403, zh: '您无权对该订单执行此操作', en: 'You may not do this on this order' },
  WORKER_NOT_QUALIFIED: { status: 400, zh: '该师傅不具备此服务的资格或不覆盖该地址', en: 'This worker is not qualified for the service or does not cover the address' },
  WORKER_UNAVAILABLE: { status: 409, zh: '该师傅当前不可接单', en: 'This worker cannot take orders right now' },
  CHECK_IN_LOCKED: { status: 429, zh: '核销码错误次数过多，请联系客服', en: 'Too many wrong service codes; contact support' },
  RESCHEDULE_PENDING: { status: 409, zh: '已有待处理的改约申请', en: 'A reschedule request is already pending' },
  RESCHEDULE_STATE: { status: 409, zh: '改约申请当前不能执行此操作', en: 'This reschedule request cannot take that answer now' },
  DISPUTE_NOT_OPEN: { status: 409, zh: '该订单没有进行中的售后纠纷', en: 'This order has no open after-sales case' },
  DISPUTE_STATEMENTS_CLOSED: { status: 409, zh: '陈述与举证已于 {until} 截止', en: 'Statements and evidence closed at {until}' },
  DISPUTE_STATEMENTS_FULL: { status: 409, zh: '每方最多提交 {max} 份陈述', en: 'Each party may add at most {max} statements' },
  GRAB_WINDOW_CLOSED: { status: 409, zh: '抢单时间已过', en: 'The grab window for this order has closed' },
  CONCURRENT_UPDATE: { status: 409, zh: '同时有其他操作，请重试', en: 'Something else changed this at the same moment; try again' },
  INSUFFICIENT_FUNDS: { status: 409, zh: '账户余额不足', en: 'Not enough balance for this movement' },
  PAYMENT_NOT_DUE: { status: 409, zh: '该订单当前无需支付', en: 'Nothing is due on this order now' },
  PAYMENT_METHOD_UNAVAILABLE: { status: 400, zh: '暂不支持该支付方式', en: 'This payment method is not available' },
  REFUND_TOO_LARGE: { status: 409, zh: '退款金额超过可退金额（最多 {maxFen} 分）', en: 'The refund is more than can be refunded (at most {maxFen} fen)' },
  WITHDRAWAL_REFUSED: { status: 409, zh: '{message}', en: '{messageEn}' },
  WITHDRAWAL_STATE: { status: 409, zh: '该提现申请当前状态不允许此操作', en: 'Not possible in the withdrawal\'s current state' },
  CARD_INVALID: { status: 400, zh: '银行卡号不正确', en: 'The bank card number is not valid' },
  COUPON_NOT_APPLICABLE: { status: 422, zh: '该优惠券不可用：{reason}', en: 'This coupon cannot be used: {reasonEn}' },
  COUPON_UNAVAILABLE: { status: 409, zh: '该优惠券已被使用或已失效', en: 'This coupon was already used or is no longer valid' },
  COUPON_SOLD_OUT: { status: 409, zh: '优惠券已领完', en: 'All of these coupons have been claimed' },
  COUPON_LIMIT: { status: 409, zh: '每人限领 {limit} 张', en: 'At most {limit} per customer' },
  CAMPAIGN_CLOSED: { status: 409, zh: '活动未开始、已结束或已停止', en: 'This campaign has not started, has ended or was stopped' },
  SERVICE_CARD_NOT_USABLE: { status: 409, zh: '次卡不可用：{reason}', en: 'The service card cannot be used: {reasonEn}' },
  SERVICE_CARD_STATE: { status: 409, zh: '次卡当前状态不允许此操作', en: 'Not possible in the service card\'s current state' },
  INSURANCE_REQUIRED: { status: 400, zh: '该类服务须投保意外险', en: 'Accident insurance is mandatory for this service' },
  INVOICE_NOT_ALLOWED: { status: 409, zh: '订单完成后才能申请发票，且每单只能开一张', en: 'Invoices are for completed orders, one per order' },
  INVOICE_STATE: { status: 409, zh: '该发票申请已处理', en: 'This invoice request was already handled' },
  INCIDENT_STATE: { status: 409, zh: '该求助当前状态不允许此操作', en: 'Not possible in the incident\'s current state' },
  REVIEW_NOT_ALLOWED: { status: 409, zh: '订单完成后才能评价', en: 'Orders can be reviewed once completed' },
  REVIEW_WINDOW_CLOSED: { status: 409, zh: '已超过评价期限（{days} 天）', en: 'The review window ({days} days) has closed' },
  ALREADY_REVIEWED: { status: 409, zh: '该订单已评价', en: 'This order has already been reviewed' },
  FOLLOW_UP_NOT_ALLOWED: { status: 409, zh: '只能追评一次，且须在首次评价后 {days} 天内', en: 'One follow-up, within {days} days of the review' },
  ALREADY_REPLIED: { status: 409, zh: '每条评价只能回复一次', en: 'A review can be answered once' },
  APPEAL_CLOSED: { status: 409, zh: '该评价已申诉或已处理', en: 'This review was already appealed or decided' },
  ALREADY_RATED: { status: 409, zh: '已评价过该客户', en: 'You have already rated this customer for this order' },
  COMPLAINT_NO_WORKER: { status: 409, zh: '订单尚未派给师傅，暂不能投诉', en: 'The order has no worker yet, so there is no one to complain about' },
  COMPLAINT_NOT_ALLOWED: { status: 409, zh: '该订单当前不能投诉（{reason}）', en: 'This order cannot take a complaint now ({reasonEn})' },
  COMPLAINT_EXISTS: { status: 409, zh: '您对该订单已有一条处理中的投诉', en: 'You already have an open complaint about this order' },
  COMPLAINT_CLOSED: { status: 409, zh: '该投诉已处理完毕（{status}）', en: 'This complaint is already closed ({status})' },
  CHAT_CLOSED: { status: 409, zh: '订单未接单或已结束，不能发送消息', en: 'Messages can be sent from acceptance until the order closes' },
  SUPPORT_TICKET_CLOSED: { status: 409, zh: '该工单已关闭', en: 'This ticket is closed' },
  CONSULT_WORKER_UNAVAILABLE: { status: 404, zh: '该师傅不存在或暂不接受咨询', en: 'This worker does not exist or is not taking enquiries' },
  CONSULT_DECLINED: { status: 409, zh: '师傅已暂停接收您的咨询消息，您可以直接预约或咨询其他师傅', en: 'The worker is not taking further messages from you; book directly or ask another worker' },
  CONSULT_CLOSED_BY_YOU: { status: 409, zh: '您已暂停接收该客户的消息，恢复后才能回复', en: 'You stopped this customer\'s messages; reopen the conversation to reply' },
  CONSULT_RATE_LIMITED: { status: 429, zh: '发送太频繁：每分钟最多 {limit} 条，请稍后再试', en: 'Too many messages: at most {limit} a minute, try again shortly' },
  CONSULT_DAILY_LIMIT: { status: 429, zh: '24 小时内最多发送 {limit} 条咨询消息，请明天再试或直接预约', en: 'At most {limit} enquiry messages in 24 hours; try again tomorrow or book directly' },
  CONSULT_NEW_LIMIT: { status: 429, zh: '24 小时内最多咨询 {limit} 位师傅，请明天再试', en: 'You can start enquiries with at most {limit} workers in 24 hours; try again tomorrow' },
  EXTRA_STATE: { status: 409, zh: '该加项已处理', en: 'This extra-work proposal was already answered' },
  ONSITE_QUOTE_INVALID: { status: 400, zh: '上门报价有误', en: 'The on-site quote is invalid' },
  ONSITE_QUOTE_NOT_ALLOWED: { status: 409, zh: '该订单不是上门报价服务，不能提交现场报价', en: 'This order is not priced on site, so it takes no on-site quote' },
  ONSITE_QUOTE_STATE: { status: 409, zh: '该报价已处理或已被新报价替代', en: 'This on-site quote was already answered or replaced' },
  ONSITE_QUOTE_ACCEPTED: { status: 409, zh: '客户已同意上门报价，价格不能再修改', en: 'The customer already accepted an on-site quote; the price can no longer change' },
  QA_SAMPLE_STATE: { status: 409, zh: '该抽检已有回访结论（{status}）', en: 'This sample already has a call result ({status})' },
  CLAIM_OPEN: { status: 409, zh: '该订单已有处理中的理赔', en: 'This order already has a claim in progress' },
  CLAIM_STATE: { status: 409, zh: '理赔当前状态不允许此操作（{status}）', en: 'Not possible in the claim\'s current state ({status})' },
  CLAIM_NOT_ALLOWED: { status: 409, zh: '该订单不能申请理赔', en: 'No claim can be filed for this order' },
} as const satisfies Record<string, Text & { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError { field: string; code: string; message: string }
export interface FieldErrorSpec { field: string; code: string; message: Text; vars?: Record<string, string | number> }

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly vars: Record<string, string | number> = {},
    readonly fieldErrors: FieldErrorSpec[] = [],
    /** Extra problem members, e.g. `currentState`, `alternatives`. */
    readonly extra: Record<string, unknown> = {},
    /** A message replacing the code's own title (domain rule messages, e.g. the state machine's). */
    readonly title?: Text,
  ) {
    super(code);
    this.status = ERRORS[code].status;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
}

export function problemOf(code: ErrorCode, lang: Lang, vars: Record<string, string | number> = {}, errors?: FieldError[]): Problem {
  const def = ERRORS[code];
  const title = render(def, lang, vars);
  const detail = errors?.length ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : title;
  return { type: `https://daojia.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`, title, status: def.status, detail, code, ...(errors ? { errors } : {}) };
}

export function renderFieldErrors(specs: FieldErrorSpec[], lang: Lang): FieldError[] {
  return specs.map((s) => ({ field: s.field, code: s.code, message: render(s.message, lang, s.vars) }));
}

/** The problem+json body of an AppError in `lang` (extra members merged, a domain title preferred). */
export function problemOfError(err: AppError, lang: Lang): Problem & Record<string, unknown> {
  const errors = err.fieldErrors.length ? renderFieldErrors(err.fieldErrors, lang) : undefined;
  const base = problemOf(err.code, lang, err.vars, errors);
  if (err.title) {
    const title = render(err.title, lang, err.vars);
    Object.assign(base, { title, detail: errors?.length ? base.detail : title });
  }
  return { ...base, ...err.extra };
}
