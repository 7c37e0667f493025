import { describe, expect, it } from 'vitest';
import { MAX_VISIT_MINUTES, visitDurationMinutes } from './duration.js';

describe('visitDurationMinutes', () => {
  it('hourly: the booked hours, half hours rounded up', () => {
    expect(visitDurationMinutes({ kind: 'hourly', pricePerHourFen: 5000, minHours: 2 }, 3, 120)).toBe(180);
    expect(visitDurationMinutes({ kind: 'hourly', pricePerHourFen: 5000, minHours: 2 }, 2.5, 120)).toBe(150);
  });
  it('per unit: base duration per appliance, per 100 m² for areas', () => {
    expect(visitDurationMinutes({ kind: 'per_unit', unit: 'appliance', unitPriceFen: 1, minQuantity: 1, maxQuantity: 10 }, 3, 60)).toBe(180);
    expect(visitDurationMinutes({ kind: 'per_unit', unit: 'sqm', unitPriceFen: 1, minQuantity: 30, maxQuantity: 500 }, 80, 300)).toBe(300);
    expect(visitDurationMinutes({ kind: 'per_unit', unit: 'sqm', unitPriceFen: 1, minQuantity: 30, maxQuantity: 500 }, 150, 300)).toBe(600);
  });
  it('fixed and unknown models use the base duration; never above a working day, never below 30 min', () => {
    expect(visitDurationMinutes({ kind: 'fixed', priceFen: 100 }, 1, 90)).toBe(90);
    expect(visitDurationMinutes(null, 1, 10)).toBe(30);
    expect(visitDurationMinutes({ kind: 'per_unit', unit: 'bed', unitPriceFen: 1, minQuantity: 1, maxQuantity: 20 }, 20, 60)).toBe(MAX_VISIT_MINUTES);
  });
});
