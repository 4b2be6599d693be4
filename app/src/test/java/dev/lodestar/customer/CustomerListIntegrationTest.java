package dev.lodestar.customer;

import dev.lodestar.LodestarIntegrationTest;

/** The customer list at volume on H2 (its search scans; PostgreSQL's uses an index). */
@LodestarIntegrationTest
class CustomerListIntegrationTest extends CustomerListContract {
}
