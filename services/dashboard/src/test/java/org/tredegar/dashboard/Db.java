package org.tredegar.dashboard;

import org.tredegar.testing.SharedInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.stream.Collectors;

/** Plain JDBC on the dashboard's real database, to see what the consumers wrote. */
final class Db {
    private Db() {
    }

    static long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(SharedInfra.postgres().jdbcUrl("dashboard"), SharedInfra.postgres().user(), SharedInfra.postgres().password());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** How many of these CloudEvent ids the dashboard's inbox has processed. */
    static long processed(Collection<String> ceIds) {
        String in = ceIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        return count("SELECT count(*) FROM processed_events WHERE consumer = 'dashboard' AND event_id IN (" + in + ")");
    }
}
