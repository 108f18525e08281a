package org.tredegar.platform.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Limits on what a JSON body may be: shallow nesting and bounded strings, so a hostile body cannot exhaust memory or
 * stack before validation even runs. (Body size is capped by quarkus.http.limits.max-body-size.)
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(65_536)
                .maxNumberLength(64)
                .build());
    }
}
