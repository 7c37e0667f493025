-- Quality sampling (抽检回访, seed 001 服务质量监督): each week a random sample of the previous week's completed
-- orders per category is called back; the questionnaire and the call's outcome are kept, and each worker's QA pass
-- rate (passed / (passed + issue), unreachable left out) is shown on the public profile (结果公开).

-- The sampling rate per city, in basis points (1000 = 10 %), set in the console.
create table qa_settings (
  city_code text primary key references cities (code),
  rate_bp int not null check (rate_bp between 1 and 10000),
  updated_at timestamptz not null default now()
);

-- One draw per city and week (the week starts on Monday 00:00 in the city's zone): the primary key makes running the
-- weekly job twice, or ops pressing 抽样 again, draw nothing more.
create table qa_draws (
  city_code text not null references cities (code),
  -- The Monday the week starts on, 'YYYY-MM-DD' in the city's zone (text: a calendar day, no zone to convert).
  week_start text not null check (week_start ~ '^\d{4}-\d{2}-\d{2}$'),
  rate_bp int not null,
  orders_in_week int not null check (orders_in_week >= 0),
  sampled int not null check (sampled >= 0),
  drawn_by text not null,
  drawn_at timestamptz not null default now(),
  primary key (city_code, week_start)
);

create table qa_samples (
  id uuid primary key default gen_random_uuid(),
  city_code text not null references cities (code),
  week_start text not null,
  order_id uuid not null unique references orders (id),
  order_no text not null,
  category_code text not null,
  item_name text not null,
  worker_id uuid not null references users (id),
  worker_name text not null default '',
  customer_id uuid not null references users (id),
  completed_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'pass', 'issue', 'unreachable')),
  -- The questionnaire (null until the customer answered a call).
  on_time boolean,
  as_described boolean,
  attitude smallint check (attitude between 1 and 5),
  extra_charges boolean,
  satisfaction smallint check (satisfaction between 1 and 5),
  notes text not null default '',
  attempts int not null default 0,
  called_by uuid,
  called_by_name text not null default '',
  called_at timestamptz,
  complaint_id uuid,
  created_at timestamptz not null default now(),
  foreign key (city_code, week_start) references qa_draws (city_code, week_start),
  check (status not in ('pass', 'issue') or (on_time is not null and as_described is not null and attitude is not null and extra_charges is not null and satisfaction is not null))
);
create index qa_samples_week_idx on qa_samples (city_code, week_start, category_code);
create index qa_samples_worker_idx on qa_samples (worker_id) where status in ('pass', 'issue');
