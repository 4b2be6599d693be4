/**
 * The CRM rollout, run by the engine: the programme ({@code crm-rollout}) with its phases and
 * their planned and actual time, quality and cost; the stakeholder register with ADKAR
 * assessments, barrier points and the communication plan ({@code stakeholder-assessment});
 * training waves with sessions, invitations and records ({@code training-wave}); the go-live
 * gate and the trial run's issue log. Its public API is {@link dev.lodestar.rollout.TrainingProgress},
 * which the insight module reads for the training KPIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CRM rollout")
package dev.lodestar.rollout;
