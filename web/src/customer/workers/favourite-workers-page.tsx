import { Avatar, List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import type { FavouriteWorker } from '../../shared/worker-types';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { workerMetaText } from './worker-rate';

/** 常用师傅: the workers I saved; those offline stay listed, marked unavailable. */
export function FavouriteWorkersPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const loaded = useLoad((signal) => api<FavouriteWorker[]>('/api/me/favourite-workers', { signal }), []);
  return (
    <SubPage title={t('favourites.title')}>
      <LoadState loaded={loaded}>
        {(workers) =>
          workers.length === 0 ? (
            <p className="m-empty" data-testid="favourites-empty">
              {t('favourites.empty')}
            </p>
          ) : (
            <List mode="card" data-testid="favourite-workers">
              {workers.map((w) => (
                <List.Item
                  key={w.id}
                  prefix={<Avatar src={w.avatarUrl ?? ''} />}
                  description={workerMetaText(t, w)}
                  extra={<Tag color={w.available ? 'success' : 'default'}>{t(w.available ? 'favourites.available' : 'favourites.unavailable')}</Tag>}
                  onClick={w.available ? () => navigate(`/workers/${w.id}`, { state: { from: '/me/favourite-workers' } }) : undefined}
                  arrow={w.available}
                  data-testid="favourite-worker"
                  data-worker-id={w.id}
                >
                  {w.name}
                </List.Item>
              ))}
            </List>
          )
        }
      </LoadState>
    </SubPage>
  );
}
