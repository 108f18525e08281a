package org.tredegar.dashboard.domain;

/**
 * A count fit for a public page, after small-number suppression: a count below the threshold (zero included, so
 * that "none" and "one" cannot be told apart) keeps only that it is below it ({@code value} null), so no person
 * can be picked out of a public cell.
 */
public record PublicCount(Long value, int threshold) {
    public static PublicCount of(long count, int threshold) {
        return new PublicCount(count < threshold ? null : count, threshold);
    }

    public boolean suppressed() {
        return value == null;
    }
}
