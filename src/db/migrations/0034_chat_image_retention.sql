-- How long a city keeps the photos sent in order chats (PIPL: no longer than needed). After that the 6-hourly sweep
-- deletes the file and leaves a note in the conversation — except photos that are also evidence (the order's own
-- photos, service records, dispute statements) and the photos of an order under dispute.
create table support_settings (
  city_code text primary key,
  chat_image_retention_days int not null check (chat_image_retention_days between 7 and 3650),
  updated_at timestamptz not null default now()
);
