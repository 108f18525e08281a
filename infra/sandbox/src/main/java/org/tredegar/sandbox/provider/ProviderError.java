package org.tredegar.sandbox.provider;

/** An error the provider answers with its own code (21211, 20003, ...); mapped to its JSON error body. */
public class ProviderError extends RuntimeException {
    private final int code;
    private final int status;

    public ProviderError(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ProviderError badRequest(int code, String message) {
        return new ProviderError(400, code, message);
    }

    public int code() {
        return code;
    }

    public int status() {
        return status;
    }
}
