package dev.lodestar.customer;

/** A contact to add to a customer; a contact with the same e-mail (or, lacking one, name) is reused. */
public record NewContact(String name, String jobTitle, String email, String phone) {
}
