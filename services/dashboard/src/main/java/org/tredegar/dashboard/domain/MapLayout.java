package org.tredegar.dashboard.domain;

import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.dashboard.config.HubArea;
import org.tredegar.dashboard.domain.HubSnapshot.MapCell;
import org.tredegar.dashboard.domain.HubSnapshot.MapHub;
import org.tredegar.dashboard.domain.HubSnapshot.MapView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Lays out a hub's map without tiles: an equirectangular projection around the hub's centre (exact enough over a
 * few km), north up, fitted into a square of {@link #SIZE} SVG units; the hub's outline with a margin around it is
 * the map. Points are binned into cells of about {@code cellKm} on a grid anchored at 0°, 0°, so cells do not move
 * when data changes. Pure: no database, no clock.
 */
public final class MapLayout {
    static final double KM_PER_DEGREE = 111.32;
    static final int SIZE = 480;

    /** An approximate point and two counts there: open and waiting requests, or volunteers on duty and free. */
    public record Point(double lat, double lon, long count, long subset) {
    }

    private final HubArea area;
    private final double cellKm;
    private final double cos;
    private final double cellLat;
    private final double cellLon;
    private final double minLat;
    private final double maxLat;
    private final double minLon;
    private final double maxLon;
    private final double unitsPerKm;
    private final int width;
    private final int height;

    public MapLayout(HubArea area, double cellKm, double marginKm) {
        this.area = area;
        this.cellKm = cellKm;
        this.cos = Math.cos(Math.toRadians(area.centre().lat()));
        this.cellLat = cellKm / KM_PER_DEGREE;
        this.cellLon = cellKm / (KM_PER_DEGREE * cos);
        double marginLat = marginKm / KM_PER_DEGREE;
        double marginLon = marginKm / (KM_PER_DEGREE * cos);
        this.minLat = area.outline().stream().mapToDouble(GeoPoint::lat).min().orElseThrow() - marginLat;
        this.maxLat = area.outline().stream().mapToDouble(GeoPoint::lat).max().orElseThrow() + marginLat;
        this.minLon = area.outline().stream().mapToDouble(GeoPoint::lon).min().orElseThrow() - marginLon;
        this.maxLon = area.outline().stream().mapToDouble(GeoPoint::lon).max().orElseThrow() + marginLon;
        double widthKm = (maxLon - minLon) * KM_PER_DEGREE * cos;
        double heightKm = (maxLat - minLat) * KM_PER_DEGREE;
        this.unitsPerKm = SIZE / Math.max(widthKm, heightKm);
        this.width = (int) Math.round(widthKm * unitsPerKm);
        this.height = (int) Math.round(heightKm * unitsPerKm);
    }

    double x(double lon) {
        return round((lon - minLon) * KM_PER_DEGREE * cos * unitsPerKm);
    }

    double y(double lat) {
        return round((maxLat - lat) * KM_PER_DEGREE * unitsPerKm);
    }

    boolean onMap(double lat, double lon) {
        return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
    }

    /**
     * The map with these requests (count: open, subset: waiting) and volunteers (count: on duty, subset: free).
     * Cells are listed north to south, then west to east; points beyond the margin are only counted.
     */
    public MapView view(Map<String, HubArea> neighbours, List<Point> requests, List<Point> volunteers,
                        long openWithoutLocation) {
        Map<List<Long>, long[]> cells = new TreeMap<>(Comparator.<List<Long>>comparingLong(k -> -k.get(0))
                .thenComparingLong(k -> k.get(1)));
        long openOffMap = 0;
        long volunteersOffMap = 0;
        for (Point p : requests) {
            if (onMap(p.lat(), p.lon())) {
                long[] counts = cells.computeIfAbsent(cellOf(p), k -> new long[4]);
                counts[0] += p.count();
                counts[1] += p.subset();
            } else {
                openOffMap += p.count();
            }
        }
        for (Point p : volunteers) {
            if (onMap(p.lat(), p.lon())) {
                long[] counts = cells.computeIfAbsent(cellOf(p), k -> new long[4]);
                counts[2] += p.count();
                counts[3] += p.subset();
            } else {
                volunteersOffMap += p.count();
            }
        }
        List<MapCell> drawn = new ArrayList<>();
        cells.forEach((key, counts) -> drawn.add(cell(key.get(0), key.get(1), counts)));
        List<MapHub> others = new ArrayList<>();
        new TreeMap<>(neighbours).forEach((name, other) -> {
            if (!other.equals(area) && overlaps(other)) {
                double left = Math.max(0, x(other.outline().stream().mapToDouble(GeoPoint::lon).min().orElseThrow()));
                double right = Math.min(width, x(other.outline().stream().mapToDouble(GeoPoint::lon).max().orElseThrow()));
                double top = Math.max(0, y(other.outline().stream().mapToDouble(GeoPoint::lat).max().orElseThrow()));
                double bottom = Math.min(height, y(other.outline().stream().mapToDouble(GeoPoint::lat).min().orElseThrow()));
                others.add(new MapHub(name, points(other.outline()), round((left + right) / 2), round((top + bottom) / 2),
                        right - left < bottom - top));
            }
        });
        return new MapView(width, height, round(unitsPerKm), cellKm, points(area.outline()), x(area.centre().lon()), y(area.centre().lat()),
                others, drawn, openWithoutLocation, openOffMap, volunteersOffMap);
    }

    private List<Long> cellOf(Point p) {
        return List.of((long) Math.floor(p.lat() / cellLat), (long) Math.floor(p.lon() / cellLon));
    }

    /** A cell clipped to the map, so its figures are always inside the picture. */
    private MapCell cell(long row, long col, long[] counts) {
        double south = row * cellLat;
        double west = col * cellLon;
        double left = Math.max(0, x(west));
        double right = Math.min(width, x(west + cellLon));
        double top = Math.max(0, y(south + cellLat));
        double bottom = Math.min(height, y(south));
        String place = String.format(Locale.ROOT, "%.3f, %.3f", south + cellLat / 2, west + cellLon / 2);
        long open = counts[0];
        long waiting = counts[1];
        long free = counts[3];
        String balance = waiting > free ? "short" : waiting > 0 ? "covered" : "quiet";
        return new MapCell(left, top, round(right - left), round(bottom - top), round((left + right) / 2),
                round((top + bottom) / 2), place, open, waiting, counts[2], free, balance);
    }

    private boolean overlaps(HubArea other) {
        double south = other.outline().stream().mapToDouble(GeoPoint::lat).min().orElseThrow();
        double north = other.outline().stream().mapToDouble(GeoPoint::lat).max().orElseThrow();
        double west = other.outline().stream().mapToDouble(GeoPoint::lon).min().orElseThrow();
        double east = other.outline().stream().mapToDouble(GeoPoint::lon).max().orElseThrow();
        return south <= maxLat && north >= minLat && west <= maxLon && east >= minLon;
    }

    private String points(List<GeoPoint> outline) {
        return outline.stream().map(p -> fmt(x(p.lon())) + "," + fmt(y(p.lat()))).collect(Collectors.joining(" "));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
