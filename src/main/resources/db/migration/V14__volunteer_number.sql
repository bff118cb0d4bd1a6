-- The national volunteer number (志愿者编号) a person holds in the national volunteer information system:
-- certificates and, later, exports name volunteers by it rather than by their identity number.
alter table person add column volunteer_number varchar(30) check (volunteer_number ~ '^[0-9A-Z-]{6,30}$');
create unique index person_volunteer_number on person (volunteer_number) where volunteer_number is not null;
alter table service_certificate add column volunteer_number varchar(30);
