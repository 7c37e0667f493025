import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Image, Space, Tag, Typography } from 'antd';
import { api } from '../../../shared/api';
import { downloadJson } from '../../../shared/download';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n, type Messages } from '../../../shared/i18n';
import type { AdminOrderView } from '../../../shared/order-types';
import { useLoad } from '../../../shared/use-load';
import { orderErrorText } from './order-format';

interface Statement { id: string; party: 'customer' | 'worker'; body: string; fileUrls: string[]; at: string }
interface EvidencePack {
  orderNo: string;
  case: {
    openedAt: string; openedBy: string; reason: string; statementsUntil: string; open: boolean; statements: Statement[];
    decision: { outcome: string; refundFen: number; reason: string; at: string } | null;
  } | null;
  checkIn: { at: string; minutesAfterStart: number; distanceM: number; farReason: string | null; lateFlagged: boolean } | null;
  trail: { summary: { points: number; firstAt: string | null; lastAt: string | null; closestM: number | null } };
  records: unknown[]; extras: unknown[];
  chat: { earlier: { items: unknown[] } | null; items: unknown[] };
  relay: { number: string | null; calls: { summary: CallSummary; items: RelayCall[] } };
}
interface CallSummary { calls: number; answered: number; byCustomer: number; byWorker: number; talkSeconds: number }
interface RelayCall { id: string; callerRole: 'customer' | 'worker' | 'other'; outcome: string; startedAt: string; talkSeconds: number }

export const evidenceMessages: Messages = {
  'evidence.title': ['证据包', 'Evidence pack'],
  'evidence.download': ['下载证据包', 'Download the pack'],
  'evidence.openedBy': ['{who} 于 {time} 发起：{reason}', 'Opened by {who} at {time}: {reason}'],
  'evidence.who.customer': ['客户', 'the customer'],
  'evidence.who.worker': ['师傅', 'the worker'],
  'evidence.who.admin': ['平台', 'the platform'],
  'evidence.who.system': ['系统', 'the system'],
  'evidence.until': ['举证截止 {time}', 'Statements close at {time}'],
  'evidence.statements': ['双方陈述', 'Statements'],
  'evidence.noStatements': ['双方尚未提交陈述', 'No statements yet'],
  'evidence.party.customer': ['客户', 'Customer'],
  'evidence.party.worker': ['师傅', 'Worker'],
  'evidence.checkIn': ['签到', 'Check-in'],
  'evidence.checkInValue': ['{time}（{offset}），距服务地址 {distance} 米', '{time} ({offset}), {distance} m from the address'],
  'evidence.early': ['早于预约 {span}', '{span} before the start'],
  'evidence.late': ['晚于预约 {span}', '{span} after the start'],
  'evidence.minutes': ['{n} 分钟', '{n} min'],
  'evidence.hours': ['{n} 小时', '{n} h'],
  'evidence.farReason': ['远距离签到原因：{reason}', 'Reason for checking in far away: {reason}'],
  'evidence.noCheckIn': ['未签到', 'No check-in'],
  'evidence.trail': ['位置轨迹', 'Location trail'],
  'evidence.trailValue': ['{points} 个定位点，{from} – {to}，最近距地址 {closest} 米', '{points} fixes, {from} – {to}, closest {closest} m from the address'],
  'evidence.noTrail': ['无定位点', 'No fixes'],
  'evidence.counts': ['其他材料', 'Other material'],
  'evidence.countsValue': ['服务记录 {records} 条 · 增项 {extras} 项 · 聊天 {chat} 条', '{records} service records · {extras} extra-work items · {chat} chat messages'],
  'evidence.relay': ['隐私号', 'Relay number'],
  'evidence.relayNone': ['未分配', 'None'],
  'evidence.calls': ['通话记录', 'Relay calls'],
  'evidence.noCalls': ['无通话', 'No calls'],
  'evidence.callsValue': ['{calls} 次（客户拨 {byCustomer}，师傅拨 {byWorker}），接通 {answered} 次，共通话 {talk}', '{calls} calls ({byCustomer} by the customer, {byWorker} by the worker), {answered} answered, {talk} in all'],
  'evidence.callLine': ['{time} {who}拨打 · {outcome}', '{time} {who} called · {outcome}'],
  'evidence.caller.customer': ['客户', 'the customer'],
  'evidence.caller.worker': ['师傅', 'the worker'],
  'evidence.caller.other': ['其他号码', 'another number'],
  'evidence.callOutcome.answered': ['接通 {talk}', 'answered, {talk}'],
  'evidence.callOutcome.no_answer': ['未接听', 'not answered'],
  'evidence.callOutcome.busy': ['占线', 'busy'],
  'evidence.callOutcome.rejected': ['被拒接', 'rejected'],
  'evidence.callOutcome.failed': ['呼叫失败', 'failed'],
  'evidence.talk': ['{m} 分 {s} 秒', '{m} min {s} s'],
  'evidence.decision': ['裁决：{outcome}，{reason}', 'Decision: {outcome}, {reason}'],
  'evidence.outcome.completed': ['维持完成', 'order stands'],
  'evidence.outcome.refund_full': ['全额退款', 'full refund'],
  'evidence.outcome.refund_partial': ['部分退款 {amount}', 'partial refund {amount}'],
};

/** Orders that ever had an after-sales case: the pack is loaded (and the view audited) only for those. */
export function hasCase(order: AdminOrderView): boolean {
  return order.status === 'disputed' || order.timeline.some((e) => e.action === 'dispute' || e.action === 'report_problem');
}

/** 证据包 on the order drawer: the case with both parties' statements, check-in and trail facts, and a download of the whole pack. */
export function EvidenceSection({ order }: { order: AdminOrderView }) {
  const { t, lang } = useI18n();
  const loaded = useLoad((signal) => api<EvidencePack>(`/api/admin/orders/${order.id}/evidence`, { signal }), [order.id, order.status, order.timeline.length]);
  const pack = loaded.data;
  const time = (iso: string | null) => formatDateTime(iso, lang);
  const span = (minutes: number) => (minutes < 120 ? t('evidence.minutes', { n: minutes }) : t('evidence.hours', { n: Math.round(minutes / 60) }));
  return (
    <section data-testid="evidence-section">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5}>{t('evidence.title')}</Typography.Title>
        {pack && <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadJson(pack, `evidence-${pack.orderNo}.json`)} data-testid="evidence-download">{t('evidence.download')}</Button>}
      </Space>
      {loaded.error !== undefined && <Alert type="error" showIcon title={orderErrorText(t, loaded.error)} />}
      {pack?.case && (
        <>
          <p>
            {t('evidence.openedBy', { who: t(`evidence.who.${pack.case.openedBy}`), time: time(pack.case.openedAt), reason: pack.case.reason })}
            {pack.case.open && <Tag color="orange" style={{ marginLeft: 8 }}>{t('evidence.until', { time: time(pack.case.statementsUntil) })}</Tag>}
          </p>
          <Typography.Text strong>{t('evidence.statements')}</Typography.Text>
          {pack.case.statements.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.noStatements')} />}
          {pack.case.statements.map((s) => (
            <div key={s.id} className="a-evidence-statement" data-testid="evidence-statement" data-party={s.party}>
              <Tag color={s.party === 'customer' ? 'blue' : 'green'}>{t(`evidence.party.${s.party}`)}</Tag>
              <Typography.Text type="secondary">{time(s.at)}</Typography.Text>
              <p>{s.body}</p>
              {s.fileUrls.length > 0 && <Image.PreviewGroup>{s.fileUrls.map((url) => <Image key={url} src={url} width={72} height={72} style={{ objectFit: 'cover', marginRight: 6 }} />)}</Image.PreviewGroup>}
            </div>
          ))}
          {pack.case.decision && (
            <Alert type="success" style={{ marginTop: 8 }} title={t('evidence.decision', {
              outcome: t(`evidence.outcome.${pack.case.decision.outcome}`, { amount: formatFen(pack.case.decision.refundFen) }), reason: pack.case.decision.reason,
            })} />
          )}
        </>
      )}
      {pack && (
        <Descriptions size="small" column={1} style={{ marginTop: 8 }} data-testid="evidence-facts">
          <Descriptions.Item label={t('evidence.checkIn')}>
            {pack.checkIn ? (
              <span data-testid="evidence-check-in">
                {t('evidence.checkInValue', {
                  time: time(pack.checkIn.at), distance: pack.checkIn.distanceM,
                  offset: t(pack.checkIn.minutesAfterStart > 0 ? 'evidence.late' : 'evidence.early', { span: span(Math.abs(pack.checkIn.minutesAfterStart)) }),
                })}
                {pack.checkIn.farReason && <div>{t('evidence.farReason', { reason: pack.checkIn.farReason })}</div>}
              </span>
            ) : t('evidence.noCheckIn')}
          </Descriptions.Item>
          <Descriptions.Item label={t('evidence.trail')}>
            {pack.trail.summary.points ? t('evidence.trailValue', { points: pack.trail.summary.points, from: time(pack.trail.summary.firstAt), to: time(pack.trail.summary.lastAt), closest: pack.trail.summary.closestM ?? 0 }) : t('evidence.noTrail')}
          </Descriptions.Item>
          <Descriptions.Item label={t('evidence.counts')}>
            {t('evidence.countsValue', { records: pack.records.length, extras: pack.extras.length, chat: pack.chat.items.length + (pack.chat.earlier?.items.length ?? 0) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('evidence.relay')}>{pack.relay.number ?? t('evidence.relayNone')}</Descriptions.Item>
          <Descriptions.Item label={t('evidence.calls')}>
            <RelayCalls calls={pack.relay.calls} time={time} />
          </Descriptions.Item>
        </Descriptions>
      )}
    </section>
  );
}

/** The relay-call records: a summary, then each call (who dialled, when, the outcome and talk time). */
function RelayCalls({ calls, time }: { calls: EvidencePack['relay']['calls']; time: (iso: string) => string }) {
  const { t } = useI18n();
  if (!calls.items.length) return <span data-testid="evidence-calls">{t('evidence.noCalls')}</span>;
  const talk = (seconds: number) => t('evidence.talk', { m: Math.floor(seconds / 60), s: seconds % 60 });
  return (
    <div data-testid="evidence-calls">
      <div>{t('evidence.callsValue', { ...calls.summary, talk: talk(calls.summary.talkSeconds) })}</div>
      {calls.items.map((c) => (
        <div key={c.id} className="a-evidence-call" data-testid="evidence-call" data-caller={c.callerRole} data-outcome={c.outcome}>
          <Typography.Text type="secondary">
            {t('evidence.callLine', { time: time(c.startedAt), who: t(`evidence.caller.${c.callerRole}`), outcome: t(`evidence.callOutcome.${c.outcome}`, { talk: talk(c.talkSeconds) }) })}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
