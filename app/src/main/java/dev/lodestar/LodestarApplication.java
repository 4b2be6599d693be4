package dev.lodestar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Lodestar: a BPM-driven CRM workflow engine. One Spring Boot application with an embedded
 * Camunda 7 engine; every direct sub-package is an application module (Spring Modulith).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LodestarApplication {

	public static void main(String[] args) {
		SpringApplication.run(LodestarApplication.class, args);
	}

}
