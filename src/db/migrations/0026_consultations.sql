-- 售前咨询 (pre-booking consultation): a customer writes to a worker from the worker's profile before booking.
-- One conversation per customer × worker; the worker may decline further messages (and reopen). Owned by the support
-- domain. When the customer books that worker, the order's chat shows the messages written before the booking
-- (support's chat-service reads them by the order's customer, worker and creation time: nothing is copied).
create table consultations (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references users (id),
  worker_id uuid not null references users (id),
  -- Names as the other side sees them, masked when the conversation began (张** / 王师傅): never a phone or an address.
  customer_label text not null,
  worker_label text not null,
  status text not null default 'open' check (status in ('open', 'declined')),
  declined_at timestamptz,
  created_at timestamptz not null default now(),
  last_message_at timestamptz not null default now(),
  unique (customer_id, worker_id),
  check (customer_id <> worker_id)
);
create index consultations_worker_idx on consultations (worker_id, last_message_at desc);
create index consultations_customer_idx on consultations (customer_id, last_message_at desc);

create table consultation_messages (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations (id) on delete cascade,
  sender_kind text not null check (sender_kind in ('customer', 'worker')),
  sender_id uuid not null,
  body text not null,
  masked int not null default 0,
  created_at timestamptz not null default now()
);
create index consultation_messages_conversation_idx on consultation_messages (consultation_id, created_at);
-- The customer's rate limits (per minute, per day) count their own messages.
create index consultation_messages_sender_idx on consultation_messages (sender_id, created_at);

create table consultation_reads (
  consultation_id uuid not null references consultations (id) on delete cascade,
  reader_id uuid not null,
  read_at timestamptz not null,
  primary key (consultation_id, reader_id)
);
