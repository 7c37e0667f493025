-- Visit windows: a worker may ask to come earlier than booked and the customer answers in the app;
-- finishing well before the booked duration has passed keeps the worker's reason for the customer to read.
alter table orders
  add column early_visit_at timestamptz,
  add column early_visit_status text check (early_visit_status in ('requested', 'agreed', 'declined')),
  add column early_visit_requested_at timestamptz,
  add column early_visit_decided_at timestamptz,
  add column early_finish_reason text,
  add check ((early_visit_status is null) = (early_visit_at is null));
