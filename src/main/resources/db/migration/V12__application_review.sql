-- An approval whose identity number belongs to someone the approver does not reach, or to a ledger
-- record under another name, merges nothing: the application waits for the staff who reach that
-- person to say whether it is really them.
alter table application drop constraint application_status_check;
alter table application add constraint application_status_check
    check (status in ('SUBMITTED', 'NEEDS_REVIEW', 'APPROVED', 'REJECTED'));
alter table application
    add column review_reason     varchar(20) check (review_reason in ('NAME_MISMATCH', 'OUTSIDE_REACH')),
    add column matched_person_id bigint references person (id),
    add constraint application_review_complete
        check (status <> 'NEEDS_REVIEW' or (review_reason is not null and matched_person_id is not null));
create index application_needs_review on application (matched_person_id) where status = 'NEEDS_REVIEW';
