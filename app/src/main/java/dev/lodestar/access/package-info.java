/**
 * Who may do what. The roles of ARCHITECTURE.md ("Fixed names") as Camunda groups and the Camunda
 * authorizations seeded for each of them (the demo users belong to the demo module). Users and
 * groups live in Camunda's identity service, so the Camunda web apps and Lodestar share one user
 * store.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package dev.lodestar.access;
