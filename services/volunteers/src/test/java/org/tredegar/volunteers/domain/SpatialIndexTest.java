package org.tredegar.volunteers.domain;

import org.tredegar.contracts.model.GeoPoint;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SpatialIndexTest {

    /** Every point within the search distance must sit in a covered cell, or matching would miss people. */
    @Test
    void coverHoldsEveryPointWithinTheDistance() {
        Random random = new Random(42);
        double[][] centres = {{51.7727, -3.2467}, {57.48, -4.22}, {50.1, -5.5}, {0.1, 32.5}, {64.1, -21.9}};
        for (double km : new double[]{1, 5, 10, 20, 40, 100}) {
            for (double[] c : centres) {
                SpatialIndex.Cover cover = SpatialIndex.cover(c[0], c[1], km);
                Set<Long> cells = new HashSet<>(cover.cells());
                for (int i = 0; i < 400; i++) {
                    double bearing = random.nextDouble() * 2 * Math.PI;
                    double d = km * Math.sqrt(random.nextDouble());
                    double lat = c[0] + d / 111.195 * Math.cos(bearing);
                    double lon = c[1] + d / (111.195 * Math.cos(Math.toRadians(c[0]))) * Math.sin(bearing);
                    if (GeoPoint.distanceKm(c[0], c[1], lat, lon) > km) {
                        continue;
                    }
                    long cell = cover.fine() ? SpatialIndex.fineCell(lat, lon) : SpatialIndex.coarseCell(lat, lon);
                    assertThat(cells).as("%s km around %s,%s: point %s,%s", km, c[0], c[1], lat, lon).contains(cell);
                }
            }
        }
    }

    /** Cells are dropped only when wholly outside the circle: points just inside its edge are still covered. */
    @Test
    void droppingOuterCellsKeepsEveryPointOnTheEdge() {
        double[][] centres = {{51.7727, -3.2467}, {57.48, -4.22}, {0.1, 32.5}, {64.1, -21.9}, {-33.9, 151.2}};
        for (double km : new double[]{2, 10, 20, 60}) {
            for (double[] c : centres) {
                SpatialIndex.Cover cover = SpatialIndex.cover(c[0], c[1], km);
                Set<Long> cells = new HashSet<>(cover.cells());
                for (int i = 0; i < 720; i++) {
                    double bearing = Math.toRadians(i / 2.0);
                    double[] p = onEdge(c[0], c[1], km * 0.9999, bearing);
                    long cell = cover.fine() ? SpatialIndex.fineCell(p[0], p[1]) : SpatialIndex.coarseCell(p[0], p[1]);
                    assertThat(cells).as("%s km around %s,%s: edge point %s,%s", km, c[0], c[1], p[0], p[1]).contains(cell);
                }
            }
        }
    }

    /** The point {@code km} from (lat, lon) on a bearing, on the sphere GeoPoint.distanceKm measures on. */
    private static double[] onEdge(double lat, double lon, double km, double bearing) {
        double d = km / 6371.0088;
        double la = Math.toRadians(lat);
        double lat2 = Math.asin(Math.sin(la) * Math.cos(d) + Math.cos(la) * Math.sin(d) * Math.cos(bearing));
        double lon2 = Math.toRadians(lon) + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(la),
                Math.cos(d) - Math.sin(la) * Math.sin(lat2));
        return new double[]{Math.toDegrees(lat2), Math.toDegrees(lon2)};
    }

    @Test
    void searchesStaySmall() {
        assertThat(SpatialIndex.cover(51.77, -3.25, 5).fine()).isTrue();
        // A 10 km search: the k = 7 disk has 169 cells, of which those wholly outside the circle are dropped.
        assertThat(SpatialIndex.cover(51.77, -3.25, 10).cells()).hasSizeBetween(60, 110);
        assertThat(SpatialIndex.cover(51.77, -3.25, 100).fine()).isFalse();
        assertThat(SpatialIndex.cover(51.77, -3.25, 100).cells()).hasSizeLessThanOrEqualTo(400);
    }
}
