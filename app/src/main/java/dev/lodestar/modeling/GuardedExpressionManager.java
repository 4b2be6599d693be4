package dev.lodestar.modeling;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * The engine's expressions, held to the allow-list at run time, so that a model deployed before
 * the deployment check, or by a path nobody thought of, gains nothing: names resolve to
 * variables and the beans open to processes only (not {@code identityService}, not
 * {@code processEngine}); a method is called only when {@link ProcessApis} allows it on that
 * object ({@code execution.getVariable('x')}, an annotated method of a bean) — never
 * {@code execution.getProcessEngineServices()}, {@code getClass()} or reflection. Collections,
 * maps and arrays are read-only.
 *
 * <p>Replaces Camunda's {@code SpringExpressionManager}, whose resolver reaches every bean of
 * the application and every public method of every object.
 */
class GuardedExpressionManager extends JuelExpressionManager {

	private final ProcessApis apis;

	private final boolean beans;

	GuardedExpressionManager(ProcessApis apis) {
		this(apis, true);
	}

	/**
	 * With {@code beans} false, the replay's manager ({@link ModelReplay}): the same allow-list,
	 * and no bean at all — a replay reads a case's recorded variables and calls nothing of today's
	 * application (a bean's method may change data, and its answer today is not the case's).
	 */
	GuardedExpressionManager(ProcessApis apis, boolean beans) {
		super(null);
		this.apis = apis;
		this.beans = beans;
	}

	@Override
	protected ELResolver createElResolver() {
		var resolver = new CompositeELResolver();
		resolver.add(new VariableScopeElResolver());
		resolver.add(new VariableContextElResolver());
		resolver.add(beans ? new OpenBeans(apis) : new NoBeans(apis));
		resolver.add(new ArrayELResolver(true));
		resolver.add(new ListELResolver(true));
		resolver.add(new MapELResolver(true));
		resolver.add(new AllowedCalls());
		return resolver;
	}

	/** Resolves a name to a bean open to processes; every other bean stays unknown to models. */
	static final class OpenBeans extends ELResolver {

		private final ProcessApis apis;

		OpenBeans(ProcessApis apis) {
			this.apis = apis;
		}

		@Override
		public Object getValue(ELContext context, Object base, Object property) {
			if (base == null && property != null && apis.isOpen(property.toString())) {
				context.setPropertyResolved(true);
				return apis.bean(property.toString());
			}
			return null;
		}

		@Override
		public Class<?> getType(ELContext context, Object base, Object property) {
			return null;
		}

		@Override
		public void setValue(ELContext context, Object base, Object property, Object value) {
			if (base == null && property != null && apis.isOpen(property.toString())) {
				throw new PropertyNotWritableException("A model cannot replace the bean " + property);
			}
		}

		@Override
		public boolean isReadOnly(ELContext context, Object base, Object property) {
			return true;
		}

		@Override
		public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
			return null;
		}

		@Override
		public Class<?> getCommonPropertyType(ELContext context, Object base) {
			return base == null ? String.class : null;
		}

	}

	/** The replay's resolver for names of beans: it names the bean and refuses it. */
	static final class NoBeans extends ELResolver {

		private final ProcessApis apis;

		NoBeans(ProcessApis apis) {
			this.apis = apis;
		}

		@Override
		public Object getValue(ELContext context, Object base, Object property) {
			if (base == null && property != null && apis.isOpen(property.toString())) {
				throw new PropertyNotFoundException("calls " + property
						+ ", and a replay reads the case's recorded variables only, it calls no bean");
			}
			return null;
		}

		@Override
		public Class<?> getType(ELContext context, Object base, Object property) {
			return null;
		}

		@Override
		public void setValue(ELContext context, Object base, Object property, Object value) {
			if (base == null && property != null) {
				throw new PropertyNotWritableException("A replay writes nothing: " + property);
			}
		}

		@Override
		public boolean isReadOnly(ELContext context, Object base, Object property) {
			return true;
		}

		@Override
		public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
			return null;
		}

		@Override
		public Class<?> getCommonPropertyType(ELContext context, Object base) {
			return base == null ? String.class : null;
		}

	}

	/**
	 * Method calls and property reads on objects, each asked of {@link ProcessApis} first; in
	 * place of the {@code BeanELResolver} that calls any public method of any object.
	 */
	static final class AllowedCalls extends ELResolver {

		private final BeanELResolver calls = new BeanELResolver(true);

		@Override
		public Object getValue(ELContext context, Object base, Object property) {
			if (base == null || property == null) {
				return null;
			}
			if (!ProcessApis.mayRead(base, property.toString())) {
				throw new PropertyNotFoundException(
						"A process model may not read " + property + " of " + shown(base) + " (README, Security model)");
			}
			return calls.getValue(context, base, property);
		}

		@Override
		public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
			if (base == null || method == null) {
				return null;
			}
			if (!ProcessApis.mayCall(base, method.toString())) {
				throw new MethodNotFoundException(
						"A process model may not call " + method + "() on " + shown(base) + " (README, Security model)");
			}
			return calls.invoke(context, base, method, paramTypes, params);
		}

		@Override
		public Class<?> getType(ELContext context, Object base, Object property) {
			if (base == null || property == null) {
				return null;
			}
			if (!ProcessApis.mayRead(base, property.toString())) {
				throw new PropertyNotFoundException("A process model may not read " + property + " of " + shown(base));
			}
			return calls.getType(context, base, property);
		}

		@Override
		public void setValue(ELContext context, Object base, Object property, Object value) {
			if (base != null) {
				throw new PropertyNotWritableException("A process model may not write " + property + " of " + shown(base));
			}
		}

		@Override
		public boolean isReadOnly(ELContext context, Object base, Object property) {
			if (base != null) {
				context.setPropertyResolved(true);
			}
			return true;
		}

		@Override
		public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
			return null;
		}

		@Override
		public Class<?> getCommonPropertyType(ELContext context, Object base) {
			return base == null ? null : Object.class;
		}

		private static String shown(Object base) {
			if (base instanceof DelegateTask) {
				return "task";
			}
			if (base instanceof DelegateExecution) {
				return "execution";
			}
			return base.getClass().getSimpleName();
		}

	}

}
