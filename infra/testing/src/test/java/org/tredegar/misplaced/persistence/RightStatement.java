package org.tredegar.misplaced.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Where SQL belongs: the rules must not flag it. */
public class RightStatement {
    public void insert(Connection connection, String details) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO help_requests (details) VALUES (?)")) {
            s.setString(1, details);
            s.executeUpdate();
        }
    }
}
