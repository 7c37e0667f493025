/** Admin roles and what each may do; the one place that says who may use which console page/API. */
export const ADMIN_ROLES = ['super_admin', 'operations', 'finance', 'support'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const PERMISSIONS = [
  'overview:read', 'users:read', 'workers:read', 'catalog:read', 'catalog:write', 'workers:review', 'workers:pii', 'outbox:read', 'audit:read', 'admins:manage',
  'orders:read', 'orders:address', 'orders:write', 'orders:book', 'finance:read', 'finance:write', 'promotions:read', 'promotions:write', 'support:answer',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<AdminRole, readonly Permission[]> = {
  super_admin: PERMISSIONS,
  operations: ['overview:read', 'users:read', 'workers:read', 'workers:review', 'workers:pii', 'catalog:read', 'catalog:write', 'outbox:read', 'orders:read', 'orders:address', 'orders:write', 'orders:book', 'finance:read', 'promotions:read', 'promotions:write', 'support:answer'],
  finance: ['overview:read', 'audit:read', 'orders:read', 'finance:read', 'finance:write', 'promotions:read'],
  support: ['overview:read', 'users:read', 'workers:read', 'outbox:read', 'orders:read', 'orders:book', 'promotions:read', 'support:answer'],
};

export function permissionsOf(roles: readonly string[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role as AdminRole] ?? []) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return permissionsOf(roles).includes(permission);
}

export const USER_ROLES = ['customer', 'worker'] as const;
export type UserRole = (typeof USER_ROLES)[number];
