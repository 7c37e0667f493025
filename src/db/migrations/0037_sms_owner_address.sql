-- Whether a code was asked for from an address the phone's account had signed in from lately: the phone's daily
-- limit counts only the others, so a stranger using up a phone's codes never keeps its owner from signing in at home.
alter table sms_codes add column owner_address boolean not null default false;
