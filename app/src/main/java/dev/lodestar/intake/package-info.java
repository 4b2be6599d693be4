/**
 * Call-centre intake ({@code /intake}): one screen for a ringing phone. The agent types the
 * caller's phone number or e-mail once, sees who it is in the customer master (or has the
 * customer created), and records a complaint or a lead in the same screen through the owning
 * modules' APIs ({@link dev.lodestar.complaint.ComplaintService#register},
 * {@link dev.lodestar.lead.LeadCapture#capture}); the case's first task shows at once. This
 * module owns no data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Call-centre intake")
package dev.lodestar.intake;
