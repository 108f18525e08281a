package org.tredegar.dashboard.domain;

/**
 * Small-number suppression for public figures: a count below the threshold (zero included, so that "none" and
 * "one" cannot be told apart) is shown as "&lt;5", so no person can be picked out of a public cell.
 */
public final class SmallNumbers {
    private SmallNumbers() {
    }

    /** The count itself, or the string "&lt;threshold". */
    public static Object cell(long count, int threshold) {
        return count < threshold ? "<" + threshold : (Object) count;
    }
}
