package dev.lodestar.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * Start-up creates the Spring Data repositories lazily ({@code bootstrap-mode: lazy}): parsing
 * their queries took seconds before the application could answer. Once it is ready, this
 * creates them all on a background thread, so that the first request does not pay for them
 * either (a request that comes sooner creates the ones it needs itself).
 */
@Component
class RepositoryWarmUp {

	private static final Logger log = LoggerFactory.getLogger(RepositoryWarmUp.class);

	private final ListableBeanFactory beans;

	RepositoryWarmUp(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		var thread = new Thread(this::createAll, "lodestar-repository-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	/** Creates every repository; returns how many there are. */
	int createAll() {
		long started = System.nanoTime();
		String[] names = beans.getBeanNamesForType(Repository.class, false, true);
		for (String name : names) {
			try {
				beans.getBean(name);
			}
			catch (RuntimeException ex) {
				// shutting down, or the repository is broken: the request that needs it will say so
				log.debug("Repository {} not created in advance: {}", name, ex.toString());
			}
		}
		log.info("{} repositories ready in {} ms", names.length, (System.nanoTime() - started) / 1_000_000);
		return names.length;
	}

}
