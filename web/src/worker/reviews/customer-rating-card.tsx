import '../../mobile/reviews/reviews.css';
import { Button, Rate, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { useFailureToast } from '../../mobile/use-form-submit';

const DIMS = ['punctuality', 'communication', 'environment', 'accuracy'] as const;
type Dim = (typeof DIMS)[number];
interface Rating extends Record<Dim, number> { body: string; createdAt: string }

const path = (orderId: string) => `/api/worker/orders/${encodeURIComponent(orderId)}/customer-rating`;

/** 评价客户 on an order I completed: four dimensions and text, once; afterwards what I gave. */
export function CustomerRatingCard({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const loaded = useLoad((signal) => api<{ rating: Rating | null; canRate: boolean }>(path(orderId), { signal }), [orderId]);
  const [scores, setScores] = useState<Record<Dim, number>>({ punctuality: 0, communication: 0, environment: 0, accuracy: 0 });
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const data = loaded.data;
  if (!data || (!data.rating && !data.canRate)) return null;

  async function send() {
    if (DIMS.some((d) => !scores[d])) return void Toast.show({ content: t('rateCustomer.required') });
    setBusy(true);
    try {
      await api(path(orderId), { body: { ...scores, body: body.trim() } });
      Toast.show({ icon: 'success', content: t('rateCustomer.done') });
      loaded.reload(true);
    } catch (error) {
      showFailure(error);
      loaded.reload(true); // ALREADY_RATED: show what was given
    } finally {
      setBusy(false);
    }
  }

  const shown = data.rating ?? scores;
  return (
    <section className="m-section" data-testid="customer-rating" data-state={data.rating ? 'rated' : 'open'}>
      <div className="m-section-title">{t('rateCustomer.title')}</div>
      {!data.rating && <p className="m-note" style={{ textAlign: 'left', marginTop: 0 }}>{t('rateCustomer.hint')}</p>}
      {DIMS.map((d) => (
        <div key={d} className="m-review-dim-row" data-testid={`customer-rating-${d}`}>
          <span>{t(`rateCustomer.${d}`)}</span>
          <Rate readOnly={Boolean(data.rating)} value={shown[d]} onChange={(value) => setScores({ ...scores, [d]: value })} style={{ '--star-size': '18px' }} />
        </div>
      ))}
      {data.rating ? (
        data.rating.body && <p className="m-review-body">{data.rating.body}</p>
      ) : (
        <>
          <TextArea value={body} onChange={setBody} maxLength={500} showCount rows={3} placeholder={t('rateCustomer.placeholder')} data-testid="customer-rating-text" />
          <Button block color="primary" loading={busy} onClick={send} data-testid="customer-rating-submit">{t('rateCustomer.submit')}</Button>
        </>
      )}
    </section>
  );
}
