/**
 * The customer master: companies and persons, their contacts and the interaction log (calls,
 * visits, e-mails, meetings, notes), shared by sales and service ("enter once, use
 * everywhere"). {@link dev.lodestar.customer.CustomerService} is the module's API: search,
 * matching of a new lead or caller against existing customers, create-or-link, merge, the
 * interaction log and the 360° view. Modules that own customer-related cases (leads,
 * complaints) add their sections to the 360° view by implementing
 * {@link dev.lodestar.customer.CustomerViewContributor}, so this module depends on none of them;
 * they follow merges by listening for {@link dev.lodestar.customer.CustomersMerged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package dev.lodestar.customer;
