/**
 * Cross-cutting set-up shared by every module: problem-details error handling, the
 * exceptions modules throw to mean 404/409, scheduling, OpenAPI and the web shell.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.lodestar.system;
