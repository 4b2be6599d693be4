/**
 * Lead-to-sale: leads from every channel, the opportunities they become, and the
 * {@code lead-to-sale} process that drives them (business key = lead id): de-duplication
 * against the customer master, routing by the {@code lead-routing} decision, BANT
 * qualification, follow-up timers, proposal, discount approval, negotiation, won or lost, and
 * the hand-over of won customers to service. Stage rules live on {@link dev.lodestar.lead.Lead}
 * and {@link dev.lodestar.lead.Opportunity} and hold whichever way a task is completed (this
 * module's API or Camunda Tasklist).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lead to sale")
package dev.lodestar.lead;
