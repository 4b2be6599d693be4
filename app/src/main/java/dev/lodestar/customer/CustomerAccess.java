package dev.lodestar.customer;

/**
 * Who may see and change the customer master: customer information is shared across sales
 * and service, and readable by leadership; trainers and the rollout team do not need it.
 */
final class CustomerAccess {

	static final String READ = "hasAnyRole('sales-rep','sales-manager','service-agent','service-manager','executive','camunda-admin')";

	static final String WRITE = "hasAnyRole('sales-rep','sales-manager','service-agent','service-manager')";

	private CustomerAccess() {
	}

}
