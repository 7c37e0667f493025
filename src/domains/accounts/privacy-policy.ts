/**
 * The privacy policy (隐私政策) people agree to at sign-up, versioned: a new version is agreed to again at the next
 * SMS sign-in. The figures in it are the platform's real ones (retention of trails and chat photos, relay numbers).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import type { RequestMeta } from '../../platform/app-context.js';

export const PRIVACY_POLICY_VERSION = '2026-12-07';

const ZH = `到家隐私政策（${PRIVACY_POLICY_VERSION} 版）

一、我们收集的信息
· 手机号：用于登录、订单通知与紧急联系；以加密方式保存，页面上只显示 138****0000 形式。
· 服务地址与联系人：用于上门服务；只有接单师傅在服务期间（已接单至待验收）可见，客服、财务只看到所在区。
· 师傅的实名信息与证书：用于资质审核；加密保存，查看均有审计记录。
· 服务过程中的位置（仅师傅出发至服务完成期间）、聊天内容与照片、通话记录（只记录主叫方角色、时长与结果，不记录号码与录音）。

二、我们如何使用与共享
· 双方通话使用隐私号，不暴露真实号码；聊天中的手机号、微信号会被自动遮挡。
· 支付通过微信支付、支付宝完成，我们不保存您的支付密码。
· 除法律规定外，我们不会向第三方出售或提供您的个人信息。

三、保存期限
· 位置轨迹保存 30 天，聊天照片保存 180 天（城市可调整），到期自动删除；处于纠纷中的订单证据在处理完毕前保留。
· 订单与账务记录按法律要求保存。

四、您的权利
· 在「我的」中可「导出我的数据」，或「注销账号」；注销后个人信息将被删除或匿名化。
· 您可以随时关闭营销类短信与邮件通知。

五、联系我们
如对本政策有疑问，可在「我的 → 帮助中心」提交工单联系我们。`;

const EN = `Daojia privacy policy (version ${PRIVACY_POLICY_VERSION})

1. What we collect
· Your phone number: for sign-in, order notices and emergencies; stored encrypted, shown as 138****0000.
· Service address and contact: for the visit; only the assigned worker sees them, and only while the order is theirs (assigned to awaiting acceptance); support and finance see the district only.
· Workers' real name and certificates: for vetting; stored encrypted, every view audited.
· The worker's position while on the way and in service, chat messages and photos, and call records (who called, how long, the outcome — no numbers, no recordings).

2. How we use and share it
· Calls go through relay numbers; phone numbers and WeChat ids typed in chat are masked.
· Payments go through WeChat Pay or Alipay; we never hold your payment passwords.
· We do not sell or give your personal information to third parties, except where the law requires it.

3. How long we keep it
· Location trails 30 days, chat photos 180 days (a city may change these), then deleted automatically; evidence of an order under dispute is kept until it is decided.
· Order and accounting records as the law requires.

4. Your rights
· Under Me you can export your data or delete your account; your personal information is then deleted or anonymised.
· You can switch off marketing SMS and e-mail at any time.

5. Contact
Questions about this policy: open a ticket from Me → Help centre.`;

export function privacyPolicy(lang: 'zh' | 'en') {
  return { version: PRIVACY_POLICY_VERSION, title: lang === 'en' ? 'Privacy policy' : '隐私政策', body: lang === 'en' ? EN : ZH };
}

/** Refuses a sign-up or SMS sign-in that did not agree to the current version (before any code is used). */
export function requireConsent(acceptedPolicy: string | undefined): void {
  if (acceptedPolicy === PRIVACY_POLICY_VERSION) return;
  throw new AppError('VALIDATION_FAILED', {}, [{
    field: 'acceptedPolicy', code: acceptedPolicy ? 'outdated' : 'required',
    message: acceptedPolicy
      ? { zh: '隐私政策已更新，请阅读并同意新版本', en: 'The privacy policy has changed: read and agree to the new version' }
      : { zh: '请阅读并同意《隐私政策》', en: 'Read and agree to the privacy policy' },
  }]);
}

/** Records the consent once per account and version, with when and from where. */
export async function recordConsent(db: Kysely<DB>, userId: string, meta: RequestMeta): Promise<void> {
  await db.insertInto('privacy_consents').values({ user_id: userId, policy_version: PRIVACY_POLICY_VERSION, ip: meta.ip, user_agent: meta.userAgent.slice(0, 300) })
    .onConflict((oc) => oc.columns(['user_id', 'policy_version']).doNothing()).execute();
}

/** The versions an account agreed to, newest first (PIPL export; `GET /api/me/consents`). */
export async function consentsOf(db: Kysely<DB>, userId: string) {
  const rows = await db.selectFrom('privacy_consents').select(['policy_version', 'accepted_at']).where('user_id', '=', userId).orderBy('accepted_at', 'desc').execute();
  return rows.map((r) => ({ version: r.policy_version, acceptedAt: r.accepted_at.toISOString() }));
}

/** How the demo city's people agreed: when they signed up in its story (no address, no browser). */
export const SEED_CONSENT: RequestMeta = { ip: '', userAgent: 'demo seed' };

/** Records a version (the current one unless named) for many accounts at once (the demo city's people, who signed up in its story). */
export async function recordConsents(db: Kysely<DB>, userIds: string[], meta: RequestMeta, version = PRIVACY_POLICY_VERSION): Promise<void> {
  for (let i = 0; i < userIds.length; i += 2000) {
    await db.insertInto('privacy_consents')
      .values(userIds.slice(i, i + 2000).map((user_id) => ({ user_id, policy_version: version, ip: meta.ip, user_agent: meta.userAgent })))
      .onConflict((oc) => oc.columns(['user_id', 'policy_version']).doNothing()).execute();
  }
}
