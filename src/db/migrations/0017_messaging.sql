-- Messaging: the event log that real-time clients read (written in the transaction of the change, announced with
-- NOTIFY, replayed from the last event id after a reconnect), notifications with per-user preferences, chat per
-- order, customer-support tickets and the help centre.

create table events (
  id bigserial primary key,
  -- The position clients see and resume from: given at commit, in commit order (see the trigger below).
  seq bigint unique,
  -- Who may read it: user:<id>, admin:<id>, perm:<permission> (every admin holding it).
  topic text not null,
  type text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index events_topic_seq_idx on events (topic, seq);
create index events_created_idx on events (created_at);
create sequence events_seq;

-- A bigserial id is taken at insert, so a transaction that commits later can hold a smaller id than one already
-- read: a reader following ids would skip it. The position is therefore taken at commit, under a lock that is
-- released only once the transaction is visible: when position n is visible, so is every position below it.
create function events_assign_seq() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(7446001);
  update events set seq = nextval('events_seq') where id = new.id and seq is null;
  return null;
end $$;
create constraint trigger events_seq_at_commit after insert on events
  deferrable initially deferred for each row execute function events_assign_seq();

create table notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_kind text not null check (recipient_kind in ('user', 'admin')),
  recipient_id uuid not null,
  -- The portal it belongs to: customer, worker or admin (one person may be customer and worker).
  audience text not null check (audience in ('customer', 'worker', 'admin')),
  type text not null,
  category text not null,
  vars jsonb not null default '{}',
  link_kind text,
  link_id text,
  -- Makes a retried cause notify once (e.g. accepted:<orderId>:<recipient>).
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_recipient_idx on notifications (recipient_id, audience, created_at desc);
create index notifications_unread_idx on notifications (recipient_id, audience) where read_at is null;

create table notification_prefs (
  user_id uuid not null,
  category text not null,
  channel text not null check (channel in ('sms', 'email')),
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, category, channel)
);

create table chat_messages (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  sender_kind text not null check (sender_kind in ('customer', 'worker', 'support', 'system')),
  sender_id uuid,
  kind text not null check (kind in ('text', 'image', 'quick')),
  body text not null default '',
  file_id uuid references files (id),
  masked int not null default 0,
  created_at timestamptz not null default now()
);
create index chat_messages_order_idx on chat_messages (order_id, created_at);
create index chat_messages_sender_idx on chat_messages (sender_id, created_at);

create table chat_reads (
  order_id uuid not null references orders (id),
  reader_id uuid not null,
  read_at timestamptz not null,
  primary key (order_id, reader_id)
);

create table support_tickets (
  id uuid primary key default gen_random_uuid(),
  ticket_no text not null unique,
  user_id uuid not null references users (id),
  audience text not null check (audience in ('customer', 'worker')),
  order_id uuid references orders (id),
  subject text not null,
  status text not null default 'open' check (status in ('open', 'answered', 'closed')),
  assignee_admin_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index support_tickets_user_idx on support_tickets (user_id, created_at desc);
create index support_tickets_status_idx on support_tickets (status, updated_at);

create table support_messages (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references support_tickets (id),
  sender_kind text not null check (sender_kind in ('user', 'support')),
  sender_id uuid not null,
  sender_name text not null default '',
  body text not null,
  created_at timestamptz not null default now()
);
create index support_messages_ticket_idx on support_messages (ticket_id, created_at);

create table help_articles (
  id uuid primary key default gen_random_uuid(),
  audience text not null check (audience in ('customer', 'worker')),
  category text not null,
  category_en text not null,
  question text not null,
  question_en text not null,
  answer text not null,
  answer_en text not null,
  sort int not null default 0
);
create index help_articles_audience_idx on help_articles (audience, sort);

-- The help centre's starting questions (operations edit them later).
insert into help_articles (audience, category, category_en, question, question_en, answer, answer_en, sort) values
  ('customer', '预约', 'Booking', '如何预约上门服务？', 'How do I book a visit?', '在首页选择服务项目，确认报价后选择地址和上门时间，提交订单并支付即可。平台会为您匹配附近合适的师傅，也可以指定常用师傅。', 'Pick a service on the home page, confirm the quote, choose your address and a time, then submit and pay. We match a nearby worker, or you can choose one you know.', 10),
  ('customer', '预约', 'Booking', '可以修改上门时间吗？', 'Can I change the visit time?', '订单页点击“改约”，选择新的空闲时间。师傅已接单时需师傅同意；距上门时间较近时可能无法改约。', 'Tap “Reschedule” on the order page and pick a new free time. Once a worker has accepted, they must agree; close to the start it may no longer be possible.', 20),
  ('customer', '支付', 'Payment', '钱什么时候打给师傅？', 'When is the worker paid?', '您支付的款项由平台托管，服务完成并经您验收（或 48 小时自动验收）后才结算给师傅。', 'Your payment is held by the platform and only settled to the worker after you accept the work (or automatically after 48 hours).', 30),
  ('customer', '支付', 'Payment', '取消订单会扣费吗？', 'Does cancelling cost anything?', '上门前 24 小时以上取消免费；24 小时内取消按订单金额收取 20% 违约金，2 小时内为 50%，部分补偿给师傅。未支付的订单可随时取消。', 'Cancelling more than 24 h before the visit is free; within 24 h a 20 % fee applies, within 2 h 50 %, partly paid to the worker. Unpaid orders can be cancelled at any time.', 40),
  ('customer', '售后', 'After-sales', '对服务不满意怎么办？', 'What if I am not satisfied?', '验收前或完成后 72 小时内，可在订单页“反馈问题”申请免费返工或售后，客服会介入处理，必要时按仲裁结果退款。', 'Before accepting, or within 72 h after completion, use “Report a problem” on the order page for a free rework or after-sales help; support steps in and refunds by arbitration where due.', 50),
  ('customer', '安全', 'Safety', '如何保护我的隐私？', 'How is my privacy protected?', '师傅接单后才能看到您的详细地址，通话使用隐私号，聊天中的手机号、微信号会被自动隐藏。', 'A worker sees your exact address only after accepting; calls go through a relay number, and phone numbers or WeChat ids typed into chat are hidden.', 60),
  ('customer', '优惠', 'Offers', '优惠券和次卡怎么用？', 'How do coupons and service cards work?', '在领券中心领取优惠券，下单时选择即可抵扣；次卡购买后预约对应服务时选择次卡支付，未使用的次数可按比例退款。', 'Claim coupons in the coupon centre and choose one when booking; with a service card, choose it to pay a visit of its service. Unused visits are refundable pro rata.', 70),
  ('worker', '接单', 'Taking orders', '如何接到更多订单？', 'How do I get more orders?', '保持在线并设置好可服务时间和范围；评分、准时率和完成率越高，派单越靠前。新师傅也有一定的曝光扶持。', 'Stay online with your working hours and area set; higher ratings, punctuality and completion put you ahead in dispatch. Newcomers get a boost too.', 10),
  ('worker', '接单', 'Taking orders', '接单后有事去不了怎么办？', 'I accepted but cannot go. What now?', '请尽早在订单页发起改约或转单，并填写原因。临近上门时间放弃订单或未按约上门会影响信用并可能受到处罚。', 'Ask for a new time or give the order back on the order page as early as possible, with a reason. Dropping it late or not showing up hurts your record and may bring a penalty.', 20),
  ('worker', '收入', 'Income', '收入什么时候可以提现？', 'When can I withdraw my income?', '订单验收后收入进入“待结算”，结算周期（默认 7 天）后转为“可提现”。提现收取 1% 手续费，大额提现需财务审核。', 'After acceptance the income is pending; after the settlement delay (7 days by default) it becomes withdrawable. Withdrawals cost 1 %; large ones are reviewed by finance.', 30),
  ('worker', '服务', 'The visit', '上门时需要做什么？', 'What do I do at the visit?', '出发时点击“出发”，到达后输入客户提供的 4 位服务码完成签到，服务中拍照记录，完成后提交等待客户验收。', 'Tap “Set off” when leaving, check in with the customer''s 4-digit service code on arrival, record with photos, then finish and wait for acceptance.', 40),
  ('worker', '安全', 'Safety', '遇到紧急情况怎么办？', 'What if there is an emergency?', '请立即拨打 110 / 120，并联系平台客服。所有订单均可投保意外险，保额最高 10 万元。', 'Call 110 / 120 at once and contact support. Orders can carry accident insurance with cover up to ¥100 000.', 50);
