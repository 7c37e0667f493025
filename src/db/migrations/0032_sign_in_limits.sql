-- Atomic rate-limit counters shared by every API instance (sign-in throttles, issue 16).
-- One row per limited thing (scope + key, e.g. password sign-in of one account from one IP). A request takes a
-- hit with one `insert … on conflict do update … returning` before it does the limited work, so parallel requests
-- cannot all pass a check made before any of them counted; a window older than the scope's length restarts at 1.
create table rate_limit_counters (
  scope text not null,
  key text not null,
  window_start timestamptz not null,
  hits integer not null check (hits >= 0),
  primary key (scope, key)
);
-- Housekeeping deletes the rows whose window has long ended.
create index rate_limit_counters_window_idx on rate_limit_counters (window_start);
