/**
 * The knowledge base: articles with title, body, tags and category, written as drafts (by
 * service agents, or proposed from a resolved complaint) and published by a service manager;
 * full-text search over title and body. {@link dev.lodestar.knowledge.KnowledgeBase} is the
 * module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
package dev.lodestar.knowledge;
