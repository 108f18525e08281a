package org.tredegar.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct SQL on one service's real database, for assertions the API does not show (and must not need to). Values
 * are always bound parameters ({@code ?}), never spliced into the text. One per database:
 * {@code static final Db DB = Db.of("requests");}
 */
public final class Db {
    private final String database;

    private Db(String database) {
        this.database = database;
    }

    public static Db of(String database) {
        return new Db(database);
    }

    public Connection connect() throws SQLException {
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        pg.createDatabase(database);
        return DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
    }

    /** Every row, as column name → value in select order. */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public Object value(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** A {@code SELECT count(*) ...} (or any single number). */
    public long count(String sql, Object... params) {
        Object value = value(sql, params);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("not a number from: " + sql);
        }
        return number.longValue();
    }

    /** An INSERT, UPDATE or DELETE; the number of rows it touched. */
    public int update(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
