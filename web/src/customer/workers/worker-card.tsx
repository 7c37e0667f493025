import { Avatar, Tag } from 'antd-mobile';
import { StarFill } from 'antd-mobile-icons';
import { localName, useI18n } from '../../shared/i18n';
import type { WorkerCard as Card } from '../../shared/worker-types';
import { RateText } from './worker-rate';

/** One worker in the search list: masked name, rating, orders, experience, distance, skills and certificate badges. */
export function WorkerCard({ worker, skillNames, onOpen }: { worker: Card; skillNames: Map<string, { name: string; nameEn: string }>; onOpen: () => void }) {
  const { t, lang } = useI18n();
  const skills = worker.skills.map((code) => skillNames.get(code)).filter((s) => s !== undefined);
  return (
    <button type="button" className="m-card-button m-worker-card" onClick={onOpen} data-testid="worker-card" data-worker-id={worker.id}>
      <Avatar src={worker.avatarUrl ?? ''} className="m-worker-avatar" />
      <span className="m-worker-body">
        <span className="m-worker-line">
          <span className="m-worker-name" data-testid="worker-card-name">
            {worker.name}
          </span>
          {worker.distanceKm !== null && <span className="m-worker-distance">{t('workers.distance', { km: worker.distanceKm.toFixed(1) })}</span>}
        </span>
        <span className="m-worker-meta">
          {worker.ratingCount > 0 ? (
            <span className="m-worker-rating" data-testid="worker-card-rating">
              <StarFill /> {worker.ratingAvg.toFixed(1)}
            </span>
          ) : (
            <span>{t('workers.noRating')}</span>
          )}
          <span>{t('workers.orders', { count: worker.ordersDone })}</span>
          <span>{t('workers.years', { years: worker.experienceYears })}</span>
          <RateText rate={worker.rate} />
        </span>
        {skills.length > 0 && (
          <span className="m-worker-skills">
            {skills
              .slice(0, 4)
              .map((s) => localName(lang, s))
              .join(' · ')}
            {skills.length > 4 && ' …'}
          </span>
        )}
        {worker.certificates.length > 0 && (
          <span className="m-worker-certs">
            {worker.certificates.map((kind) => (
              <Tag key={kind} color="success" fill="outline">
                {t(`certKind.${kind}`)}
              </Tag>
            ))}
          </span>
        )}
      </span>
    </button>
  );
}
