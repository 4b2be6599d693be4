package dev.lodestar;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Lodestar's production classes as ArchUnit sees them, imported once per test JVM: every
 * architecture rule reads the same import (an import of the whole code base takes seconds, and
 * a per-test import made the rule classes the slowest unit tests of the suite).
 */
public final class ProductionClasses {

	private ProductionClasses() {
	}

	public static JavaClasses get() {
		return Holder.CLASSES;
	}

	private static final class Holder {

		static final JavaClasses CLASSES = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.lodestar");

	}

}
