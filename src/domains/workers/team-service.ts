import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { maskName } from '../../platform/mask.js';
import { ensureProfile } from './profile-row.js';

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud or typed from a phone screen
const newInviteCode = () => Array.from({ length: 6 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('');

/** Creates or renames the team a worker leads (workerType = team); a member cannot lead. */
export async function leadTeam(db: Kysely<DB>, leaderId: string, name: string) {
  const membership = await db.selectFrom('worker_team_members').select('team_id').where('worker_id', '=', leaderId).executeTakeFirst();
  if (membership) throw new AppError('TEAM_CONFLICT');
  const existing = await db.selectFrom('worker_teams').select('id').where('leader_id', '=', leaderId).executeTakeFirst();
  if (existing) await db.updateTable('worker_teams').set({ name }).where('id', '=', existing.id).execute();
  else await db.insertInto('worker_teams').values({ leader_id: leaderId, name, invite_code: newInviteCode() }).execute();
}

/** Dissolves the team a worker led (switching back to individual): members become individuals. */
export async function dissolveTeam(db: Kysely<DB>, leaderId: string) {
  await db.deleteFrom('worker_teams').where('leader_id', '=', leaderId).execute();
}

/** The team as the worker sees it: leaders get the invite code and the members. */
export async function teamOf(db: Kysely<DB>, workerId: string) {
  const led = await db.selectFrom('worker_teams').selectAll().where('leader_id', '=', workerId).executeTakeFirst();
  const joined = led ? undefined : await db.selectFrom('worker_team_members as m').innerJoin('worker_teams as t', 't.id', 'm.team_id').selectAll('t').where('m.worker_id', '=', workerId).executeTakeFirst();
  const team = led ?? joined;
  if (!team) return null;
  const [leader, members] = await Promise.all([
    db.selectFrom('worker_profiles').select('display_name').where('user_id', '=', team.leader_id).executeTakeFirst(),
    db.selectFrom('worker_team_members as m').innerJoin('worker_profiles as w', 'w.user_id', 'm.worker_id').select(['w.user_id', 'w.display_name', 'w.status'])
      .where('m.team_id', '=', team.id).orderBy('m.joined_at').execute(),
  ]);
  return {
    id: team.id, name: team.name, role: led ? 'leader' as const : 'member' as const, leaderName: maskName(leader?.display_name ?? '', '师傅'),
    inviteCode: led ? team.invite_code : null, size: members.length + 1,
    members: led ? members.map((m) => ({ id: m.user_id, displayName: m.display_name, status: m.status })) : [],
  };
}

/** Joins a team with its leader's invite code; one team per worker, and leaders cannot join another. */
export async function joinTeam(ctx: AppContext, workerId: string, inviteCode: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await ensureProfile(trx, workerId);
    const team = await trx.selectFrom('worker_teams').select(['id', 'leader_id']).where('invite_code', '=', inviteCode.trim().toUpperCase()).executeTakeFirst();
    if (!team) throw new AppError('TEAM_NOT_FOUND', {}, [{ field: 'inviteCode', code: 'unknown', message: { zh: '邀请码无效', en: 'unknown code' } }]);
    const leads = await trx.selectFrom('worker_teams').select('id').where('leader_id', '=', workerId).executeTakeFirst();
    const inTeam = await trx.selectFrom('worker_team_members').select('team_id').where('worker_id', '=', workerId).executeTakeFirst();
    if (leads || inTeam || team.leader_id === workerId) throw new AppError('TEAM_CONFLICT');
    await trx.insertInto('worker_team_members').values({ team_id: team.id, worker_id: workerId }).execute();
    await writeAudit(trx, { actorKind: 'user', actorId: workerId, action: 'worker.team_joined', targetType: 'team', targetId: team.id });
  });
}

export async function leaveTeam(ctx: AppContext, workerId: string) {
  const gone = await ctx.db.deleteFrom('worker_team_members').where('worker_id', '=', workerId).returning('team_id').executeTakeFirst();
  if (!gone) throw new AppError('NOT_FOUND');
}

/** The leader removes a member. */
export async function removeMember(ctx: AppContext, leaderId: string, memberId: string) {
  const team = await ctx.db.selectFrom('worker_teams').select('id').where('leader_id', '=', leaderId).executeTakeFirst();
  if (!team) throw new AppError('NOT_FOUND');
  const gone = await ctx.db.deleteFrom('worker_team_members').where('team_id', '=', team.id).where('worker_id', '=', memberId).returning('worker_id').executeTakeFirst();
  if (!gone) throw new AppError('NOT_FOUND');
  await writeAudit(ctx.db, { actorKind: 'user', actorId: leaderId, action: 'worker.team_member_removed', targetType: 'worker', targetId: memberId });
}
