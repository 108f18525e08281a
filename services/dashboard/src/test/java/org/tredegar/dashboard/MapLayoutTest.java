package org.tredegar.dashboard;

import org.junit.jupiter.api.Test;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.dashboard.config.HubArea;
import org.tredegar.dashboard.domain.HubSnapshot.MapCell;
import org.tredegar.dashboard.domain.HubSnapshot.MapView;
import org.tredegar.dashboard.domain.MapLayout;
import org.tredegar.dashboard.domain.MapLayout.Point;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The operator map's layout, without tiles: projection, cells, what falls off the map, neighbours. */
class MapLayoutTest {
    /** The demo hubs' areas (as in application.properties). */
    static final HubArea TREDEGAR = new HubArea(new GeoPoint(51.7727, -3.2467), List.of(new GeoPoint(51.75468, -3.26635),
            new GeoPoint(51.75468, -3.22705), new GeoPoint(51.79072, -3.22705), new GeoPoint(51.79072, -3.26635)));
    static final HubArea EBBW_VALE = new HubArea(new GeoPoint(51.7776, -3.2066), List.of(new GeoPoint(51.75958, -3.22626),
            new GeoPoint(51.75958, -3.18694), new GeoPoint(51.79562, -3.18694), new GeoPoint(51.79562, -3.22626)));
    static final HubArea FAR_AWAY = new HubArea(new GeoPoint(53.48, -2.24), List.of(new GeoPoint(53.47, -2.25),
            new GeoPoint(53.47, -2.23), new GeoPoint(53.49, -2.23)));

    final MapLayout layout = new MapLayout(TREDEGAR, 1, 1);

    @Test
    void theHubsAreaWithItsMarginFillsTheMapNorthUpAndKmAreKmBothWays() {
        MapView map = layout.view(Map.of(), List.of(), List.of(), 0);
        // 4.0 km north-south + 2 km margin; 2.7 km east-west + 2 km margin: the taller side gets 480 units.
        assertThat(map.height()).isEqualTo(480);
        assertThat(map.width()).isBetween(370, 380);
        assertThat(map.unitsPerKm()).isCloseTo(480 / 6.01, within(0.2));
        // The outline sits one margin (1 km) in from every edge; the first corner is the south-west one.
        String[] southWest = map.outline().split(" ")[0].split(",");
        assertThat(Double.parseDouble(southWest[0])).isCloseTo(map.unitsPerKm(), within(1.0));
        assertThat(Double.parseDouble(southWest[1])).isCloseTo(480 - map.unitsPerKm(), within(1.0));
        assertThat(map.centreX()).isCloseTo(map.width() / 2.0, within(1.0));
        assertThat(map.centreY()).isCloseTo(map.height() / 2.0, within(1.0));
        assertThat(map.cells()).isEmpty();
    }

    @Test
    void pointsAreCountedPerCellWithTheBalanceOfWaitingRequestsAndFreeVolunteers() {
        List<Point> requests = List.of(new Point(51.773, -3.247, 2, 1), new Point(51.772, -3.246, 1, 1),
                new Point(51.785, -3.235, 1, 1), new Point(51.760, -3.260, 1, 0), new Point(51.95, -3.0, 3, 3));
        List<Point> volunteers = List.of(new Point(51.773, -3.247, 3, 2), new Point(51.760, -3.260, 1, 1),
                new Point(52.2, -3.2, 4, 4));
        MapView map = layout.view(Map.of(), requests, volunteers, 7);

        assertThat(map.cells()).extracting(MapCell::open, MapCell::waiting, MapCell::volunteers, MapCell::free, MapCell::balance)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 1L, 0L, 0L, "short"),    // 51.785: north first
                        org.assertj.core.groups.Tuple.tuple(3L, 2L, 3L, 2L, "covered"),  // 51.773 and 51.772: one cell
                        org.assertj.core.groups.Tuple.tuple(1L, 0L, 1L, 1L, "quiet"));   // 51.760: none waiting
        assertThat(map.openWithoutLocation()).isEqualTo(7);
        assertThat(map.openOffMap()).isEqualTo(3);
        assertThat(map.volunteersOffMap()).isEqualTo(4);
        for (MapCell cell : map.cells()) {
            assertThat(cell.x()).isBetween(0.0, (double) map.width());
            assertThat(cell.y()).isBetween(0.0, (double) map.height());
            assertThat(cell.x() + cell.w()).isLessThanOrEqualTo(map.width() + 0.1);
            assertThat(cell.y() + cell.h()).isLessThanOrEqualTo(map.height() + 0.1);
            assertThat(cell.cx()).isCloseTo(cell.x() + cell.w() / 2, within(0.1));
        }
        // A whole cell is about 1 km square on the map.
        MapCell middle = map.cells().get(1);
        assertThat(middle.w()).isCloseTo(map.unitsPerKm(), within(1.0));
        assertThat(middle.h()).isCloseTo(map.unitsPerKm(), within(1.0));
        // Its place is the cell's centre, within half a cell (0.0045° north-south, 0.0073° east-west) of both points.
        String[] place = middle.place().split(", ");
        for (double[] p : new double[][] {{51.773, -3.247}, {51.772, -3.246}}) {
            assertThat(Double.parseDouble(place[0])).isCloseTo(p[0], within(0.0046));
            assertThat(Double.parseDouble(place[1])).isCloseTo(p[1], within(0.0074));
        }
    }

    @Test
    void cellsStayPutWhenOtherDataChanges() {
        MapCell alone = layout.view(Map.of(), List.of(new Point(51.773, -3.247, 1, 1)), List.of(), 0).cells().get(0);
        MapCell withOthers = layout.view(Map.of(), List.of(new Point(51.773, -3.247, 1, 1), new Point(51.785, -3.235, 5, 5),
                new Point(51.95, -3.0, 1, 1)), List.of(), 0).cells().get(1);
        assertThat(withOthers).isEqualTo(alone);
    }

    @Test
    void neighboursThatReachIntoTheMapAreOutlinedAndOthersLeftOut() {
        MapView map = layout.view(Map.of("Ebbw Vale Mutual Aid", EBBW_VALE, "Far away", FAR_AWAY, "Itself", TREDEGAR),
                List.of(), List.of(), 0);
        assertThat(map.neighbours()).extracting(n -> n.name()).containsExactly("Ebbw Vale Mutual Aid");
        // Ebbw Vale lies east and reaches into the map as a narrow strip: its name goes upright, inside the map.
        assertThat(map.neighbours().get(0).labelX()).isGreaterThan(map.centreX()).isLessThan(map.width());
        assertThat(map.neighbours().get(0).vertical()).isTrue();
        assertThat(map.neighbours().get(0).outline().split(" ")).hasSize(4);
    }
}
