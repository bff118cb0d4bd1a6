-- Searching a ledger by the first digits of a mobile number: a prefix match needs pattern ordering.
create index person_mobile_prefix on person (mobile varchar_pattern_ops) where mobile is not null;
drop index person_mobile;
