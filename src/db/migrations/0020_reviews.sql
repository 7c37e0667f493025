-- Reviews (评价): the customer's review of a completed order with four dimensions, a follow-up (追评), the
-- worker's one public reply and one appeal (差评申诉) decided by support; reports of abusive reviews; the worker's
-- rating of the customer. Every figure shown about a worker or a customer is derived from these rows.
create table reviews (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null unique references orders (id),
  customer_id uuid not null references users (id),
  worker_id uuid not null references users (id),
  item_code text not null,
  stars smallint not null check (stars between 1 and 5),
  attitude smallint check (attitude between 1 and 5),
  skill smallint check (skill between 1 and 5),
  efficiency smallint check (efficiency between 1 and 5),
  punctuality smallint check (punctuality between 1 and 5),
  tags text[] not null default '{}',
  body text not null default '',
  photo_file_ids uuid[] not null default '{}' check (cardinality(photo_file_ids) <= 9),
  anonymous boolean not null default false,
  -- 系统默认好评: given when the window closed without a review; shown as such, kept out of averages.
  is_default boolean not null default false,
  status text not null default 'visible' check (status in ('visible', 'hidden', 'removed')),
  masked_hits int not null default 0,
  follow_up_body text,
  follow_up_photo_file_ids uuid[] not null default '{}' check (cardinality(follow_up_photo_file_ids) <= 9),
  follow_up_at timestamptz,
  reply_body text,
  reply_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index reviews_worker_idx on reviews (worker_id, created_at desc);
create index reviews_customer_idx on reviews (customer_id);

create table review_appeals (
  id uuid primary key default gen_random_uuid(),
  review_id uuid not null unique references reviews (id),
  worker_id uuid not null references users (id),
  reason text not null,
  evidence_file_ids uuid[] not null default '{}' check (cardinality(evidence_file_ids) <= 9),
  status text not null default 'pending' check (status in ('pending', 'kept', 'hidden', 'removed')),
  decision_note text not null default '',
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create index review_appeals_pending_idx on review_appeals (created_at) where status = 'pending';

create table review_reports (
  review_id uuid not null references reviews (id),
  reporter_id uuid not null references users (id),
  reason text not null,
  created_at timestamptz not null default now(),
  primary key (review_id, reporter_id)
);

create table customer_ratings (
  order_id uuid primary key references orders (id),
  worker_id uuid not null references users (id),
  customer_id uuid not null references users (id),
  punctuality smallint not null check (punctuality between 1 and 5),
  communication smallint not null check (communication between 1 and 5),
  environment smallint not null check (environment between 1 and 5),
  accuracy smallint not null check (accuracy between 1 and 5),
  body text not null default '',
  created_at timestamptz not null default now()
);
create index customer_ratings_customer_idx on customer_ratings (customer_id);

-- The review window and the follow-up window per city (days), set in the console.
create table review_settings (
  city_code text primary key references cities (code),
  settings jsonb not null,
  updated_at timestamptz not null default now()
);
