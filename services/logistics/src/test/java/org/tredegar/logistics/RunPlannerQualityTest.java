package org.tredegar.logistics;

import org.junit.jupiter.api.Test;
import org.tredegar.logistics.domain.RunPlanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How good jsprit's stop order is: on small random days (3 to 8 stops around a pickup point, ~3 km radius) its
 * open-path length against the exact optimum found by trying every order. The numbers go in the README.
 */
class RunPlannerQualityTest {
    static final double DEPOT_LAT = 51.7727;
    static final double DEPOT_LON = -3.2467;
    static final RunPlanner.Settings ONE_RUN = new RunPlanner.Settings(8, 1000.0, 400);

    @Test
    void stopOrderIsWithinOnePercentOfTheOptimumOnSmallDays() {
        Random random = new Random(7);
        List<Double> gaps = new ArrayList<>();
        int optimal = 0;
        for (int n = 3; n <= 8; n++) {
            for (int instance = 0; instance < 10; instance++) {
                List<RunPlanner.Stop> stops = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    stops.add(new RunPlanner.Stop("s" + i, DEPOT_LAT + (random.nextDouble() - 0.5) * 0.055,
                            DEPOT_LON + (random.nextDouble() - 0.5) * 0.09));
                }
                List<RunPlanner.Run> runs = RunPlanner.plan(DEPOT_LAT, DEPOT_LON, stops, ONE_RUN);
                assertThat(runs).hasSize(1);
                assertThat(runs.get(0).stops()).containsExactlyInAnyOrderElementsOf(stops);
                double best = bruteForce(stops);
                double gap = runs.get(0).km() / best - 1;
                gaps.add(gap);
                if (gap < 1e-9) {
                    optimal++;
                }
            }
        }
        double mean = gaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double max = gaps.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        System.out.printf("jsprit vs optimum on %d days of 3-8 stops: optimal %d, mean gap %.3f%%, max gap %.3f%%%n",
                gaps.size(), optimal, mean * 100, max * 100);
        assertThat(gaps).allMatch(g -> g > -1e-9, "never shorter than the optimum (sanity of the brute force)");
        assertThat(mean).isLessThan(0.01);
        assertThat(max).isLessThan(0.05);
    }

    @Test
    void runsRespectTheStopLimitAndCoverEveryStopOnce() {
        Random random = new Random(11);
        List<RunPlanner.Stop> stops = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            stops.add(new RunPlanner.Stop("d" + i, DEPOT_LAT + (random.nextDouble() - 0.5) * 0.06,
                    DEPOT_LON + (random.nextDouble() - 0.5) * 0.1));
        }
        List<RunPlanner.Run> runs = RunPlanner.plan(DEPOT_LAT, DEPOT_LON, stops, new RunPlanner.Settings(6, 3.0, 400));
        assertThat(runs).allMatch(r -> r.stops().size() <= 6);
        assertThat(runs.size()).isGreaterThanOrEqualTo(4);
        assertThat(runs.stream().flatMap(r -> r.stops().stream()).map(RunPlanner.Stop::id).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(stops.stream().map(RunPlanner.Stop::id).toList());
        // Same input in another order: the same plan (fixed seed, sorted jobs).
        List<RunPlanner.Stop> shuffled = new ArrayList<>(stops);
        java.util.Collections.shuffle(shuffled, new Random(3));
        assertThat(RunPlanner.plan(DEPOT_LAT, DEPOT_LON, shuffled, new RunPlanner.Settings(6, 3.0, 400))).isEqualTo(runs);
    }

    static double bruteForce(List<RunPlanner.Stop> stops) {
        return permute(new ArrayList<>(stops), 0, Double.MAX_VALUE);
    }

    private static double permute(List<RunPlanner.Stop> stops, int k, double best) {
        if (k == stops.size()) {
            return Math.min(best, RunPlanner.pathKm(DEPOT_LAT, DEPOT_LON, stops));
        }
        for (int i = k; i < stops.size(); i++) {
            java.util.Collections.swap(stops, k, i);
            best = permute(stops, k + 1, best);
            java.util.Collections.swap(stops, k, i);
        }
        return best;
    }
}
