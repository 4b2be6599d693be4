package dev.lodestar.activity;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.lodestar.system.FormValues;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ListPage;
import dev.lodestar.worklist.Caller;
import dev.lodestar.worklist.WorkSection;

/**
 * "My activities" in My work: the person's open activities, overdue first (by due time), ten to a
 * page ({@code activityPage} in the address): one query for the rows and one for the count.
 */
@Component
class ActivityWorkSection implements WorkSection {

	static final String PAGE = "activityPage";

	static final int SIZE = 10;

	private final ActivityService activities;

	ActivityWorkSection(ActivityService activities) {
		this.activities = activities;
	}

	@Override
	public String template() {
		return "fragments/activities";
	}

	@Override
	public Object data(Caller caller, Map<String, String> parameters) {
		if (ActivityService.PLANNING_ROLES.stream().noneMatch(caller::hasRole)) {
			return null;
		}
		int page = 1;
		try {
			Integer asked = FormValues.integer(PAGE, parameters.get(PAGE));
			page = asked == null ? 1 : Math.max(1, asked);
		}
		catch (InvalidInputException ex) {
			// an edited address: the first page
		}
		return new MyActivities(activities.mine(caller, ActivityFilter.OPEN, page, SIZE));
	}

	/** What the section draws. */
	record MyActivities(ListPage<ActivityView> page) {
	}

}
