-- A short number people can read out (报价单号), e.g. Q2612070358212: Q, the date in Shanghai, seven digits. The
-- digits are a sequence scrambled by a bijection mod 10^7 (× 7919, a prime coprime to 10), so numbers are unique
-- without a retry and do not reveal how many quotes the platform makes.
create sequence quote_no_seq;
alter table quotes add column quote_no text;
update quotes set quote_no = 'Q' || to_char(created_at at time zone 'Asia/Shanghai', 'YYMMDD')
  || lpad(((nextval('quote_no_seq') * 7919) % 10000000)::text, 7, '0');
alter table quotes
  alter column quote_no set default 'Q' || to_char(now() at time zone 'Asia/Shanghai', 'YYMMDD')
    || lpad(((nextval('quote_no_seq') * 7919) % 10000000)::text, 7, '0'),
  alter column quote_no set not null;
create unique index quotes_quote_no_idx on quotes (quote_no);
