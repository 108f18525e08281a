package org.tredegar.sandbox.store;

/**
 * Which way a text went, in the two vocabularies the sandbox speaks: its own API's "in"/"out" (seen from the
 * platform) and the provider's {@code direction} field.
 */
public enum Direction {
    /** A phone texted a hub number; delivered to the platform's inbound webhook. */
    INBOUND("in", "inbound"),
    /** The platform sent it through the Messages API. */
    OUTBOUND_API("out", "outbound-api"),
    /** The platform answered an incoming text with TwiML; the provider sends that reply. */
    OUTBOUND_REPLY("out", "outbound-reply");

    private final String apiName;
    private final String providerName;

    Direction(String apiName, String providerName) {
        this.apiName = apiName;
        this.providerName = providerName;
    }

    public String apiName() {
        return apiName;
    }

    public String providerName() {
        return providerName;
    }

    public boolean incoming() {
        return this == INBOUND;
    }
}
