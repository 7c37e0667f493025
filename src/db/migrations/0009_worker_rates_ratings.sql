-- A worker's asking rate (期望薪资: per hour, day or month — how nannies and 月嫂 are hired) for the
-- customer's price-range filter, and the star histogram behind the rating breakdown on profiles.
alter table worker_profiles
  add column rate_fen int check (rate_fen between 0 and 100000000),
  add column rate_unit text check (rate_unit in ('hour', 'day', 'month')),
  add column rating_histogram int[] not null default '{0,0,0,0,0}' check (cardinality(rating_histogram) = 5),
  add constraint worker_profiles_rate_check check ((rate_fen is null) = (rate_unit is null));
create index worker_profiles_rate_idx on worker_profiles (rate_unit, rate_fen) where rate_fen is not null;
