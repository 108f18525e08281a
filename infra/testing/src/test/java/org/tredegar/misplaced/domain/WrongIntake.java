package org.tredegar.misplaced.domain;

import org.tredegar.misplaced.api.HelpRequestBody;
import org.tredegar.neighbour.NeighbourRecord;

import java.sql.Connection;
import java.sql.SQLException;

/** Deliberately misplaced: a domain class that takes an API type, writes SQL and reaches into another service. */
public class WrongIntake {
    public void accept(HelpRequestBody body, Connection connection, NeighbourRecord neighbour) throws SQLException {
        connection.createStatement().execute("INSERT INTO help_requests (details) VALUES ('" + body.details() + "')");
    }
}
