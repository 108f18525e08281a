package org.tredegar.sandbox.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Message ids in the provider's shape: "SM" and 32 lowercase hex digits, random so they never repeat across runs. */
public final class MessageSids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageSids() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }
}
