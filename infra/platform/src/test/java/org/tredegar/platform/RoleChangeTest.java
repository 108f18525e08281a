package org.tredegar.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tredegar.platform.audit.RoleChange;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak admin events, in the shape Keycloak 26 returns them, read as role changes (or as nothing). */
class RoleChangeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER = "5b1e7a40-8c2d-4f3e-9a61-2d0c7b9e4f18";
    static final String ADMIN = "0e7d2c91-3b4a-4f58-8d6e-1a2b3c4d5e6f";

    static JsonNode event(String resourceType, String operation, String path, String representation) throws Exception {
        var node = JSON.createObjectNode()
                .put("id", "ev-1").put("time", 1763900000000L).put("realmId", "r")
                .put("operationType", operation).put("resourceType", resourceType).put("resourcePath", path);
        node.putObject("authDetails").put("realmId", "master").put("clientId", "security-admin-console").put("userId", ADMIN);
        if (representation != null) {
            node.put("representation", representation);
        }
        return node;
    }

    @Test
    void aRealmRoleGrantedNamesTheRolesTheUserAndWhoDidIt() throws Exception {
        Optional<RoleChange> change = RoleChange.from(event("REALM_ROLE_MAPPING", "CREATE",
                "users/" + USER + "/role-mappings/realm", "[{\"id\":\"x\",\"name\":\"coordinator\"},{\"id\":\"y\",\"name\":\"partner\"}]"));

        assertThat(change).get().satisfies(c -> {
            assertThat(c.action()).isEqualTo("role.granted");
            assertThat(c.userId()).isEqualTo(USER);
            assertThat(c.actor()).isEqualTo(ADMIN);
            assertThat(c.detail()).isEqualTo("roles=coordinator,partner");
            assertThat(c.eventId()).isEqualTo("ev-1");
            assertThat(c.time()).isEqualTo(1763900000000L);
        });
    }

    @Test
    void aClientRoleRevokedIsARevocation() throws Exception {
        assertThat(RoleChange.from(event("CLIENT_ROLE_MAPPING", "DELETE",
                "users/" + USER + "/role-mappings/clients/abc", "[{\"name\":\"manage-users\"}]")))
                .get().extracting(RoleChange::action, RoleChange::detail).containsExactly("role.revoked", "roles=manage-users");
    }

    @Test
    void groupMembershipIsRecordedWithTheGroupPath() throws Exception {
        assertThat(RoleChange.from(event("GROUP_MEMBERSHIP", "CREATE",
                "users/" + USER + "/groups/g1", "{\"id\":\"g1\",\"name\":\"coordinators\",\"path\":\"/tredegar/coordinators\"}")))
                .get().extracting(RoleChange::action, RoleChange::detail).containsExactly("group.joined", "group=/tredegar/coordinators");
    }

    @Test
    void rewritingTheHubsAttributeIsRecordedButOtherProfileEditsAreNot() throws Exception {
        assertThat(RoleChange.from(event("USER", "UPDATE", "users/" + USER,
                "{\"username\":\"x\",\"attributes\":{\"hubs\":[\"tredegar\",\"ebbw-vale\"]}}")))
                .get().extracting(RoleChange::action, RoleChange::detail).containsExactly("hubs.set", "hubs=tredegar,ebbw-vale");
        assertThat(RoleChange.from(event("USER", "UPDATE", "users/" + USER, "{\"firstName\":\"Nye\"}"))).isEmpty();
    }

    @Test
    void nothingElseIsARoleChange() throws Exception {
        assertThat(RoleChange.from(event("CLIENT", "UPDATE", "clients/abc", "{}"))).isEmpty();
        assertThat(RoleChange.from(event("USER", "ACTION", "users/" + USER + "/reset-password", null))).isEmpty();
        assertThat(RoleChange.from(event("REALM_ROLE_MAPPING", "UPDATE", "users/" + USER + "/role-mappings/realm", "[]"))).isEmpty();
    }

    @Test
    void theRepresentationNeverLeaksIntoTheDetailBeyondRoleAndGroupNames() throws Exception {
        RoleChange change = RoleChange.from(event("REALM_ROLE_MAPPING", "CREATE", "users/" + USER + "/role-mappings/realm",
                "[{\"name\":\"volunteer\",\"description\":\"call +44 7700 900123\"}]")).orElseThrow();
        assertThat(change.detail()).isEqualTo("roles=volunteer");
    }
}
