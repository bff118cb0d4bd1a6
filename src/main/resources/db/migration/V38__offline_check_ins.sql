-- Check-ins taken without signal — on a member's phone (the screen's QR code or code), or on the organiser's
-- screen from members' youth cards — and sent when the signal returned: each carries a nonce made by
-- the phone, so one sent twice is recorded once; the time recorded is the one its proof signs.
create table offline_check_in (
    nonce        uuid         primary key,
    person_id    bigint       not null references person (id),
    activity_id  bigint       not null references activity (id),
    purpose      varchar(3)   not null check (purpose in ('IN', 'OUT')),
    method       varchar(10)  not null check (method in ('QR', 'CODE', 'CARD')),
    taken_at     timestamptz  not null,
    received_at  timestamptz  not null,
    check (received_at >= taken_at)
);
create index offline_check_in_activity on offline_check_in (activity_id);
