package dev.lodestar.insight;

/** The demo history's seeding ended ({@code DONE} or {@code FAILED}): what waited for it may go on. */
record DemoHistoryFinished(String state) {
}
