import { describe, expect, it } from 'vitest';
import { can, permissionsOf } from './rbac.js';

describe('admin roles', () => {
  it('super admin may do everything', () => {
    expect(permissionsOf(['super_admin'])).toContain('admins:manage');
    expect(permissionsOf(['super_admin'])).toHaveLength(19);
  });
  it('finance reads the audit log but not users or admins', () => {
    expect(can(['finance'], 'audit:read')).toBe(true);
    expect(can(['finance'], 'users:read')).toBe(false);
    expect(can(['finance'], 'admins:manage')).toBe(false);
    expect(can(['finance'], 'finance:write')).toBe(true);
    expect(can(['operations'], 'finance:read')).toBe(true);
    expect(can(['operations'], 'finance:write')).toBe(false);
    expect(can(['support'], 'finance:read')).toBe(false);
    expect(can(['operations'], 'promotions:write')).toBe(true);
    expect(can(['finance'], 'promotions:write')).toBe(false);
  });
  it('support sees users, workers (without PII) and the outbox, and reviews nothing', () => {
    expect(permissionsOf(['support'])).toEqual(['overview:read', 'users:read', 'workers:read', 'outbox:read', 'orders:read', 'orders:book', 'promotions:read', 'support:answer']);
    expect(can(['support'], 'orders:write')).toBe(false);
  });
  it('roles combine; unknown roles grant nothing', () => {
    expect(permissionsOf(['finance', 'support'])).toEqual(['overview:read', 'users:read', 'workers:read', 'outbox:read', 'audit:read', 'orders:read', 'orders:book', 'finance:read', 'finance:write', 'promotions:read', 'support:answer']);
    expect(permissionsOf(['root'])).toEqual([]);
  });
});
