-- Messaging: the event log that real-time clients read (written in the transaction of the change, announced with
-- NOTIFY, replayed from the last event id after a reconnect), notifications with per-user preferences, chat per
-- order, customer-support tickets and the help centre.

create table events (
  id bigserial primary key,
  -- The position clients see and resume from: given at commit, in commit order (see the trigger below).
  seq bigint unique,
  -- Who may read it: user:<id>, admin:<id>, perm:<permission> (every admin holding it).
  topic text not null,
  type text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index events_topic_seq_idx on events (topic, seq);
create index events_created_idx on events (created_at);
create sequence events_seq;

-- A bigserial id is taken at insert, so a transaction that commits later can hold a smaller id than one already
-- read: a reader following ids would skip it. The position is therefore taken at commit, under a lock that is
-- released only once the transaction is visible: when position n is visible, so is every position below it.
create function events_assign_seq() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(7446001);
  update events set seq = nextval('events_seq') where id = new.id and seq is null;
  return null;
end $$;
create constraint trigger events_seq_at_commit after insert on events
  deferrable initially deferred for each row execute function events_assign_seq();

create table notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_kind text not null check (recipient_kind in ('user', 'admin')),
  recipient_id uuid not null,
  -- The portal it belongs to: customer, worker or admin (one person may be customer and worker).
  audience text not null check (audience in ('customer', 'worker', 'admin')),
  type text not null,
  category text not null,
  vars jsonb not null default '{}',
  link_kind text,
  link_id text,
  -- Makes a retried cause notify once (e.g. accepted:<orderId>:<recipient>).
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_recipient_idx on notifications (recipient_id, audience, created_at desc);
create index notifications_unread_idx on notifications (recipient_id, audience) where read_at is null;

create table notification_prefs (
  user_id uuid not null,
  category text not null,
  channel text not null check (channel in ('sms', 'email')),
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, category, channel)
);

create table chat_messages (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  sender_kind text not null check (sender_kind in ('customer', 'worker', 'support', 'system')),
  sender_id uuid,
  kind text not null check (kind in ('text', 'image', 'quick')),
  body text not null default '',
  file_id uuid references files (id),
  masked int not null default 0,
  created_at timestamptz not null default now()
);
create index chat_messages_order_idx on chat_messages (order_id, created_at);
create index chat_messages_sender_idx on chat_messages (sender_id, created_at);

create table chat_reads (
  order_id uuid not null references orders (id),
  reader_id uuid not null,
  read_at timestamptz not null,
  primary key (order_id, reader_id)
);

create table support_tickets (
  id uuid primary key default gen_random_uuid(),
  ticket_no text not null unique,
  user_id uuid not null references users (id),
  audience text not null check (audience in ('customer', 'worker')),
  order_id uuid references orders (id),
  subject text not null,
  status text not null default 'open' check (status in ('open', 'answered', 'closed')),
  assignee_admin_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index support_tickets_user_idx on support_tickets (user_id, created_at desc);
create index support_tickets_status_idx on support_tickets (status, updated_at);

create table support_messages (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references support_tickets (id),
  sender_kind text not null check (sender_kind in ('user', 'support')),
  sender_id uuid not null,
  sender_name text not null default '',
  body text not null,
  created_at timestamptz not null default now()
);
create index support_messages_ticket_idx on support_messages (ticket_id, created_at);

create table help_articles (
  id uuid primary key default gen_random_uuid(),
  audience text not null check (audience in ('customer', 'worker')),
  category text not null,
  question text not null,
  question_en text not null,
  answer text not null,
  answer_en text not null,
  sort int not null default 0
);
create index help_articles_audience_idx on help_articles (audience, sort);
