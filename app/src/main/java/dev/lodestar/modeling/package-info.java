/**
 * Process models and the process owners' workspace. The BPMN, DMN and form files under
 * {@code processes/} and {@code forms/} are the source of truth, deployed at start-up with
 * stable resource names and only when a file itself changed; process owners also edit, check,
 * deploy, compare and migrate models in the browser ({@code /models}), and every deployment,
 * from the files or the browser, goes through {@link dev.lodestar.modeling.ModelService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Modeling")
package dev.lodestar.modeling;
