/**
 * Process models: the BPMN, DMN and form files under {@code processes/} and {@code forms/}
 * are the single source of truth, deployed to the engine at start-up with stable resource
 * names and only when they changed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Modeling")
package dev.lodestar.modeling;
