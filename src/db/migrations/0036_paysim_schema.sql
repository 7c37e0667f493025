-- The payment simulator is not part of the app: its charges, refunds, payouts and — above all — its private signing
-- keys leave the app's tables for a schema of their own (`paysim`), which no app query names. The simulator and its
-- /paysim cashier exist only while PAY_PROVIDER=simulator (production refuses it unless named; see config.ts).
create schema if not exists paysim;
alter table paysim_charges set schema paysim;
alter table paysim.paysim_charges rename to charges;
alter table paysim_keys set schema paysim;
alter table paysim.paysim_keys rename to signing_keys;
alter table paysim_refunds set schema paysim;
alter table paysim.paysim_refunds rename to refunds;
alter table paysim_payouts set schema paysim;
alter table paysim.paysim_payouts rename to payouts;
