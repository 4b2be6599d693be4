package dev.lodestar.modeling;

import java.util.List;

/**
 * Published once the start-up deployment is done, so modules that create demo cases or
 * timers can rely on every process definition being in place.
 *
 * @param deploymentId the new deployment, or {@code null} when nothing had changed
 * @param resourceNames every resource that was found, changed or not
 */
public record ProcessModelsDeployed(String deploymentId, List<String> resourceNames) {
}
