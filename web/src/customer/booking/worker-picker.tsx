import { Avatar, Button, List, Popup, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';
import type { FavouriteWorker, WorkerBrief } from '../../shared/worker-types';
import { workerMetaText } from '../workers/worker-rate';

/** The worker a booking asks for: from the profile page (`?workerId=`) or from 常用师傅. */
export type ChosenWorker = WorkerBrief;

/** 指定师傅 (optional): the chosen worker with 不指定, or a pick from my favourites; without one the platform dispatches. */
export function WorkerPicker({ worker, favourites, onChange }: { worker: ChosenWorker | null; favourites: FavouriteWorker[]; onChange: (worker: ChosenWorker | null) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const meta = (w: ChosenWorker) => workerMetaText(t, w);
  return (
    <section className="m-section" data-testid="book-worker">
      <h2 className="m-section-title">
        {t('book.worker')} <small>{t('book.workerOptional')}</small>
      </h2>
      {worker ? (
        <div className="m-book-worker" data-testid="book-worker-chosen" data-worker-id={worker.id}>
          <Avatar src={worker.avatarUrl ?? ''} />
          <span className="m-book-worker-name">
            <span data-testid="book-worker-name">{worker.name}</span>
            <span className="m-book-worker-meta">{meta(worker)} · {t('book.workerOnlyTimes')}</span>
          </span>
          <Button size="small" onClick={() => onChange(null)} data-testid="book-worker-clear">
            {t('book.workerClear')}
          </Button>
        </div>
      ) : (
        <div className="m-book-worker">
          <span className="m-book-worker-name">
            {t('book.workerAny')}
            <span className="m-book-worker-meta">{t('book.workerAnyHint')}</span>
          </span>
          <Button size="small" color="primary" fill="outline" onClick={() => setOpen(true)} data-testid="book-worker-pick">
            {t('book.workerPick')}
          </Button>
        </div>
      )}
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} bodyStyle={{ maxHeight: '70vh', overflowY: 'auto' }}>
        <div className="m-book-popup-title">{t('favourites.title')}</div>
        {favourites.length === 0 ? (
          <p className="m-empty">{t('favourites.empty')}</p>
        ) : (
          <List data-testid="book-favourites">
            {favourites.map((w) => (
              <List.Item
                key={w.id}
                prefix={<Avatar src={w.avatarUrl ?? ''} />}
                description={meta(w)}
                extra={<Tag color={w.available ? 'success' : 'default'}>{t(w.available ? 'favourites.available' : 'favourites.unavailable')}</Tag>}
                disabled={!w.available}
                onClick={w.available ? () => {
                  setOpen(false);
                  onChange({ id: w.id, name: w.name, avatarUrl: w.avatarUrl, ratingAvg: w.ratingAvg, ratingCount: w.ratingCount, ordersDone: w.ordersDone });
                } : undefined}
                data-testid="book-favourite"
                data-worker-id={w.id}
              >
                {w.name}
              </List.Item>
            ))}
          </List>
        )}
      </Popup>
    </section>
  );
}
