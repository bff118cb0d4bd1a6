-- Whether this database holds the demo county or a real one. The demo county's accounts have a
-- published password, so a demo start refuses a real database and a real start refuses the demo's.
create table installation (
    singleton   boolean      primary key default true check (singleton),
    kind        varchar(10)  not null check (kind in ('DEMO', 'PRODUCTION')),
    marked_at   timestamptz  not null
);

-- databases that already hold data are marked by what they hold: the demo county has its demo branch
-- and its four demo accounts; anything else with units is a real county
insert into installation (kind, marked_at)
select case when exists (select 1 from organization where code = 'DC-LH-01')
                 and (select count(*) from account where username in ('admin', 'secretary', 'leader', 'member')) = 4
            then 'DEMO' else 'PRODUCTION' end,
       now()
where exists (select 1 from organization);
