import './safety.css';
import { Button, Dialog, Toast } from 'antd-mobile';
import { ExclamationCircleFill } from 'antd-mobile-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLiveEvent } from '../../shared/live-events';
import { HeaderAction } from '../layout/sub-page';
import { usePortal } from '../portal';
import { useFailureToast } from '../use-form-submit';
import { currentPosition, sosApi, type Incident } from './sos-api';

/** A resolved incident still shows on a freshly opened page for this long (afterwards only while being followed). */
const RECENT_RESOLVED_MS = 30 * 60_000;

/** Whether the contact is known to be missing (`false`), set (`true`) or could not be read (`null`: say nothing). */
type ContactKnown = boolean | null;

/**
 * 一键求助 for customers and workers: the SOS button (on an active order page with `orderId`, in 我的 without) and the
 * banner with my latest incident's state — read on load, then followed live through `sos` events. On an order page
 * (`inHeader`) the button is a calm icon with its label in the title bar, one tap away on every active order, red only
 * while pressed; the banner shows in the page only when there is an incident.
 */
export function SosPanel({ orderId, inHeader = false }: { orderId?: string; inHeader?: boolean }) {
  const { incident, reload, show } = useMyIncident();
  const { t } = useI18n();
  const { role } = usePortal();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const showFailure = useFailureToast();
  const [asking, setAsking] = useState<{ hasContact: ContactKnown } | null>(null);
  const [sending, setSending] = useState(false);

  async function press() {
    const contact = await sosApi.emergencyContact().then((c) => Boolean(c), () => null);
    setAsking({ hasContact: contact });
  }

  async function send() {
    setAsking(null);
    setSending(true);
    const toast = Toast.show({ icon: 'loading', content: t('sos.sending'), duration: 0, maskClickable: false });
    try {
      const position = await currentPosition();
      const raised = await sosApi.raise(role, { ...(orderId ? { orderId } : {}), ...(position ?? {}) });
      show(raised);
      toast.close();
      Toast.show({ icon: 'success', content: t(raised.repeated ? 'sos.repeated' : 'sos.sent') });
    } catch (error) {
      toast.close();
      showFailure(error);
      reload();
    } finally {
      setSending(false);
    }
  }

  const pressed = sending || asking !== null;
  const button = inHeader ? (
    <button type="button" className="m-sos-header" data-pressed={pressed} disabled={sending} onClick={press} aria-label={t('sos.button')} data-testid="sos-button">
      <ExclamationCircleFill className="m-sos-header-icon" />
      <span className="m-sos-header-label">{t('sos.button')}</span>
    </button>
  ) : (
    <>
      <Button block color="danger" size="large" loading={sending} onClick={press} data-testid="sos-button">
        <ExclamationCircleFill /> {t('sos.button')}
      </Button>
      <div className="m-sos-hint">{t('sos.buttonHint')}</div>
    </>
  );

  return (
    <section className={inHeader ? 'm-sos m-sos-in-header' : 'm-sos'} data-testid="sos-panel">
      {incident && <SosBanner incident={incident} />}
      {inHeader ? <HeaderAction>{button}</HeaderAction> : button}
      <Dialog
        visible={asking !== null}
        // On the body: an ancestor with a transform (the worker page's pull-to-refresh) would shift a fixed dialog.
        getContainer={() => document.body}
        destroyOnClose
        title={t('sos.confirmTitle')}
        onClose={() => setAsking(null)}
        content={
          <div className="m-sos-confirm" data-testid="sos-confirm">
            <p className="m-sos-confirm-main">{t('sos.confirmBody')}</p>
            {asking?.hasContact === false && (
              <div className="m-sos-no-contact" data-testid="sos-no-contact">
                <p>{t('sos.noContact')}</p>
                <a
                  href="#"
                  data-testid="sos-set-contact"
                  onClick={(event) => {
                    event.preventDefault();
                    setAsking(null);
                    navigate('/me/emergency-contact', { state: { from: pathname } });
                  }}
                >
                  {t('sos.setContact')}
                </a>
              </div>
            )}
            <p className="m-sos-confirm-note">{t('sos.confirmLocation')}</p>
            <p className="m-sos-confirm-note">{t('sos.call110')}</p>
          </div>
        }
        actions={[
          [
            { key: 'cancel', text: t('common.cancel'), onClick: () => setAsking(null) },
            { key: 'send', text: t('sos.send'), bold: true, danger: true, onClick: send },
          ],
        ]}
      />
    </section>
  );
}

/** The state of my incident, as loud as it needs to be. */
function SosBanner({ incident }: { incident: Incident }) {
  const { t, lang } = useI18n();
  const detail =
    incident.status === 'open'
      ? t('sos.detail.open')
      : incident.status === 'acknowledged'
        ? t('sos.detail.acknowledged', { name: incident.acknowledgedBy ?? '' })
        : incident.resolution
          ? t('sos.detail.resolved', { resolution: incident.resolution })
          : '';
  return (
    <div className={`m-sos-banner m-sos-banner-${incident.status}`} role="status" aria-live="polite" data-testid="sos-banner" data-status={incident.status} data-incident-id={incident.id}>
      <div className="m-sos-banner-title" data-testid="sos-status">
        {t(`sos.status.${incident.status}`)}
      </div>
      {detail && <div className="m-sos-banner-detail">{detail}</div>}
      <div className="m-sos-banner-meta">
        {t('sos.incidentNo', { no: incident.incidentNo })} · {formatDateTime(incident.createdAt, lang)} · {t(incident.location ? 'sos.withLocation' : 'sos.withoutLocation')}
      </div>
    </div>
  );
}

/**
 * My latest incident worth showing: one not yet resolved, one resolved lately, or one this page has been following
 * (so that 已处理 stays in view once it arrives). Follows `sos` events and re-reads after the stream was reopened.
 */
function useMyIncident() {
  const [incident, setIncident] = useState<Incident | null>(null);
  const followed = useRef(new Set<string>());
  /** Answers of earlier reads arriving after a later read or a fresh SOS answer are stale. */
  const generation = useRef(0);

  const show = useCallback((next: Incident) => {
    generation.current += 1;
    if (next.status !== 'resolved') followed.current.add(next.id);
    setIncident(next);
  }, []);

  const reload = useCallback(async (signal?: AbortSignal) => {
    generation.current += 1;
    const mine = generation.current;
    const items = await sosApi.mine(signal).catch(() => null);
    if (!items || signal?.aborted || mine !== generation.current) return;
    const latest = items[0];
    const worth = latest && (latest.status !== 'resolved' || followed.current.has(latest.id) || Date.now() - Date.parse(latest.resolvedAt ?? '') < RECENT_RESOLVED_MS);
    if (!worth) return setIncident(null);
    if (latest.status !== 'resolved') followed.current.add(latest.id);
    setIncident(latest);
  }, [show]);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  useLiveEvent('sos', (data) => {
    // Show the new state at once; the re-read brings who handled it and the outcome.
    setIncident((current) => (current && current.id === data.incidentId ? { ...current, status: data.status } : current));
    void reload();
  });
  useLiveEvent('reconnect', () => void reload());

  return { incident, reload: () => void reload(), show };
}
