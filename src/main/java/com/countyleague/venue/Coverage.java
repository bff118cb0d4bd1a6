package com.countyleague.venue;

import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The 15-minute walking circle: a compound is covered when a Youth Home (flagship or function store)
 * lies within the county's walking distance of it, straight line. Distances are computed in the
 * database (haversine over WGS-84 degrees), the map drawn here as SVG — no tile server.
 */
@Service
public class Coverage {

    /** The mean earth radius in metres (IUGG). */
    static final double EARTH_RADIUS = 6_371_008.8;

    public record Place(long id, String name, String branchName, double latitude, double longitude, Double nearestMetres,
                        boolean covered) {
    }

    public record Home(long id, String name, double latitude, double longitude) {
    }

    /** A subtree's coverage: the located compounds, those not yet located, the Youth Homes that matter. */
    public record View(long unitId, String unitName, int walkMetres, List<Place> compounds, long unlocated, List<Home> homes) {

        public int percent() {
            return compounds.isEmpty() ? 0 : (int) Math.round(100.0 * covered() / compounds.size());
        }

        public long covered() {
            return compounds.stream().filter(Place::covered).count();
        }

        /** The compounds outside every circle, those closest to a Youth Home first. */
        public List<Place> uncovered() {
            return compounds.stream().filter(p -> !p.covered())
                    .sorted(Comparator.comparing(Place::nearestMetres, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        }
    }

    private final JdbcClient jdbc;
    private final Reach reach;

    Coverage(JdbcClient jdbc, Reach reach) {
        this.jdbc = jdbc;
        this.reach = reach;
    }

    @Transactional(readOnly = true)
    public View of(Long organizationId) {
        OrganizationRef unit = reach.unit(organizationId);
        int walk = jdbc.sql("select walk_metres from venue_setting").query(Integer.class).single();
        List<Place> compounds = jdbc.sql("""
                        with homes as (
                            select latitude::float8 as lat, longitude::float8 as lon from venue
                            where kind in ('YOUTH_HOME_FLAGSHIP', 'YOUTH_HOME_FUNCTION') and latitude is not null)
                        select c.id, c.name, o.name, c.latitude::float8, c.longitude::float8, n.metres
                        from compound c join organization o on o.id = c.branch_id
                        left join lateral (
                            select 2 * :radius * asin(sqrt(power(sin(radians(h.lat - c.latitude::float8) / 2), 2)
                                   + cos(radians(c.latitude::float8)) * cos(radians(h.lat))
                                     * power(sin(radians(h.lon - c.longitude::float8) / 2), 2))) as metres
                            from homes h order by 1 limit 1) n on true
                        where o.path like :path || '%' and c.latitude is not null
                        order by o.path, c.name
                        """)
                .param("radius", EARTH_RADIUS).param("path", unit.path())
                .query((rs, n) -> {
                    Double metres = rs.getObject(6) == null ? null : rs.getDouble(6);
                    return new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5), metres,
                            metres != null && metres <= walk);
                }).list();
        long unlocated = jdbc.sql("""
                        select count(*) from compound c join organization o on o.id = c.branch_id
                        where o.path like :path || '%' and c.latitude is null""")
                .param("path", unit.path()).query(Long.class).single();
        List<Home> homes = jdbc.sql("""
                        select id, name, latitude::float8, longitude::float8 from venue
                        where kind in ('YOUTH_HOME_FLAGSHIP', 'YOUTH_HOME_FUNCTION') and latitude is not null order by id""")
                .query((rs, n) -> new Home(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4))).list();
        return new View(unit.id(), unit.name(), walk, compounds, unlocated, near(homes, compounds, walk));
    }

    /** The Youth Homes whose circle reaches into the box around the compounds: those the map shows. */
    private static List<Home> near(List<Home> homes, List<Place> compounds, int walk) {
        if (compounds.isEmpty()) {
            return List.of();
        }
        double margin = walk / 111_000.0 * 1.5;
        double minLat = compounds.stream().mapToDouble(Place::latitude).min().orElseThrow() - margin;
        double maxLat = compounds.stream().mapToDouble(Place::latitude).max().orElseThrow() + margin;
        double minLon = compounds.stream().mapToDouble(Place::longitude).min().orElseThrow() - margin * 1.5;
        double maxLon = compounds.stream().mapToDouble(Place::longitude).max().orElseThrow() + margin * 1.5;
        return homes.stream().filter(h -> h.latitude() >= minLat && h.latitude() <= maxLat
                && h.longitude() >= minLon && h.longitude() <= maxLon).toList();
    }

    /**
     * The map: compounds as dots (green covered, red not), Youth Homes as squares with their walking
     * circles, and a scale bar labelled {@code scaleLabel} (a message with the metres as {0}).
     */
    public static String svg(View view, String scaleLabelPattern) {
        int width = 800;
        int height = 600;
        int pad = 30;
        List<double[]> points = new ArrayList<>();
        view.compounds().forEach(p -> points.add(new double[] {p.latitude(), p.longitude()}));
        view.homes().forEach(h -> points.add(new double[] {h.latitude(), h.longitude()}));
        double midLat = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        // an equirectangular projection about the middle latitude: metres east and north of a reference point
        double east = Math.cos(Math.toRadians(midLat)) * Math.PI / 180 * EARTH_RADIUS;
        double north = Math.PI / 180 * EARTH_RADIUS;
        double refLat = points.stream().mapToDouble(p -> p[0]).min().orElse(0);
        double refLon = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
        // the extent in metres: every compound, and every Youth Home with its whole circle
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Place p : view.compounds()) {
            double x = (p.longitude() - refLon) * east;
            double y = (p.latitude() - refLat) * north;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        for (Home h : view.homes()) {
            double x = (h.longitude() - refLon) * east;
            double y = (h.latitude() - refLat) * north;
            minX = Math.min(minX, x - view.walkMetres());
            maxX = Math.max(maxX, x + view.walkMetres());
            minY = Math.min(minY, y - view.walkMetres());
            maxY = Math.max(maxY, y + view.walkMetres());
        }
        if (points.isEmpty()) {
            minX = minY = 0;
            maxX = maxY = view.walkMetres();
        }
        double scale = Math.min((width - 2 * pad) / Math.max(maxX - minX, 1), (height - 2 * pad - 30) / Math.max(maxY - minY, 1));
        // centred in the picture, north up
        double offsetX = (width - (maxX - minX) * scale) / 2 - minX * scale;
        double offsetY = (height - 30 - (maxY - minY) * scale) / 2 + maxY * scale;
        DoubleBinaryOperator toX = (lat, lon) -> offsetX + (lon - refLon) * east * scale;
        DoubleBinaryOperator toY = (lat, lon) -> offsetY - (lat - refLat) * north * scale;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#f8f9fa\"/>");
        for (Home h : view.homes()) {
            double x = toX.applyAsDouble(h.latitude(), h.longitude());
            double y = toY.applyAsDouble(h.latitude(), h.longitude());
            svg.append(String.format(Locale.ROOT,
                    "<circle class=\"reach\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#c8161d\" fill-opacity=\"0.08\" stroke=\"#c8161d\" stroke-dasharray=\"4 3\"/>",
                    x, y, view.walkMetres() * scale));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"home\" data-id=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"#c8161d\"><title>%s</title></rect>",
                    h.id(), x - 5, y - 5, HtmlUtils.htmlEscape(h.name())));
        }
        for (Place p : view.compounds()) {
            double x = toX.applyAsDouble(p.latitude(), p.longitude());
            double y = toY.applyAsDouble(p.latitude(), p.longitude());
            svg.append(String.format(Locale.ROOT,
                    "<circle class=\"compound %s\" data-id=\"%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>%s</title></circle>",
                    p.covered() ? "covered" : "uncovered", p.id(), x, y, p.covered() ? "#198754" : "#dc3545",
                    HtmlUtils.htmlEscape(p.name())));
        }
        // a scale bar of a round length: 100 m, 200 m, 500 m, 1 km … about a fifth of the width
        double target = (width - 2 * pad) / 5.0 / scale;
        double bar = Math.pow(10, Math.floor(Math.log10(target)));
        bar = target >= 5 * bar ? 5 * bar : target >= 2 * bar ? 2 * bar : bar;
        double barPixels = bar * scale;
        svg.append(String.format(Locale.ROOT,
                "<g class=\"scale\"><line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#212529\" stroke-width=\"3\"/>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#212529\">%s</text></g>",
                pad, height - 20, pad + barPixels, height - 20, pad, height - 28,
                HtmlUtils.htmlEscape(MessageFormat.format(scaleLabelPattern, (long) bar))));
        svg.append("</svg>");
        return svg.toString();
    }
}
