package dev.lodestar.knowledge;

import dev.lodestar.LodestarIntegrationTest;

/** The knowledge list on H2: ranked with LIKE over the term table. */
@LodestarIntegrationTest
class KnowledgeListIntegrationTest extends KnowledgeListContract {
}
