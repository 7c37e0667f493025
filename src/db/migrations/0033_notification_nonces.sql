-- WeChat Pay signs each notification (and each resend) with a fresh nonce: a nonce seen again inside the
-- signature window (±300 s) is a captured notification replayed, refused before it is applied. Kept 15 minutes,
-- then purged by the hourly sweep.
create table payment_notification_nonces (
  nonce_key text primary key,
  seen_at timestamptz not null default now()
);
create index payment_notification_nonces_seen on payment_notification_nonces (seen_at);
