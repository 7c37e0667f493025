-- Searching "near me + skill" needs both filters in indexes: keep the skill ids on the profile (GIN),
-- maintained from worker_skills by a trigger so the two can never disagree.
alter table worker_profiles add column if not exists skill_ids uuid[] not null default '{}';
update worker_profiles w set skill_ids = coalesce((select array_agg(s.item_id order by s.item_id) from worker_skills s where s.worker_id = w.user_id), '{}');
create index if not exists worker_profiles_skills_idx on worker_profiles using gin (skill_ids);

create or replace function worker_skills_sync() returns trigger language plpgsql as $$
declare target uuid := coalesce(new.worker_id, old.worker_id);
begin
  update worker_profiles set skill_ids = coalesce((select array_agg(s.item_id order by s.item_id) from worker_skills s where s.worker_id = target), '{}')
  where user_id = target;
  return null;
end $$;

create trigger worker_skills_sync after insert or delete on worker_skills
  for each row execute function worker_skills_sync();
