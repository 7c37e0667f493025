/** How long a visit takes, from the item's base duration and the quoted quantity (pure). */
import type { PricingModel } from '../catalog/index.js';

/** Area-priced items (m², windows) take the base duration per this many units. */
const AREA_BASE_UNITS = 100;
/** One visit never exceeds a working day; longer care is booked as several visits. */
export const MAX_VISIT_MINUTES = 720;

/**
 * Hourly: the booked hours. Per unit: the base duration per appliance/bed/item, or per 100 m² for
 * areas. Fixed, package, on-site quote: the base duration. Rounded up to 30 minutes, capped at 12 h.
 */
export function visitDurationMinutes(model: PricingModel | null, quantity: number, baseMinutes: number): number {
  let minutes = baseMinutes;
  if (model?.kind === 'hourly') minutes = quantity * 60;
  else if (model?.kind === 'per_unit') {
    const area = model.unit === 'sqm' || model.unit === 'window';
    minutes = baseMinutes * (area ? Math.max(1, Math.ceil(quantity / AREA_BASE_UNITS)) : Math.max(1, quantity));
  }
  const rounded = Math.ceil(Math.max(30, minutes) / 30) * 30;
  return Math.min(MAX_VISIT_MINUTES, rounded);
}
