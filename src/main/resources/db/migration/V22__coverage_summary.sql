-- venue: whether each located compound lies within the walking distance of a Youth Home, for the
-- dashboard (refreshed with the other summaries; the coverage page itself computes live)
create materialized view compound_coverage_summary as
select c.id as compound_id, o.path,
       n.metres is not null and n.metres <= (select walk_metres from venue_setting) as covered
from compound c join organization o on o.id = c.branch_id
left join lateral (
    select 2 * 6371008.8 * asin(sqrt(power(sin(radians(v.latitude::float8 - c.latitude::float8) / 2), 2)
           + cos(radians(c.latitude::float8)) * cos(radians(v.latitude::float8))
             * power(sin(radians(v.longitude::float8 - c.longitude::float8) / 2), 2))) as metres
    from venue v
    where v.kind in ('YOUTH_HOME_FLAGSHIP', 'YOUTH_HOME_FUNCTION') and v.latitude is not null
    order by 1 limit 1) n on true
where c.latitude is not null;
create unique index compound_coverage_summary_key on compound_coverage_summary (compound_id);
create index compound_coverage_summary_path on compound_coverage_summary (path text_pattern_ops);
