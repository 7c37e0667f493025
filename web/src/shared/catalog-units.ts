import type { Messages, Translate } from './i18n';

/** Pricing units of catalogue items (`unit` codes sent by the API). */
export const unitMessages: Messages = {
  'unit.hour': ['小时', 'hour'],
  'unit.day': ['天', 'day'],
  'unit.26days': ['26 天', '26 days'],
  'unit.month': ['月', 'month'],
  'unit.job': ['次', 'job'],
  'unit.visit': ['次', 'visit'],
  'unit.unit': ['台', 'unit'],
  'unit.bed': ['张床', 'bed'],
  'unit.m2': ['㎡', 'm²'],
};

/** The label of a unit code; codes without a translation are shown as sent. */
export function unitLabel(t: Translate, unit: string): string {
  const key = `unit.${unit}`;
  return key in unitMessages ? t(key) : unit;
}
