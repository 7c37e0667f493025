-- 上门报价: the worker's itemised on-site proposals for an order booked at a deposit (an on_site_quote item). Priced by
-- the catalogue engine (priceOnSiteProposal) against the order's deposit quote; the customer accepts (the order's
-- price becomes the proposal's total: the balance is paid through the cashier, or the difference refunded) or
-- declines (the deposit is kept as the visit fee and the order ends). One live proposal per order; a newer one
-- replaces it until the customer answers; at most one is ever accepted.
create table onsite_proposals (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  worker_id uuid not null references users (id),
  status text not null default 'proposed' check (status in ('proposed', 'replaced', 'accepted', 'declined', 'withdrawn')),
  -- The worker's lines as sent ({kind, description, quantity, unitPriceFen}) and the priced on_site_final quote.
  lines jsonb not null,
  out_of_range_reason text,
  quote jsonb not null,
  total_fen int not null check (total_fen >= 0),
  deposit_fen int not null check (deposit_fen >= 0),
  balance_due_fen int not null check (balance_due_fen >= 0),
  refund_due_fen int not null check (refund_due_fen >= 0),
  -- The order's price when the proposal was made (what the customer compares it with).
  previous_price_fen int not null,
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create index onsite_proposals_order_idx on onsite_proposals (order_id, created_at);
create unique index onsite_proposals_live_idx on onsite_proposals (order_id) where status = 'proposed';
create unique index onsite_proposals_accepted_idx on onsite_proposals (order_id) where status = 'accepted';

-- A refund of the difference when the accepted on-site price is below what was paid.
alter table refunds drop constraint refunds_kind_check;
alter table refunds add constraint refunds_kind_check check (kind in ('cancellation', 'no_show', 'after_sales', 'arbitration', 'manual', 'service_card', 'onsite_quote'));
