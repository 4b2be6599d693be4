package dev.lodestar.insight;

import java.io.IOException;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Time travel for the demo history, without stamping anybody's real work with a fake time.
 * Camunda's {@link ClockUtil} is global to the JVM, so the demo moves it only inside short
 * bursts ({@link #travel}) that hold a write lock, while every HTTP request holds the read
 * lock: a request waits for the burst in flight (a fraction of a second) and never runs while
 * the clock is moved, and a burst waits for the requests in flight. Outside seeding the filter
 * does nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoClock extends OncePerRequestFilter {

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

	private volatile boolean seeding;

	boolean seeding() {
		return seeding;
	}

	void seeding(boolean on) {
		this.seeding = on;
	}

	/** Runs {@code work} with the engine's clock at {@code at} (work may move it further), then puts it back. */
	<T> T travel(Date at, Supplier<T> work) {
		lock.writeLock().lock();
		try {
			ClockUtil.setCurrentTime(at);
			return work.get();
		}
		finally {
			ClockUtil.reset();
			lock.writeLock().unlock();
		}
	}

	/**
	 * Runs {@code work} while no burst moves the clock (the snapshot job uses it). The lock is
	 * taken even before seeding starts: seeding may begin while the work runs, and its first burst
	 * must wait for it (a snapshot run once read the simulated day as today that way).
	 */
	void outsideBursts(Runnable work) {
		lock.readLock().lock();
		try {
			work.run();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!seeding) {
			chain.doFilter(request, response);
			return;
		}
		boolean locked;
		try {
			locked = lock.readLock().tryLock(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServletException(ex);
		}
		if (!locked) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Demo history is being written; try again");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			lock.readLock().unlock();
		}
	}

}
