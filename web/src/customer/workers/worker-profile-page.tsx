import './workers.css';
import { ActionSheet, Avatar, Button, ErrorBlock, Image, ImageViewer, List, Tag, Toast } from 'antd-mobile';
import { CheckShieldFill, HeartFill, HeartOutline, MessageOutline, StarFill } from 'antd-mobile-icons';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../shared/api';
import { formatTime } from '../../shared/format';
import { localName, useI18n } from '../../shared/i18n';
import { RateText } from './worker-rate';
import { ReputationCard } from './reputation-card';
import type { City } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import type { PublicWorker } from '../../shared/worker-types';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useFailureToast } from '../../mobile/use-form-submit';
import { cityDate, dayLabel } from '../../shared/city-days';
import { WorkerReviews } from '../reviews/worker-reviews';
import { QaPassRateCard } from './qa-pass-rate';

/** 师傅主页 `/workers/:id`: who they are, verified certificates, portfolio, next free times, and 收藏. */
export function WorkerProfilePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/workers';
  const loaded = useLoad(async (signal) => {
    const [worker, city] = await Promise.all([api<PublicWorker>(`/api/workers/${id}`, { signal }), api<City>('/api/geo/city', { signal })]);
    return { worker, city };
  }, [id]);
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <SubPage title={t('worker.title')} back={from}>
      {notFound ? <ErrorBlock status="empty" title={t('worker.notFound')} description="" /> : <LoadState loaded={loaded}>{(data) => <Profile {...data} />}</LoadState>}
    </SubPage>
  );
}

/** Next free times grouped by city day: `明天 11月26日 周四` → 09:00 10:00 … */
function groupByDay(times: string[]): [string, string[]][] {
  const days = new Map<string, string[]>();
  for (const iso of times) {
    const day = cityDate(new Date(iso));
    days.set(day, [...(days.get(day) ?? []), formatTime(iso)]);
  }
  return [...days];
}

function Profile({ worker, city }: { worker: PublicWorker; city: City }) {
  const { t, lang } = useI18n();
  const showFailure = useFailureToast();
  const [favourite, setFavourite] = useState(worker.favourite);
  const [saving, setSaving] = useState(false);
  const [booking, setBooking] = useState(false);
  const [consulting, setConsulting] = useState(false);
  const navigate = useNavigate();
  const district = city.districts.find((d) => d.code === worker.districtCode);

  async function toggleFavourite() {
    setSaving(true);
    try {
      await api(`/api/me/favourite-workers/${worker.id}`, { method: favourite ? 'DELETE' : 'PUT' });
      Toast.show({ icon: 'success', content: t(favourite ? 'worker.favouriteRemoved' : 'worker.favouriteAdded') });
      setFavourite(!favourite);
    } catch (error) {
      showFailure(error);
    } finally {
      setSaving(false);
    }
  }

  /** 咨询: my conversation with this worker (started when new), before booking. */
  async function consult() {
    setConsulting(true);
    try {
      const c = await api<{ id: string }>('/api/consultations', { body: { workerId: worker.id } });
      navigate(`/consultations/${encodeURIComponent(c.id)}`, { state: { from: `/workers/${worker.id}` } });
    } catch (error) {
      showFailure(error);
    } finally {
      setConsulting(false);
    }
  }

  return (
    <div className="m-worker-profile" data-testid="worker-profile">
      <section className="m-worker-hero">
        <Avatar src={worker.avatarUrl ?? ''} className="m-worker-hero-avatar" />
        <div>
          <div className="m-worker-hero-name" data-testid="worker-profile-name">
            {worker.name}
            {worker.workerType === 'team' && <Tag color="primary">{t('worker.team')}</Tag>}
          </div>
          {worker.verified && (
            <Tag color="success" className="m-worker-verified" data-testid="worker-verified">
              <CheckShieldFill /> {t('worker.verified')}
            </Tag>
          )}
          <RateText rate={worker.rate} />
          {district && <div className="m-worker-area">{t('worker.serviceArea', { district: localName(lang, district), km: worker.serviceRadiusKm ?? 0 })}</div>}
        </div>
      </section>
      <div className="m-worker-stats">
        <div>
          <strong>{worker.ratingCount > 0 ? <><StarFill className="m-star" /> {worker.ratingAvg.toFixed(1)}</> : '—'}</strong>
          <span>{worker.ratingCount > 0 ? t('workers.ratingCount', { count: worker.ratingCount }) : t('workers.noRating')}</span>
        </div>
        <div>
          <strong>{worker.ordersDone}</strong>
          <span>{t('worker.statOrders')}</span>
        </div>
        <div>
          <strong>{t('worker.yearsValue', { years: worker.experienceYears })}</strong>
          <span>{t('worker.statYears')}</span>
        </div>
      </div>

      <ReputationCard workerId={worker.id} />
      <QaPassRateCard workerId={worker.id} />

      <List mode="card" header={t('worker.skills')}>
        <List.Item>
          <div className="m-worker-tags">
            {worker.skills.map((skill) => (
              <Tag key={skill.code} color="primary" fill="outline">
                {localName(lang, skill)}
              </Tag>
            ))}
          </div>
        </List.Item>
      </List>

      <List mode="card" header={t('worker.certificates')} data-testid="worker-certificates">
        {worker.certificates.length === 0 && <List.Item>{t('worker.noCertificates')}</List.Item>}
        {worker.certificates.map((c) => (
          <List.Item key={c.kind} extra={c.verified && <span className="m-cert-verified"><CheckShieldFill /> {t('worker.certVerified')}</span>}>
            {lang === 'en' ? c.label.en : c.label.zh}
          </List.Item>
        ))}
      </List>

      <List mode="card" header={t('worker.intro')}>
        <List.Item>
          <p className="m-worker-intro">{worker.intro || t('worker.noIntro')}</p>
        </List.Item>
      </List>

      {worker.portfolio.length > 0 && (
        <List mode="card" header={t('worker.portfolio')}>
          <List.Item>
            <div className="m-worker-portfolio">
              {worker.portfolio.map((photo, index) => (
                <figure key={photo.url}>
                  <Image src={photo.url} fit="cover" onClick={() => ImageViewer.Multi.show({ images: worker.portfolio.map((p) => p.url), defaultIndex: index })} />
                  <figcaption>
                    <Tag>{t(`worker.stage.${photo.stage}`)}</Tag> {photo.caption}
                  </figcaption>
                </figure>
              ))}
            </div>
          </List.Item>
        </List>
      )}

      <List mode="card" header={t('worker.nextFree')} data-testid="worker-next-free">
        {worker.nextFreeTimes.length === 0 && <List.Item>{t('worker.noFree')}</List.Item>}
        {groupByDay(worker.nextFreeTimes).map(([day, times]) => (
          <List.Item key={day} prefix={<span className="m-free-day">{dayLabel(day, new Date(), lang)}</span>}>
            <div className="m-worker-tags">
              {times.map((time) => (
                <Tag key={time} fill="outline">
                  {time}
                </Tag>
              ))}
            </div>
          </List.Item>
        ))}
      </List>

      <WorkerReviews workerId={worker.id} />

      <div className="m-worker-actions" style={{ display: 'flex', gap: 12 }}>
        <Button color="primary" fill="outline" style={{ flex: 1 }} loading={saving} onClick={toggleFavourite} data-testid="worker-favourite" data-favourite={favourite ? 'yes' : 'no'}>
          {favourite ? <HeartFill /> : <HeartOutline />} {t(favourite ? 'worker.favourited' : 'worker.favourite')}
        </Button>
        <Button color="primary" fill="outline" style={{ flex: 1 }} loading={consulting} onClick={() => void consult()} data-testid="worker-consult">
          <MessageOutline /> {t('consult.open')}
        </Button>
        {worker.skills.length > 0 && (
          <Button color="primary" style={{ flex: 1 }} onClick={() => setBooking(true)} data-testid="worker-book">
            {t('worker.book')}
          </Button>
        )}
      </div>
      <ActionSheet
        visible={booking}
        onClose={() => setBooking(false)}
        extra={t('worker.bookPick')}
        cancelText={t('common.cancel')}
        actions={worker.skills.map((skill) => ({ key: skill.code, text: localName(lang, skill) }))}
        onAction={(action) => {
          setBooking(false);
          navigate(`/item/${encodeURIComponent(String(action.key))}?workerId=${encodeURIComponent(worker.id)}`);
        }}
      />
    </div>
  );
}
