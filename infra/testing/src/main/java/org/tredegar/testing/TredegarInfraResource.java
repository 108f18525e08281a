package org.tredegar.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands the app under test the real PostgreSQL and Kafka of this test JVM. Use with
 * {@code @QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))}.
 */
public class TredegarInfraResource implements QuarkusTestResourceLifecycleManager {
    private String database = "tredegar";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        pg.createDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.datasource.reactive.url", pg.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("quarkus.datasource.username", pg.user());
        config.put("quarkus.datasource.password", pg.password());
        config.put("kafka.bootstrap.servers", SharedInfra.kafkaBootstrap());
        return config;
    }

    @Override
    public void stop() {
        // Reused by the next test class in this JVM; SharedInfra stops both when the JVM ends.
    }
}
