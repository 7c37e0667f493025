-- PIPL art. 13–14: consent to the privacy policy, recorded with the version the person was shown, when and from
-- where. One row per account and version (a new version asks again at the next sign-in by SMS or sign-up).
create table privacy_consents (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  policy_version text not null,
  accepted_at timestamptz not null default now(),
  ip text not null default '',
  user_agent text not null default '',
  unique (user_id, policy_version)
);
