package dev.lodestar.worklist;

import java.util.List;

/** One page of My work; {@code hasMore} says whether a next page exists. */
public record TaskPage(List<TaskRow> items, int page, int size, boolean hasMore) {
}
