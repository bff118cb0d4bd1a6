-- What was sent to the national volunteer system (全国志愿服务信息系统) and what it answered: one row a
-- service record, keyed by its source ('A' and an attendance's id, 'S' and a kept shift's).
create table national_record (
    record_key  varchar(20)  primary key check (record_key ~ '^[AS][0-9]+$'),
    person_id   bigint       not null references person (id),
    status      varchar(20)  not null check (status in ('EXPORTED', 'ACCEPTED', 'REJECTED')),
    reason      varchar(500),
    exported_at timestamptz  not null,
    exported_by varchar(100) not null,
    answered_at timestamptz,
    check ((status = 'REJECTED') = (reason is not null)),
    check ((status = 'EXPORTED') = (answered_at is null))
);
create index national_record_person on national_record (person_id);
create index national_record_rejected on national_record (exported_at desc) where status = 'REJECTED';
