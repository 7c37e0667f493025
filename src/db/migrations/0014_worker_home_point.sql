-- Dispatch ranks the nearest covering workers for every paid order: keep the home point as a stored cube
-- (no ll_to_earth per row in the filter) and index only the workers who can take orders, so the
-- nearest-first (KNN) walk skips offline and unapproved profiles.
alter table worker_profiles add column home_point cube generated always as (ll_to_earth(home_lat, home_lng)) stored;
create index worker_profiles_dispatch_idx on worker_profiles using gist (home_point) where status = 'approved' and online;
