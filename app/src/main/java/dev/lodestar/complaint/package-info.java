/**
 * Complaint-to-resolution: complaints from any channel, classified by the
 * {@code complaint-classification} decision, worked through the {@code complaint-to-resolution}
 * process under business-hours service levels, resolved, confirmed by the customer through a
 * single-use link, and turned into knowledge-base articles. {@link dev.lodestar.complaint.ComplaintService}
 * is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package dev.lodestar.complaint;
