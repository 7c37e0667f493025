-- Teams (团队): a leader and member workers who join with the leader's invite code.
alter table worker_teams add column invite_code text, drop column member_count;
update worker_teams set invite_code = upper(substr(md5(random()::text || id::text), 1, 6)) where invite_code is null;
alter table worker_teams alter column invite_code set not null, add constraint worker_teams_invite_code_key unique (invite_code);

create table worker_team_members (
  team_id uuid not null references worker_teams (id) on delete cascade,
  worker_id uuid not null unique references worker_profiles (user_id) on delete cascade,
  joined_at timestamptz not null default now(),
  primary key (team_id, worker_id)
);
