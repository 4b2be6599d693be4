package dev.lodestar.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a process model may reach: the allow-list of Lodestar's code for BPMN and DMN
 * expressions (README, Security model).
 * <ul>
 * <li>On a method of a Spring bean: {@code ${bean.method(...)}} may call it (a getter: read as
 * {@code ${bean.property}}). Every other method of the bean stays out of reach.</li>
 * <li>On a bean class or a {@code @Bean} method: the bean may be named whole, as a delegate or a
 * listener ({@code camunda:delegateExpression="${bean}"}).</li>
 * </ul>
 * A model that names anything else is refused at deployment, and the engine's expressions
 * resolve nothing else at run time. The workspace page lists every entry for process owners.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ProcessApi {

}
