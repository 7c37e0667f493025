-- Day planning: a proposal of routes per worker for one local day (optionally one category), reviewed
-- by ops and applied order by order through the booking domain's assignment.
create table dispatch_plans (
  id uuid primary key default gen_random_uuid(),
  city_code text not null references cities (code),
  plan_date date not null,
  category_code text,
  status text not null default 'proposed' check (status in ('proposed', 'applied', 'discarded')),
  -- The solver's answer as presented: routes with the ETA chain, totals, unassigned jobs with reasons.
  routes jsonb not null,
  totals jsonb not null,
  unassigned jsonb not null,
  stats jsonb not null default '{}',
  -- Per order after applying: assigned | conflict (with the error code).
  apply_results jsonb,
  created_by uuid not null,
  created_by_name text not null default '',
  created_at timestamptz not null default now(),
  applied_by uuid,
  applied_by_name text,
  applied_at timestamptz,
  discarded_at timestamptz
);
create index dispatch_plans_day_idx on dispatch_plans (city_code, plan_date, created_at desc);
