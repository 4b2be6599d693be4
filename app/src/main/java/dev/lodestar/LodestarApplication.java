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

	static {
		// Camunda resolves every timer's duration through DatatypeFactory.newInstance(), which
		// without this property searches the class path for a provider each time: a look into
		// the jar on every lead captured (README, Benchmarks). Naming the JDK's own factory, the
		// one that search ends with anyway, skips it.
		if (System.getProperty(javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
			System.setProperty(javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY,
					javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
		}
	}

	public static void main(String[] args) {
		SpringApplication.run(LodestarApplication.class, args);
	}

}
