import { Image, ImageViewer } from 'antd-mobile';
import { CheckCircleFill, CheckCircleOutline } from 'antd-mobile-icons';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView, ServiceRecord } from '../../shared/order-types';

function Photos({ urls, testId }: { urls: string[]; testId: string }) {
  if (urls.length === 0) return null;
  return (
    <div className="m-order-photos" data-testid={testId}>
      {urls.map((url, index) => (
        <Image key={url} src={url} fit="cover" lazy onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: index })} />
      ))}
    </div>
  );
}

/** 备注与照片: what the customer wrote and the job photos sent with the booking. */
export function OrderNotes({ order }: { order: OrderView }) {
  const { t } = useI18n();
  if (!order.notes && order.photos.length === 0) return null;
  return (
    <section className="m-section" data-testid="order-notes">
      <div className="m-section-title">{t('order.notes')}</div>
      {order.notes && <p className="m-order-text">{order.notes}</p>}
      <Photos urls={order.photos} testId="order-photos" />
    </section>
  );
}

/** 服务记录: the worker's notes, before/after photos and checklist. */
export function OrderRecords({ records }: { records: ServiceRecord[] }) {
  const { t } = useI18n();
  if (records.length === 0) return null;
  return (
    <section className="m-section" data-testid="order-records">
      <div className="m-section-title">{t('order.records')}</div>
      {records.map((record) => (
        <Record key={record.id} record={record} />
      ))}
    </section>
  );
}

function Record({ record }: { record: ServiceRecord }) {
  const { t, lang } = useI18n();
  return (
    <div className="m-order-record" data-testid="order-record">
      <div className="m-order-muted">{formatDateTime(record.createdAt, lang)}</div>
      {record.note && <p className="m-order-text">{record.note}</p>}
      {record.photosBefore.length > 0 && <div className="m-order-muted">{t('order.photosBefore')}</div>}
      <Photos urls={record.photosBefore} testId="order-record-before" />
      {record.photosAfter.length > 0 && <div className="m-order-muted">{t('order.photosAfter')}</div>}
      <Photos urls={record.photosAfter} testId="order-record-after" />
      {record.checklist.length > 0 && (
        <ul className="m-order-checklist" data-testid="order-checklist">
          {record.checklist.map((entry) => (
            <li key={entry.label} className={entry.done ? 'm-order-check-done' : 'm-order-check-open'}>
              {entry.done ? <CheckCircleFill /> : <CheckCircleOutline />} <span>{entry.label}</span>
              {!entry.done && <span className="m-order-muted">{t('order.checkOpen')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
