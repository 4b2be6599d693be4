package dev.lodestar.worklist;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How My work behaves.
 *
 * @param assignment the assignment strategy per role id ({@code lodestar.worklist.assignment.sales-rep=round-robin});
 *        a role not named here works as a pool (its members claim from the queue)
 * @param managedRoles per manager role, the roles whose work its members may see in the workload
 *        view and reassign
 * @param dueSoon how far ahead "due soon" looks
 * @param pageSize rows per page of the task list
 * @param customerVariable the process variable that holds the customer's name (shown in each row,
 *        searched by the customer filter)
 */
@ConfigurationProperties("lodestar.worklist")
record WorklistSettings(Map<String, AssignmentStrategy> assignment, Map<String, List<String>> managedRoles,
		@DefaultValue("PT24H") Duration dueSoon, @DefaultValue("25") int pageSize,
		@DefaultValue("customerName") String customerVariable) {

	WorklistSettings {
		assignment = assignment == null ? Map.of() : Map.copyOf(assignment);
		managedRoles = managedRoles == null
				? Map.of("sales-manager", List.of("sales-rep"), "service-manager", List.of("service-agent"))
				: Map.copyOf(managedRoles);
	}

	AssignmentStrategy strategyOf(String role) {
		return assignment.getOrDefault(role, AssignmentStrategy.POOL);
	}

}
