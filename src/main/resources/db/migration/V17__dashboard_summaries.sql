-- The dashboard reads summaries, refreshed on a schedule and on an admin's demand, instead of counting
-- millions of rows per page. Each belongs to the module whose tables it sums; all are refreshed
-- CONCURRENTLY (readers never wait), hence a unique index on each. Each row carries its unit's path
-- as of the refresh, so that a subtree is one range of the summary without a join. Months and ages
-- are those of Asia/Shanghai, the county's time (league.zone).

-- activity: published activities that started in a month, their attendances and service minutes, per host
create materialized view activity_month_summary as
select a.host_org_id, o.path, date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date as month,
       count(distinct a.id) as activities, count(t.id) as attendances, coalesce(sum(t.service_minutes), 0) as service_minutes
from activity a join organization o on o.id = a.host_org_id left join attendance t on t.activity_id = a.id
where a.status = 'PUBLISHED'
group by 1, 2, 3;
create unique index activity_month_summary_key on activity_month_summary (host_org_id, month);
create index activity_month_summary_path on activity_month_summary (path text_pattern_ops);

-- the last published activity of a unit, found by one index probe per branch
create index activity_published_host_start on activity (host_org_id, starts_at desc) where status = 'PUBLISHED';

-- points: issued, redeemed (net of refunds), expired and the net of all entries, per unit and month
create materialized view points_month_summary as
select e.organization_id, o.path, date_trunc('month', e.created_at at time zone 'Asia/Shanghai')::date as month,
       coalesce(sum(amount) filter (where kind = 'EARN' or (kind = 'ADJUST' and amount > 0)), 0) as issued,
       coalesce(sum(-amount) filter (where kind = 'REDEEM'), 0) - coalesce(sum(amount) filter (where kind = 'REFUND'), 0) as redeemed,
       coalesce(sum(-amount) filter (where kind = 'EXPIRE'), 0) as expired,
       coalesce(sum(amount), 0) as net
from points_entry e join organization o on o.id = e.organization_id
group by 1, 2, 3;
create unique index points_month_summary_key on points_month_summary (organization_id, month);
create index points_month_summary_path on points_month_summary (path text_pattern_ops);

-- ledgers: active persons and backbones per unit, ledger and age on the day of the refresh; ages under
-- 14 and over 36 are held as 13 and 36 (the dashboard's bands end there), which keeps the rows few
create materialized view ledger_summary as
select p.organization_id, o.path, p.ledger,
       least(greatest(extract(year from age((now() at time zone 'Asia/Shanghai')::date, p.birth_date))::int, 13), 36) as age,
       count(*) as persons, count(*) filter (where p.backbone) as backbones
from person p join organization o on o.id = p.organization_id
where p.status = 'ACTIVE'
group by 1, 2, 3, 4;
create unique index ledger_summary_key on ledger_summary (organization_id, ledger, age);
create index ledger_summary_path on ledger_summary (path text_pattern_ops);

-- and the persons registered per unit, ledger and month
create materialized view ledger_new_summary as
select p.organization_id, o.path, p.ledger, date_trunc('month', p.created_at at time zone 'Asia/Shanghai')::date as month,
       count(*) as persons
from person p join organization o on o.id = p.organization_id
where p.status = 'ACTIVE'
group by 1, 2, 3, 4;
create unique index ledger_new_summary_key on ledger_new_summary (organization_id, ledger, month);
create index ledger_new_summary_path on ledger_new_summary (path text_pattern_ops);

-- when the summaries were last refreshed, shown on the dashboard
create table dashboard_refresh (
    id           int         primary key check (id = 1),
    refreshed_at timestamptz not null
);
