-- How far this service has read Keycloak's admin events into its hubs' audit chains (KeycloakRoleChangeImporter).
-- One row; the events at exactly last_time that were already recorded are remembered by id, because Keycloak's
-- dateFrom is inclusive.
CREATE TABLE keycloak_admin_events_cursor (
    id          INT    PRIMARY KEY CHECK (id = 1),
    last_time   BIGINT NOT NULL,
    ids_at_last TEXT   NOT NULL DEFAULT ''
);
