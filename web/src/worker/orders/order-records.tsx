import { Card, Image, ImageViewer } from 'antd-mobile';
import { CheckCircleFill, CloseCircleOutline } from 'antd-mobile-icons';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { ServiceRecord } from '../../shared/order-types';

/** Thumbnails that open full screen. */
export function PhotoStrip({ urls, testId }: { urls: string[]; testId?: string }) {
  if (urls.length === 0) return null;
  return (
    <div className="m-photo-strip" data-testid={testId}>
      {urls.map((url, index) => (
        <Image key={url} src={url} width={72} height={72} fit="cover" lazy onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: index })} />
      ))}
    </div>
  );
}

/** The service records I made: note, before/after photos and the checklist. */
export function OrderRecords({ records }: { records: ServiceRecord[] }) {
  const { t, lang } = useI18n();
  if (records.length === 0) return null;
  return (
    <Card className="m-order-section" title={t('record.listTitle')} data-testid="record-list">
      {records.map((record) => (
        <section key={record.id} className="m-record" data-testid="record-item">
          <div className="m-order-meta">{formatDateTime(record.createdAt, lang)}</div>
          {record.note && <p className="m-order-note">{record.note}</p>}
          {record.photosBefore.length > 0 && <div className="m-record-label">{t('record.before')}</div>}
          <PhotoStrip urls={record.photosBefore} />
          {record.photosAfter.length > 0 && <div className="m-record-label">{t('record.after')}</div>}
          <PhotoStrip urls={record.photosAfter} />
          {record.checklist.length > 0 && (
            <ul className="m-checklist">
              {record.checklist.map((entry) => (
                <li key={entry.label} className={entry.done ? 'm-checklist-done' : 'm-checklist-open'} data-done={entry.done ? 'yes' : 'no'}>
                  {entry.done ? <CheckCircleFill /> : <CloseCircleOutline />} {entry.label}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Card>
  );
}
