package org.tredegar.neighbour;

/** A class of a pretend second service. */
public record NeighbourRecord(String id) {
}
