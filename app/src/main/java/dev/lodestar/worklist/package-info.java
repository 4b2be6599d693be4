/**
 * My work: the role-based task list, the task page with the case beside the form, assignment
 * by role and the managers' workload view. Other modules describe their cases to it by
 * implementing {@link dev.lodestar.worklist.CaseContextProvider}, and add their stage rules to a
 * task's completion by implementing {@link dev.lodestar.worklist.CompletionRule}, and add their own sections to My work
 * (planned activities) by implementing {@link dev.lodestar.worklist.WorkSection}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "My work")
package dev.lodestar.worklist;
