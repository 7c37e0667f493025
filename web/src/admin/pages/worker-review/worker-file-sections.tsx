import { Alert, Descriptions, Empty, Image, Space, Table, Tag, Typography } from 'antd';
import { localName, useI18n } from '../../../shared/i18n';
import type { City } from '../../../shared/types';
import { minuteText, type WorkerCertificate, type WorkerFile } from '../../../shared/worker-types';
import { useAdminSession } from '../../session';
import { CertificateActions } from './certificate-actions';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
const CERT_COLORS = { pending: 'gold', verified: 'green', rejected: 'red' } as const;

/** Masked identity for everyone; real name, ID number and the photos with `workers:pii` (the API audits each view). */
export function IdentitySection({ file }: { file: WorkerFile }) {
  const { t } = useI18n();
  const identity = file.identity;
  if (!identity) return <Descriptions title={t('review.identity')} items={[{ key: 'none', label: t('review.identity'), children: t('review.identityMissing') }]} />;
  const pii = file.pii;
  const check = (pii?.checkResult ?? null) as { faceScore?: number; provider?: string; passed?: boolean } | null;
  return (
    <section className="a-review-section" data-testid="review-identity">
      <Typography.Title level={5}>{t('review.identity')}</Typography.Title>
      {pii ? (
        <Alert type="warning" showIcon className="a-review-alert" title={t('review.piiAudited')} data-testid="review-pii-notice" />
      ) : (
        <Alert type="info" showIcon className="a-review-alert" title={t('review.piiHidden')} />
      )}
      <Descriptions
        column={2}
        size="small"
        bordered
        items={[
          { key: 'name', label: t('review.realName'), children: pii?.realName ?? identity.realNameMasked },
          { key: 'id', label: t('review.idNumber'), children: <span data-testid="review-id-number">{pii?.idNumber ?? identity.idNumberMasked}</span> },
          { key: 'birth', label: t('review.birthDate'), children: identity.birthDate },
          { key: 'check', label: t('review.kyc'), children: check ? t('review.kycResult', { score: check.faceScore ?? '—', provider: check.provider ?? '' }) : '—' },
        ]}
      />
      {pii && (
        <Image.PreviewGroup>
          <Space className="a-review-photos" size="middle">
            {[
              ['front', pii.frontUrl],
              ['back', pii.backUrl],
              ['selfie', pii.selfieUrl],
            ].map(([key, url]) => (
              <figure key={key}>
                <Image src={url} width={150} height={100} className="a-review-photo" alt={t(`review.photo.${key}`)} />
                <figcaption>{t(`review.photo.${key}`)}</figcaption>
              </figure>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </section>
  );
}

export function ProfileSection({ file, city }: { file: WorkerFile; city: City | undefined }) {
  const { t, lang } = useI18n();
  const p = file.profile;
  const district = city?.districts.find((d) => d.code === p.districtCode);
  return (
    <section className="a-review-section">
      <Descriptions
        title={t('review.profile')}
        column={2}
        size="small"
        bordered
        items={[
          { key: 'type', label: t('review.workerType'), children: p.team ? t('review.team', { name: p.team.name, size: p.team.size }) : t(`review.workerType.${p.workerType}`) },
          { key: 'exp', label: t('workers.experience'), children: t('workers.years', { years: p.experienceYears }) },
          { key: 'district', label: t('workers.district'), children: district ? localName(lang, district) : (p.districtCode ?? '—') },
          { key: 'radius', label: t('review.radius'), children: p.serviceRadiusKm === null ? '—' : `${p.serviceRadiusKm} km` },
          { key: 'home', label: t('review.home'), children: p.homeLat === null ? '—' : `${p.homeLat.toFixed(4)}, ${p.homeLng?.toFixed(4)}` },
          { key: 'employers', label: t('review.previousEmployers'), children: p.previousEmployers.join('、') || '—' },
          { key: 'skills', label: t('workers.skills'), span: 2, children: p.skills.map((s) => <Tag key={s.code}>{localName(lang, s)}</Tag>) },
          { key: 'intro', label: t('review.intro'), span: 2, children: p.intro || '—' },
        ]}
      />
    </section>
  );
}

export function ScheduleSection({ file }: { file: WorkerFile }) {
  const { t } = useI18n();
  const s = file.schedule;
  const days = WEEKDAYS.map((weekday) => {
    const ranges = s.hours.filter((h) => h.weekday === weekday).map((h) => <div key={h.startMinute}>{`${minuteText(h.startMinute)}–${minuteText(h.endMinute)}`}</div>);
    return { key: String(weekday), label: t(`review.weekday.${weekday}`), children: ranges.length ? ranges : t('review.dayOff') };
  });
  return (
    <section className="a-review-section">
      <Typography.Title level={5}>{t('review.schedule')}</Typography.Title>
      <Descriptions column={7} size="small" bordered layout="vertical" items={days} />
      <Descriptions
        className="a-review-rules"
        column={3}
        size="small"
        items={[
          { key: 'max', label: t('review.maxPerDay'), children: t('review.hoursValue', { hours: s.maxMinutesPerDay / 60 }) },
          { key: 'break', label: t('review.minBreak'), children: t('review.minutesValue', { minutes: s.minBreakMinutes }) },
          { key: 'off', label: t('review.daysOff'), children: s.daysOff.join('、') || '—' },
        ]}
      />
    </section>
  );
}

export function CertificatesSection({ file, mayReview, onChanged }: { file: WorkerFile; mayReview: boolean; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const mayOpen = can('workers:pii');
  return (
    <section className="a-review-section">
      <Typography.Title level={5}>{t('review.certificates')}</Typography.Title>
      <Table<WorkerCertificate>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.certificates}
        locale={{ emptyText: t('review.noCertificates') }}
        columns={[
          { title: t('review.certKind'), key: 'kind', render: (_v, c) => (lang === 'en' ? c.label.en : c.label.zh) },
          { title: t('review.certNumber'), dataIndex: 'number' },
          {
            title: t('review.certExpiry'),
            key: 'expiry',
            render: (_v, c) => (
              <>
                {c.expiresAt ?? t('review.noExpiry')} {c.expired && <Tag color="red">{t('review.certExpired')}</Tag>}
                {c.expiringSoon && <Tag color="orange">{t('review.certDaysLeft', { days: c.daysLeft ?? 0 })}</Tag>}
              </>
            ),
          },
          {
            title: t('workers.status'),
            key: 'status',
            render: (_v, c) => (
              <>
                <Tag color={CERT_COLORS[c.status]}>{t(`review.certStatus.${c.status}`)}</Tag>
                {c.status === 'rejected' && c.reviewNote && <Typography.Text type="secondary">{c.reviewNote}</Typography.Text>}
              </>
            ),
          },
          ...(mayReview ? [{ title: t('common.actions'), key: 'review', render: (_v: unknown, c: WorkerCertificate) => <CertificateActions workerId={file.workerId} certificate={c} onChanged={onChanged} /> }] : []),
          {
            title: t('review.certFile'),
            key: 'file',
            render: (_v, c) =>
              mayOpen ? (
                <a href={c.fileUrl} target="_blank" rel="noreferrer">
                  {t('review.openFile')}
                </a>
              ) : (
                <Typography.Text type="secondary">{t('review.fileNeedsPii')}</Typography.Text>
              ),
          },
        ]}
      />
    </section>
  );
}

export function PortfolioSection({ file }: { file: WorkerFile }) {
  const { t } = useI18n();
  return (
    <section className="a-review-section">
      <Typography.Title level={5}>{t('review.portfolio')}</Typography.Title>
      {file.portfolio.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noPortfolio')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap size="middle">
            {file.portfolio.map((photo) => (
              <figure key={photo.id}>
                <Image src={photo.url} width={120} height={90} className="a-review-photo" alt={photo.caption} />
                <figcaption>
                  <Tag>{t(`review.stage.${photo.stage}`)}</Tag>
                  {photo.caption}
                </figcaption>
              </figure>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </section>
  );
}
