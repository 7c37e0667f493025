-- Promotions: coupon campaigns issued by operations and the coupons customers hold; prepaid service cards
-- (次卡) bought once and redeemed per booking; invoice requests. Payments and refunds may now belong to a
-- service card instead of an order.

create table coupon_campaigns (
  id uuid primary key default gen_random_uuid(),
  city_code text not null references cities (code),
  name text not null,
  name_en text not null default '',
  kind text not null check (kind in ('spend_threshold', 'percent_off', 'new_customer')),
  off_fen int check (off_fen > 0),
  threshold_fen int check (threshold_fen >= 0),
  off_bp int check (off_bp between 1 and 9999),
  cap_fen int check (cap_fen > 0),
  min_spend_fen int check (min_spend_fen >= 0),
  item_codes text[],                 -- null: every item
  starts_at timestamptz not null,    -- when customers may claim and use it
  ends_at timestamptz not null,
  valid_days int check (valid_days between 1 and 366), -- a claimed coupon's own validity; null: until ends_at
  total_quantity int check (total_quantity > 0),       -- null: unlimited
  issued_count int not null default 0,
  per_customer int not null default 1 check (per_customer between 1 and 20),
  claimable boolean not null default true,             -- shown in 领券中心; otherwise ops hand it out
  status text not null default 'active' check (status in ('active', 'stopped')),
  created_by text not null,
  created_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (total_quantity is null or issued_count <= total_quantity),
  check ((kind = 'percent_off') = (off_bp is not null)),
  check (kind = 'percent_off' or off_fen is not null),
  check (kind <> 'spend_threshold' or threshold_fen is not null)
);

create table customer_coupons (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references coupon_campaigns (id),
  customer_id uuid not null references users (id),
  -- available → locked (an unpaid order holds it) → used (paid); a cancelled order gives it back.
  status text not null default 'available' check (status in ('available', 'locked', 'used')),
  valid_from timestamptz not null,
  valid_until timestamptz not null,
  order_id uuid references orders (id),
  source text not null check (source in ('claim', 'grant')),
  created_at timestamptz not null default now(),
  used_at timestamptz,
  check ((status = 'available') = (order_id is null))
);
create index customer_coupons_customer_idx on customer_coupons (customer_id, status);
create index customer_coupons_campaign_idx on customer_coupons (campaign_id, customer_id);
create unique index customer_coupons_order_idx on customer_coupons (order_id) where order_id is not null;

create table service_card_products (
  id uuid primary key default gen_random_uuid(),
  city_code text not null references cities (code),
  code text not null unique,
  name text not null,
  name_en text not null default '',
  item_code text not null,
  quantity int not null default 1 check (quantity >= 1), -- per visit: hours, units or 1
  visits int not null check (visits between 2 and 100),
  price_fen int not null,
  list_price_fen int not null,                            -- visits × the single-visit price, for the saving shown
  valid_days int not null check (valid_days between 7 and 1095),
  published boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (price_fen >= visits and price_fen <= list_price_fen)
);

create table service_cards (
  id uuid primary key default gen_random_uuid(),
  card_no text not null unique,
  product_id uuid not null references service_card_products (id),
  customer_id uuid not null references users (id),
  name text not null,
  item_code text not null,
  quantity int not null,
  visits int not null,
  visits_used int not null default 0,
  price_fen int not null,
  status text not null default 'unpaid' check (status in ('unpaid', 'active', 'refunded', 'void')),
  paid_at timestamptz,
  expires_at timestamptz,
  refunded_fen int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (visits_used between 0 and visits)
);
create index service_cards_customer_idx on service_cards (customer_id, created_at);

-- One visit of a card paying one order; a cancelled order gives the visit (and what was refunded) back.
create table service_card_redemptions (
  order_id uuid primary key references orders (id),
  card_id uuid not null references service_cards (id),
  amount_fen int not null check (amount_fen > 0),
  status text not null default 'redeemed' check (status in ('redeemed', 'returned')),
  created_at timestamptz not null default now(),
  returned_at timestamptz
);
create index service_card_redemptions_card_idx on service_card_redemptions (card_id);

alter table payments alter column order_id drop not null;
alter table payments add column service_card_id uuid references service_cards (id);
alter table payments drop constraint payments_purpose_check;
alter table payments add constraint payments_purpose_check check (purpose in ('order', 'extras', 'service_card'));
alter table payments add constraint payments_owner_check check ((order_id is null) <> (service_card_id is null) and ((purpose = 'service_card') = (service_card_id is not null)));
create index payments_service_card_idx on payments (service_card_id) where service_card_id is not null;

alter table refunds alter column order_id drop not null;
alter table refunds add column service_card_id uuid references service_cards (id);
alter table refunds add constraint refunds_owner_check check ((order_id is null) <> (service_card_id is null));
alter table refunds drop constraint refunds_kind_check;
alter table refunds add constraint refunds_kind_check check (kind in ('cancellation', 'no_show', 'after_sales', 'arbitration', 'manual', 'service_card'));

alter table orders add column insurance_plan text;

-- An after-sales or arbitration refund of an order whose escrow was already split takes the worker's part back.
alter table order_settlements add column clawback_fen int not null default 0 check (clawback_fen >= 0);

-- 发票: a customer asks for an invoice of a completed order; finance issues it (number, file) or refuses.
create table invoice_requests (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  customer_id uuid not null references users (id),
  title_kind text not null check (title_kind in ('personal', 'company')),
  title text not null,
  tax_no text,
  email text not null,
  amount_fen int not null check (amount_fen > 0),
  status text not null default 'requested' check (status in ('requested', 'issued', 'rejected')),
  invoice_no text,
  note text not null default '',
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check (title_kind = 'personal' or tax_no is not null)
);
create unique index invoice_requests_open_idx on invoice_requests (order_id) where status <> 'rejected';
create index invoice_requests_status_idx on invoice_requests (status, created_at);
