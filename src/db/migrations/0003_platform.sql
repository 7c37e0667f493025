-- Cross-cutting records: audit log, local provider outbox (SMS / e-mail), stored files.
create table audit_log (
  id uuid primary key default gen_random_uuid(),
  actor_kind text not null check (actor_kind in ('user', 'admin', 'system', 'anonymous')),
  actor_id uuid,
  actor_name text not null default '',
  action text not null,
  target_type text,
  target_id text,
  ip text not null default '',
  detail jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index audit_log_created_idx on audit_log (created_at desc);
create index audit_log_action_idx on audit_log (action, created_at desc);

create table outbox_messages (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('sms', 'email')),
  recipient text not null,
  subject text not null default '',
  body text not null,
  created_at timestamptz not null default now()
);
create index outbox_messages_idx on outbox_messages (channel, created_at desc);

create table files (
  id uuid primary key default gen_random_uuid(),
  owner_kind text not null,
  owner_id uuid not null,
  purpose text not null,
  content_type text not null,
  size_bytes int not null,
  storage_key text not null,
  is_public boolean not null default false,
  created_at timestamptz not null default now()
);
create index files_owner_idx on files (owner_kind, owner_id);
