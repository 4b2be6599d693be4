package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.lodestar.LodestarApplication;
import dev.lodestar.LodestarIntegrationTest;

@LodestarIntegrationTest
class ProcessModelDeployerIntegrationTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ModelService modelService;

	@Test
	void restartingOnAFileDatabaseKeepsDataAndMakesNoNewVersions(@TempDir Path dataDir) {
		List<String> firstRun;
		try (var app = start(dataDir)) {
			var engine = app.getBean(ProcessEngine.class);
			firstRun = definitions(engine.getRepositoryService());
			assertThat(firstRun).isNotEmpty().allSatisfy(d -> assertThat(d).endsWith(":1"));
			IdentityService identity = engine.getIdentityService();
			var user = identity.newUser("restart-check");
			user.setPassword("restart-check-password");
			identity.saveUser(user);
		}
		try (var app = start(dataDir)) {
			var engine = app.getBean(ProcessEngine.class);
			assertThat(definitions(engine.getRepositoryService())).isEqualTo(firstRun);
			assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
			assertThat(engine.getIdentityService().createUserQuery().userId("restart-check").count()).isEqualTo(1);
		}
	}

	@Test
	void onlyAChangedModelGetsANewVersion(@TempDir Path models) throws Exception {
		Path processes = Files.createDirectories(models.resolve("processes"));
		Files.writeString(processes.resolve("alpha.bpmn"), bpmn("deployer-alpha", "Alpha"));
		Files.writeString(processes.resolve("beta.bpmn"), bpmn("deployer-beta", "Beta"));
		var files = new ModelFiles(new PathMatchingResourcePatternResolver(),
				new ModelingSettings("deployer-test", List.of("file:" + processes + "/*.bpmn"), true));
		var deployer = new ProcessModelDeployer(modelService, files, events);

		var first = deployer.deploy();
		assertThat(first.deploymentId()).isNotNull();
		assertThat(first.resourceNames()).containsExactly("processes/alpha.bpmn", "processes/beta.bpmn");

		assertThat(deployer.deploy().deploymentId()).as("nothing changed, nothing deployed").isNull();

		Files.writeString(processes.resolve("beta.bpmn"), bpmn("deployer-beta", "Beta, revised"));
		var third = deployer.deploy();
		assertThat(third.deploymentId()).isNotNull();
		assertThat(repositoryService.getDeploymentResourceNames(third.deploymentId())).containsExactly("processes/beta.bpmn");
		assertThat(latestVersion("deployer-alpha")).isEqualTo(1);
		assertThat(latestVersion("deployer-beta")).isEqualTo(2);
	}

	private int latestVersion(String key) {
		return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getVersion();
	}

	private static List<String> definitions(RepositoryService repository) {
		return repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey()
			.asc()
			.orderByProcessDefinitionVersion()
			.asc()
			.list()
			.stream()
			.map(ProcessDefinition::getKey)
			.map(key -> key + ":" + repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
			.toList();
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		// command-line arguments outrank the test profile's in-memory database
		return new SpringApplicationBuilder(LodestarApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("lodestar"));
	}

	private static String bpmn(String key, String name) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
				  <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/><bpmn:endEvent id="e"/>
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, name);
	}

}
