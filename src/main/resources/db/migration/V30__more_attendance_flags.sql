-- Two more anomalies: more than three check-ins or check-outs by one person for one activity in a day,
-- and service time longer than the activity (its times changed after people were signed out).
alter table attendance_flag drop constraint attendance_flag_rule_check;
alter table attendance_flag add constraint attendance_flag_rule_check
    check (rule in ('LEFT_CHECKED_IN', 'MANY_BY_HAND', 'MANY_SCANS', 'BEYOND_LENGTH'));

-- how often a person checked in or out of an activity on a day (by code or QR), counted as they do
create table check_in_count (
    activity_id bigint not null references activity (id),
    person_id   bigint not null references person (id),
    day         date   not null,
    scans       int    not null check (scans > 0),
    primary key (activity_id, person_id, day)
);
