package dev.lodestar.modeling;

import java.util.List;

/** The findings of a check; deployable when there is no error. */
public record CheckReport(boolean deployable, List<Finding> findings) {

	static CheckReport of(List<Finding> findings) {
		return new CheckReport(findings.stream().noneMatch(Finding::isError), List.copyOf(findings));
	}

}
