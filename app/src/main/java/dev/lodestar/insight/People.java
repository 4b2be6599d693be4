package dev.lodestar.insight;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import dev.lodestar.access.Roles;

/**
 * The people whose adoption the cockpit measures: members of the business roles, each with
 * their roles and department. The department is the Camunda user info {@code department}
 * (the demo's staff carry it); without it, it follows from the role.
 */
@Component
class People {

	static final String DEPARTMENT_INFO = "department";

	/** The roles whose members are expected to work in Lodestar every week. */
	static final List<String> BUSINESS_ROLES = List.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SERVICE_AGENT,
			Roles.SERVICE_MANAGER, Roles.EXECUTIVE, Roles.PROJECT_TEAM, Roles.TRAINER);

	static final List<String> DEPARTMENTS = List.of("sales", "service", "operations", "management");

	private final IdentityService identity;

	People(IdentityService identity) {
		this.identity = identity;
	}

	/** Every member of a business role, by user id, in a stable order. */
	Map<String, Person> members() {
		var byId = new LinkedHashMap<String, Set<String>>();
		for (String role : BUSINESS_ROLES) {
			for (User u : identity.createUserQuery().memberOfGroup(role).orderByUserId().asc().list()) {
				byId.computeIfAbsent(u.getId(), k -> new LinkedHashSet<>()).add(role);
			}
		}
		var people = new LinkedHashMap<String, Person>();
		byId.forEach((id, roles) -> people.put(id, new Person(id, List.copyOf(roles), department(id, roles))));
		return people;
	}

	private String department(String userId, Set<String> roles) {
		String info = identity.getUserInfo(userId, DEPARTMENT_INFO);
		if (info != null && !info.isBlank()) {
			return info;
		}
		if (roles.contains(Roles.SALES_REP) || roles.contains(Roles.SALES_MANAGER)) {
			return "sales";
		}
		if (roles.contains(Roles.SERVICE_AGENT) || roles.contains(Roles.SERVICE_MANAGER)) {
			return "service";
		}
		if (roles.contains(Roles.EXECUTIVE)) {
			return "management";
		}
		return "operations";
	}

	record Person(String id, List<String> roles, String department) {
	}

}
