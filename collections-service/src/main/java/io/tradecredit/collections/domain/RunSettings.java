package io.tradecredit.collections.domain;

/**
 * A tenant's run settings: how its run counts and judges steps ({@link DunningRunPolicy}) and
 * whether the run only drafts messages for a collector to approve (approval mode, off unless the
 * tenant turns it on). {@link #DEFAULT} is the one place the approval default lives.
 */
public record RunSettings(DunningRunPolicy run, boolean approvalMode) {
    /** {@link DunningRunPolicy#DEFAULT}, approval mode off: the run sends what is due. */
    public static final RunSettings DEFAULT = new RunSettings(DunningRunPolicy.DEFAULT, false);
}
