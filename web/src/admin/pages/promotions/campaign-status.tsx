import { Tag } from 'antd';
import type { Translate } from '../../../shared/i18n';
import type { Campaign } from './promotion-types';

export type CampaignPhase = 'stopped' | 'scheduled' | 'running' | 'ended' | 'sold_out';

const COLORS: Record<CampaignPhase, string> = { stopped: 'default', scheduled: 'blue', running: 'green', ended: 'default', sold_out: 'orange' };

/** Where a campaign stands now: stopped by ops, not started, running, over, or every coupon issued. */
export function campaignPhase(c: Campaign, now = Date.now()): CampaignPhase {
  if (c.status === 'stopped') return 'stopped';
  if (new Date(c.startsAt).getTime() > now) return 'scheduled';
  if (new Date(c.endsAt).getTime() <= now) return 'ended';
  if (c.totalQuantity !== null && c.issuedCount >= c.totalQuantity) return 'sold_out';
  return 'running';
}

export function CampaignStatusTag({ t, campaign }: { t: Translate; campaign: Campaign }) {
  const phase = campaignPhase(campaign);
  return (
    <Tag color={COLORS[phase]} data-testid={`campaign-status-${campaign.id}`} data-status={phase}>
      {t(`promo.phase.${phase}`)}
    </Tag>
  );
}
