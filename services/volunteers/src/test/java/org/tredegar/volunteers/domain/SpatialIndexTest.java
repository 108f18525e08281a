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

    @Test
    void searchesStaySmall() {
        assertThat(SpatialIndex.cover(51.77, -3.25, 5).fine()).isTrue();
        assertThat(SpatialIndex.cover(51.77, -3.25, 10).cells()).hasSizeLessThanOrEqualTo(331);
        assertThat(SpatialIndex.cover(51.77, -3.25, 100).fine()).isFalse();
        assertThat(SpatialIndex.cover(51.77, -3.25, 100).cells()).hasSizeLessThanOrEqualTo(400);
    }
}
