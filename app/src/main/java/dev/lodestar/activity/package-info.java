/**
 * Activities: the calls, meetings and to-dos a sales rep or a service agent plans on a lead, a
 * customer or a complaint, each with a due time, for herself or (a manager) for a member of her
 * team. They show on the case's page and in My work; marking one done writes an interaction on
 * the customer's timeline ({@link dev.lodestar.activity.ActivityCompleted}, heard by the customer
 * module). Who may see or plan on a case is the case's own rule: each module owning a kind of
 * case implements {@link dev.lodestar.activity.ActivityCase}; a low module that knows none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities")
package dev.lodestar.activity;
