package org.tredegar.logistics.domain;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import com.graphhopper.jsprit.core.util.VehicleRoutingTransportCostsMatrix;
import org.tredegar.contracts.model.GeoPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Splits one pickup location's stops into runs and orders each run, with jsprit (a ruin-and-recreate vehicle
 * routing search). A run starts at the pickup location and ends at its last stop (volunteers do not return the
 * car to the food bank); each run has at most {@code maxStops} stops; each extra run costs {@code costPerRunKm} so
 * the search prefers fewer, denser runs over many short ones. Distances are great-circle km between the
 * approximate points events carry — good for grouping and ordering, not a road route.
 * <p>
 * Deterministic: a fixed random seed and one thread, so the same day gives the same plan on every call.
 */
public final class RunPlanner {
    private static final String DEPOT = "pickup";
    private static final long SEED = 20251120L;

    private RunPlanner() {
    }

    public record Stop(String id, double lat, double lon) {
    }

    public record Run(List<Stop> stops, double km) {
    }

    public record Settings(int maxStops, double costPerRunKm, int iterations) {
    }

    public static List<Run> plan(double depotLat, double depotLon, List<Stop> stops, Settings settings) {
        if (stops.isEmpty()) {
            return List.of();
        }
        if (stops.size() == 1) {
            return List.of(new Run(stops, pathKm(depotLat, depotLon, stops)));
        }
        Map<String, Stop> byId = stops.stream().collect(Collectors.toMap(Stop::id, Function.identity()));
        VehicleRoutingTransportCostsMatrix.Builder matrix = VehicleRoutingTransportCostsMatrix.Builder.newInstance(true);
        List<String> ids = new ArrayList<>(byId.keySet());
        ids.add(DEPOT);
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                double km = km(ids.get(i), ids.get(j), byId, depotLat, depotLon);
                matrix.addTransportDistance(ids.get(i), ids.get(j), km);
                matrix.addTransportTime(ids.get(i), ids.get(j), km);
            }
        }
        VehicleType run = VehicleTypeImpl.Builder.newInstance("run")
                .addCapacityDimension(0, settings.maxStops())
                .setFixedCost(settings.costPerRunKm())
                .setCostPerDistance(1.0)
                .setCostPerTransportTime(0.0)
                .build();
        VehicleImpl volunteer = VehicleImpl.Builder.newInstance("volunteer")
                .setStartLocation(Location.newInstance(DEPOT))
                .setReturnToDepot(false)
                .setType(run)
                .build();
        VehicleRoutingProblem.Builder problem = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.INFINITE)
                .addVehicle(volunteer)
                .setRoutingCost(matrix.build());
        // Sorted, so that the same stops in any order give the same problem (and, with the fixed seed, the same plan).
        stops.stream().sorted(Comparator.comparing(Stop::id)).forEach(stop -> problem.addJob(Service.Builder.newInstance(stop.id())
                .addSizeDimension(0, 1).setLocation(Location.newInstance(stop.id())).build()));
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem.build())
                .setRandom(new Random(SEED))
                .setProperty(Jsprit.Parameter.THREADS, "1")
                // Insertion must weigh the cost of opening another run, not only the objective at the end.
                .setProperty(Jsprit.Parameter.FIXED_COST_PARAM, "1.0")
                .buildAlgorithm();
        algorithm.setMaxIterations(settings.iterations());
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        if (!best.getUnassignedJobs().isEmpty()) {
            throw new IllegalStateException(best.getUnassignedJobs().size() + " stops left unplanned");
        }
        List<Run> runs = new ArrayList<>();
        for (VehicleRoute route : best.getRoutes()) {
            List<Stop> ordered = route.getActivities().stream()
                    .map(a -> byId.get(((TourActivity.JobActivity) a).getJob().getId())).toList();
            if (!ordered.isEmpty()) {
                runs.add(new Run(ordered, pathKm(depotLat, depotLon, ordered)));
            }
        }
        // Stable output: nearest first stop first.
        runs.sort(Comparator.comparingDouble((Run r) -> GeoPoint.distanceKm(depotLat, depotLon, r.stops().get(0).lat(), r.stops().get(0).lon()))
                .thenComparing(r -> r.stops().get(0).id()));
        return runs;
    }

    /** Length of the open path pickup → stops in the given order. */
    public static double pathKm(double depotLat, double depotLon, List<Stop> ordered) {
        double km = 0;
        double lat = depotLat;
        double lon = depotLon;
        for (Stop stop : ordered) {
            km += GeoPoint.distanceKm(lat, lon, stop.lat(), stop.lon());
            lat = stop.lat();
            lon = stop.lon();
        }
        return km;
    }

    private static double km(String a, String b, Map<String, Stop> byId, double depotLat, double depotLon) {
        double[] pa = DEPOT.equals(a) ? new double[]{depotLat, depotLon} : new double[]{byId.get(a).lat(), byId.get(a).lon()};
        double[] pb = DEPOT.equals(b) ? new double[]{depotLat, depotLon} : new double[]{byId.get(b).lat(), byId.get(b).lon()};
        return GeoPoint.distanceKm(pa[0], pa[1], pb[0], pb[1]);
    }
}
