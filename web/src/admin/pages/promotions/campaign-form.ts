import type { Dayjs } from 'dayjs';
import { addDays, cityIso } from '../../../shared/city-days';
import type { CampaignKind } from './promotion-types';

/** The 新建活动 form: money in yuan, the discount in percent, the window as local days (the end day included). */
export interface CampaignValues {
  name: string;
  nameEn?: string;
  kind: CampaignKind;
  thresholdYuan?: number;
  offYuan?: number;
  offPercent?: number;
  capYuan?: number;
  minSpendYuan?: number;
  itemCodes?: string[];
  window: [Dayjs, Dayjs];
  validDays?: number | null;
  totalQuantity?: number | null;
  perCustomer: number;
  claimable: boolean;
}

/** API fields and the form fields that show their errors. */
export const CAMPAIGN_FIELD_OF: Record<string, string> = {
  name: 'name',
  nameEn: 'nameEn',
  kind: 'kind',
  thresholdFen: 'thresholdYuan',
  offFen: 'offYuan',
  offBp: 'offPercent',
  capFen: 'capYuan',
  minSpendFen: 'minSpendYuan',
  itemCodes: 'itemCodes',
  startsAt: 'window',
  endsAt: 'window',
  validDays: 'validDays',
  totalQuantity: 'totalQuantity',
  perCustomer: 'perCustomer',
  claimable: 'claimable',
};

const fen = (yuan: number | undefined | null) => (yuan === undefined || yuan === null ? undefined : Math.round(yuan * 100));
const present = (value: number | undefined | null) => (value === undefined || value === null ? undefined : value);

/** The POST body: only the fields of the chosen kind; the window runs from the first day's 00:00 to the day after the last (city time). */
export function campaignBody(v: CampaignValues) {
  const [first, last] = v.window;
  const rule =
    v.kind === 'spend_threshold'
      ? { thresholdFen: fen(v.thresholdYuan), offFen: fen(v.offYuan) }
      : v.kind === 'percent_off'
        ? { offBp: v.offPercent === undefined ? undefined : Math.round(v.offPercent * 100), capFen: fen(v.capYuan), minSpendFen: fen(v.minSpendYuan) }
        : { offFen: fen(v.offYuan) };
  return {
    name: v.name.trim(),
    ...(v.nameEn?.trim() ? { nameEn: v.nameEn.trim() } : {}),
    kind: v.kind,
    ...rule,
    ...(v.itemCodes?.length ? { itemCodes: v.itemCodes } : {}),
    startsAt: cityIso(first.format('YYYY-MM-DD'), '00:00'),
    endsAt: cityIso(addDays(last.format('YYYY-MM-DD'), 1), '00:00'),
    validDays: present(v.validDays),
    totalQuantity: present(v.totalQuantity),
    perCustomer: v.perCustomer,
    claimable: v.claimable,
  };
}

/** 9 折 for 10 % off (the Chinese way of saying a discount); '' when not a sensible percentage. */
export function zheOf(offPercent: number | undefined | null): string {
  if (!offPercent || offPercent <= 0 || offPercent >= 100) return '';
  return String(Number(((100 - offPercent) / 10).toFixed(2)));
}
