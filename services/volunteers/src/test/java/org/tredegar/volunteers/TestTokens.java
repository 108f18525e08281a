package org.tredegar.volunteers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real signed bearer tokens for tests, shaped like Keycloak's (sub, preferred_username, realm_access.roles, hubs),
 * so one test can act as many volunteers. The key pair is made per test run; the private key is handed to the
 * test code through a system property, the only thing the resource's and the tests' class loaders share.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {
    private static final String PRIVATE_KEY_PROPERTY = "tredegar.test.token-private-key";

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty(PRIVATE_KEY_PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            return Map.of("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }

    public static String volunteer(UUID subject, String... hubs) {
        return token(subject, "volunteer-" + subject, List.of("volunteer"), hubs);
    }

    public static String coordinator(String... hubs) {
        return token(UUID.randomUUID(), "coordinator." + String.join("-", hubs), List.of("coordinator"), hubs);
    }

    /** A service's client-credentials token (role service, no hubs), as the notifications service has. */
    public static String service(String clientId) {
        return Jwt.subject(UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .claim("azp", clientId)
                .claim("realm_access", Map.of("roles", List.of("service")))
                .expiresIn(3600)
                .sign(privateKey());
    }

    public static String token(UUID subject, String username, List<String> roles, String... hubs) {
        return Jwt.subject(subject.toString())
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles))
                .claim("hubs", List.of(hubs))
                .expiresIn(3600)
                .sign(privateKey());
    }

    private static PrivateKey privateKey() {
        String encoded = System.getProperty(PRIVATE_KEY_PROPERTY);
        if (encoded == null) {
            throw new IllegalStateException("TestTokens has not started: add it as a @QuarkusTestResource");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
