import type { DB } from '../../db/types.js';
import type { Selectable } from 'kysely';
import { fileUrl } from '../../platform/files.js';

type User = Selectable<DB['users']>;

/** The API shape of a user: never the encrypted fields, phones masked. */
export function presentUser(u: User) {
  return {
    id: u.id,
    roles: u.roles,
    name: u.name,
    gender: u.gender,
    avatarUrl: fileUrl(u.avatar_file_id),
    phoneMasked: u.phone_masked,
    email: u.email,
    emailVerified: u.email_verified_at !== null,
    hasPassword: u.password_hash !== null,
    createdAt: u.created_at.toISOString(),
  };
}
export type PresentedUser = ReturnType<typeof presentUser>;
