import { AlertOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { formatLocation } from './incident-types';
import { useIncidents } from './incidents-context';

/**
 * Above every console page while an SOS incident is not resolved (silent: no sound, no pop-up): how many wait for
 * acknowledgement and how many are being handled, the newest waiting one, and a link to 紧急求助 (focused on that
 * incident when only one waits). Red while any waits, orange once all are acknowledged.
 */
export function SosBanner() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { enabled, active } = useIncidents();
  if (!enabled || !active?.length) return null;

  const open = active.filter((incident) => incident.status === 'open');
  const acknowledged = active.length - open.length;
  const latest = open[0];
  const title = open.length
    ? [t('sos.banner.open', { count: open.length }), ...(acknowledged ? [t('sos.banner.acknowledged', { count: acknowledged })] : [])].join(lang === 'en' ? '; ' : '，')
    : t('sos.banner.ackOnly', { count: acknowledged });
  const description =
    latest &&
    t('sos.banner.latest', {
      who: latest.userName || t('incident.unnamed'),
      role: t(`incident.role.${latest.role}`),
      time: formatDateTime(latest.createdAt, lang),
      location: formatLocation(latest.location) ?? t('incident.noLocation'),
    });
  const target = open.length === 1 ? `/incidents?incident=${encodeURIComponent(open[0]!.id)}` : '/incidents';
  const onDesk = pathname === '/incidents';

  return (
    <Alert
      className="a-sos-banner"
      type={open.length ? 'error' : 'warning'}
      showIcon
      icon={<AlertOutlined />}
      role="alert"
      title={title}
      description={description}
      data-testid="sos-banner"
      data-open={open.length}
      data-acknowledged={acknowledged}
      action={
        onDesk && open.length !== 1 ? undefined : (
          <Button danger={open.length > 0} type="primary" size="small" onClick={() => navigate(target)} data-testid="sos-banner-link">
            {open.length ? t('sos.banner.go') : t('sos.banner.view')}
          </Button>
        )
      }
    />
  );
}
