package org.tredegar.sandbox.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.sandbox.config.SandboxConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The provider's API login: HTTP Basic with the account sid as user and the auth token as password, and the path's
 * account must be that same account. Refused the provider's way (401, error 20003; 404, error 20404), so the
 * platform's adapter meets here what it would meet in production with a wrong token.
 */
@ApplicationScoped
public class AccountAuth {
    static final int AUTHENTICATE = 20003;
    static final int NOT_FOUND = 20404;

    @Inject
    SandboxConfig config;

    public void check(String pathAccountSid, String authorization, String path) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ProviderError(401, AUTHENTICATE, "Authenticate");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new ProviderError(401, AUTHENTICATE, "Authenticate");
        }
        int colon = credentials.indexOf(':');
        String user = colon < 0 ? credentials : credentials.substring(0, colon);
        String password = colon < 0 ? "" : credentials.substring(colon + 1);
        // Both compared in full, in constant time: the answer's timing says nothing about how much was right.
        boolean userMatches = same(user, config.accountSid());
        boolean passwordMatches = same(password, config.authToken());
        if (!(userMatches & passwordMatches)) {
            throw new ProviderError(401, AUTHENTICATE, "Authentication Error - invalid username or password");
        }
        if (!config.accountSid().equals(pathAccountSid)) {
            throw new ProviderError(404, NOT_FOUND, "The requested resource " + path + " was not found");
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
