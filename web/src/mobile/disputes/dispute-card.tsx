import { Button, Form, Image, ImageViewer, Popup, Tag, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { PhotoField, photoFileIds } from '../photo-field';
import { useFailureToast } from '../use-form-submit';
import './disputes.css';

type Party = 'customer' | 'worker';
interface Statement { id: string; party: Party; body: string; fileUrls: string[]; at: string }
interface DisputeCase {
  openedAt: string; openedBy: string; reason: string; statementsUntil: string; open: boolean; statements: Statement[];
  decision: { outcome: string; refundFen: number; reason: string; at: string } | null;
}

interface Props {
  /** `/api/orders/:id` or `/api/worker/orders/:id`. */
  orderPath: string;
  party: Party;
  /** Where statement photos are uploaded (the party's order-photo endpoint). */
  photoEndpoint: string;
  /** The worker may open a case on this order now (state and ownership); the server has the last word. */
  canRequest?: boolean;
  /** Changes whenever the order changes, to load the case again. */
  version: string;
  onChanged?: () => void;
}

/** 售后纠纷: the case on the order, both parties' statements with photos, adding one before the deadline, the decision. */
export function DisputeCard({ orderPath, party, photoEndpoint, canRequest = false, version, onChanged }: Props) {
  const { t, lang } = useI18n();
  const loaded = useLoad((signal) => api<{ case: DisputeCase | null }>(`${orderPath}/dispute`, { signal }), [orderPath, version]);
  const c = loaded.data?.case;
  if (!loaded.data) return null;
  if (!c || (!c.open && !c.decision)) return canRequest ? <RequestDispute orderPath={orderPath} onDone={() => { loaded.reload(true); onChanged?.(); }} /> : null;
  const canAdd = c.open && Date.now() < Date.parse(c.statementsUntil);
  return (
    <section className="m-dispute" data-testid="dispute-card" data-open={c.open}>
      <header>
        <strong>{t('dispute.title')}</strong>
        <Tag color={c.open ? 'warning' : 'success'}>{t(c.open ? 'dispute.open' : 'dispute.decided')}</Tag>
      </header>
      <p className="m-dispute-meta">{t(`dispute.openedBy.${c.openedBy}`)} · {formatDateTime(c.openedAt, lang)}</p>
      {c.reason && <p>{t('dispute.reason', { reason: c.reason })}</p>}
      {c.open && <p className="m-dispute-until" data-testid="dispute-until">{t(canAdd ? 'dispute.until' : 'dispute.closed', { time: formatDateTime(c.statementsUntil, lang) })}</p>}
      <div className="m-dispute-statements" data-testid="dispute-statements">
        {c.statements.length === 0 && <p className="m-dispute-empty">{t('dispute.noStatements')}</p>}
        {c.statements.map((s) => (
          <div key={s.id} className="m-dispute-statement" data-party={s.party}>
            <div className="m-dispute-meta">{s.party === party ? t('dispute.mine') : t(`dispute.theirs.${s.party}`)} · {formatDateTime(s.at, lang)}</div>
            <p>{s.body}</p>
            {s.fileUrls.length > 0 && (
              <div className="m-dispute-photos">
                {s.fileUrls.map((url, index) => <Image key={url} src={url} width={64} height={64} fit="cover" onClick={() => ImageViewer.Multi.show({ images: s.fileUrls, defaultIndex: index })} />)}
              </div>
            )}
          </div>
        ))}
      </div>
      {canAdd && <AddStatement orderPath={orderPath} photoEndpoint={photoEndpoint} onDone={() => loaded.reload(true)} />}
      {c.decision && (
        <div className="m-dispute-decision" data-testid="dispute-decision">
          <strong>{t('dispute.decision')}</strong>
          <p>{t(`dispute.outcome.${c.decision.outcome}`, { amount: formatFen(c.decision.refundFen) })}</p>
          {c.decision.reason && <p>{t('dispute.decisionReason', { reason: c.decision.reason })}</p>}
          <div className="m-dispute-meta">{formatDateTime(c.decision.at, lang)}</div>
        </div>
      )}
    </section>
  );
}

function AddStatement({ orderPath, photoEndpoint, onDone }: { orderPath: string; photoEndpoint: string; onDone: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [form] = Form.useForm<{ body: string; photos: ImageUploadItem[] }>();
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);

  async function submit(values: { body: string; photos?: ImageUploadItem[] }) {
    setBusy(true);
    try {
      await api(`${orderPath}/dispute/statements`, { body: { body: values.body.trim(), fileIds: photoFileIds(values.photos) } });
      Toast.show({ icon: 'success', content: t('dispute.added') });
      form.resetFields();
      onDone();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} className="m-dispute-form" footer={
      <Button block color="primary" type="submit" loading={busy} disabled={uploading} data-testid="dispute-submit">{t('dispute.submit')}</Button>
    }>
      <Form.Item name="body" label={t('dispute.add')} rules={[{ required: true, whitespace: true, message: t('dispute.addPlaceholder') }]}>
        <TextArea id="dispute-body" placeholder={t('dispute.addPlaceholder')} maxLength={1000} rows={3} showCount />
      </Form.Item>
      <Form.Item name="photos">
        <PhotoField testId="dispute-photos" endpoint={photoEndpoint} max={9} tooManyText={t('dispute.tooMany', { count: 9 })} tooLargeText={t('dispute.tooLarge')} onBusyChange={setUploading} />
      </Form.Item>
    </Form>
  );
}

/** 申请平台介入 (worker): a reason, then the order goes to 售后 and ops are told. */
function RequestDispute({ orderPath, onDone }: { orderPath: string; onDone: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [visible, setVisible] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    try {
      await api(`${orderPath}/dispute`, { body: { reason: reason.trim() } });
      Toast.show({ icon: 'success', content: t('dispute.requested') });
      setVisible(false);
      onDone();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="m-dispute-request">
        <Button size="small" fill="outline" onClick={() => setVisible(true)} data-testid="dispute-request">{t('dispute.request')}</Button>
      </div>
      <Popup visible={visible} onMaskClick={() => setVisible(false)} bodyStyle={{ borderRadius: '12px 12px 0 0', padding: 16 }}>
        <h3 className="m-dispute-popup-title">{t('dispute.requestTitle')}</h3>
        <p className="m-dispute-meta">{t('dispute.requestHint')}</p>
        <TextArea id="dispute-reason" value={reason} onChange={setReason} placeholder={t('dispute.requestPlaceholder')} maxLength={500} rows={3} showCount />
        <Button block color="primary" loading={busy} disabled={reason.trim().length < 4} onClick={submit} data-testid="dispute-request-submit" style={{ marginTop: 12 }}>
          {t('dispute.requestSubmit')}
        </Button>
      </Popup>
    </>
  );
}
