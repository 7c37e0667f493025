import { describe, expect, it } from 'vitest';
import { providerPaidAt } from './gateway';

describe("the provider's time of payment", () => {
  it("reads WeChat's RFC 3339 success_time and Alipay's Beijing-time gmt_payment as the same instant", () => {
    expect(providerPaidAt('2026-12-07T23:59:59+08:00')).toBe('2026-12-07T15:59:59.000Z');
    expect(providerPaidAt('2026-12-07 23:59:59')).toBe('2026-12-07T15:59:59.000Z');
    expect(providerPaidAt('2026-12-07T15:59:59.929Z')).toBe('2026-12-07T15:59:59.929Z');
  });

  it('gives nothing for a missing or unreadable time (the platform then uses the time it heard)', () => {
    expect(providerPaidAt(undefined)).toBeUndefined();
    expect(providerPaidAt('')).toBeUndefined();
    expect(providerPaidAt('yesterday')).toBeUndefined();
  });
});
