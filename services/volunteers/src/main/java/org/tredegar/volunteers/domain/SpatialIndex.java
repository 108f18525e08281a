package org.tredegar.volunteers.domain;

import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import com.uber.h3core.util.LatLng;
import org.tredegar.contracts.model.GeoPoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Volunteers' homes indexed by H3 cell at two resolutions, so a search reads a few hundred index entries at most:
 * resolution 7 (cells ~1.4 km across) for the usual few-km searches, resolution 5 (~10 km) for wide ones
 * (escalations, big radii). A search covers the circle with a k-ring of cells, less the cells wholly outside it; the
 * exact distance check follows in {@link Matcher}, so covering a little too much costs a few rows and covering too
 * little is what we avoid.
 */
public final class SpatialIndex {
    public static final int FINE_RESOLUTION = 7;
    public static final int COARSE_RESOLUTION = 5;
    /** Beyond this ring size the fine cells get too many (3k²+3k+1): switch to coarse cells. */
    static final int MAX_FINE_K = 10;
    static final int MAX_COARSE_K = 30;
    /** Cells are smaller than average in places (H3 distorts up to ~±35% in size): plan with a smaller cell. */
    static final double CELL_SHRINK = 0.75;
    /** Slack when dropping cells outside the circle: floating-point rounding, never a real distance. */
    static final double SPARE_KM = 0.01;

    private static final H3Core H3 = load();
    static final int MAX_SHAPES = 100_000;
    private static final Map<Long, double[]> SHAPES = new ConcurrentHashMap<>();

    private SpatialIndex() {
    }

    /** Which column to search and which cells to look for. */
    public record Cover(boolean fine, List<Long> cells) {
        public String column() {
            return fine ? "h3_fine" : "h3_coarse";
        }
    }

    public static long fineCell(double lat, double lon) {
        return H3.latLngToCell(lat, lon, FINE_RESOLUTION);
    }

    public static long coarseCell(double lat, double lon) {
        return H3.latLngToCell(lat, lon, COARSE_RESOLUTION);
    }

    /** The centre of a home's fine cell: what events say about where a volunteer lives. */
    public static GeoPoint cellCentre(long cell) {
        LatLng centre = H3.cellToLatLng(cell);
        return new GeoPoint(centre.lat, centre.lng).approximate();
    }

    /** Cells that together contain every point within {@code km} of (lat, lon), and few others. */
    public static Cover cover(double lat, double lon, double km) {
        int fineK = ringsFor(km, FINE_RESOLUTION);
        if (fineK <= MAX_FINE_K) {
            return new Cover(true, reaching(H3.gridDisk(fineCell(lat, lon), fineK), lat, lon, km));
        }
        int coarseK = Math.min(ringsFor(km, COARSE_RESOLUTION), MAX_COARSE_K);
        return new Cover(false, reaching(H3.gridDisk(coarseCell(lat, lon), coarseK), lat, lon, km));
    }

    /**
     * The cells of a disk that reach into the circle. The disk is planned for the worst cell size, so around half of
     * it lies wholly outside the circle; reading those cells' volunteers would only feed the matcher people it then
     * turns away. A cell is dropped only when its centre is farther than {@code km} plus the distance from its centre
     * to its farthest corner (cells are convex: no point of the cell lies farther from the centre than a corner),
     * with a few metres to spare for rounding.
     */
    static List<Long> reaching(List<Long> disk, double lat, double lon, double km) {
        List<Long> kept = new ArrayList<>(disk.size());
        for (long cell : disk) {
            double[] shape = shape(cell);
            double fromCentre = GeoPoint.distanceKm(lat, lon, shape[0], shape[1]);
            if (fromCentre <= km || fromCentre - farthestCornerKm(cell, shape) <= km + SPARE_KM) {
                kept.add(cell);
            }
        }
        return kept;
    }

    /**
     * A cell's centre (lat, lon) and, once asked for, the distance from it to the cell's farthest corner: fixed facts,
     * asked for again and again around the same places, so kept (up to {@link #MAX_SHAPES} cells, then afresh).
     */
    private static double[] shape(long cell) {
        double[] shape = SHAPES.get(cell);
        if (shape == null) {
            LatLng centre = H3.cellToLatLng(cell);
            shape = new double[]{centre.lat, centre.lng, Double.NaN};
            if (SHAPES.size() >= MAX_SHAPES) {
                SHAPES.clear();
            }
            SHAPES.put(cell, shape);
        }
        return shape;
    }

    private static double farthestCornerKm(long cell, double[] shape) {
        if (Double.isNaN(shape[2])) {
            double farthest = 0;
            for (LatLng corner : H3.cellToBoundary(cell)) {
                farthest = Math.max(farthest, GeoPoint.distanceKm(shape[0], shape[1], corner.lat, corner.lng));
            }
            shape[2] = farthest; // the same value whichever thread gets here first
        }
        return shape[2];
    }

    /**
     * A disk of k rings around a hexagon covers at least a circle of radius a·(√3·k + 1) around the centre cell's
     * centre (a = the cells' apothem); the point itself may sit up to one edge (2a/√3) off that centre.
     */
    static int ringsFor(double km, int resolution) {
        double edge = H3.getHexagonEdgeLengthAvg(resolution, LengthUnit.km);
        double apothem = edge * Math.sqrt(3) / 2 * CELL_SHRINK;
        double k = (km / apothem + 2 / Math.sqrt(3) - 1) / Math.sqrt(3);
        return Math.max(1, (int) Math.ceil(k));
    }

    private static H3Core load() {
        try {
            return H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the H3 native library", e);
        }
    }
}
