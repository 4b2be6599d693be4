package dev.lodestar.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a process model may reach: the allow-list of Lodestar's code for BPMN and DMN
 * expressions (README, Security model).
 * On a method of a Spring bean: {@code ${bean.method(...)}} may call it (a getter: read as
 * {@code ${bean.property}}). Every other method of the bean stays out of reach. Service tasks and
 * listeners call such methods too ({@code ${leadTasks.qualified(task)}}): the glue has one style,
 * and no bean is named whole as a delegate ({@code OneWayPerConcernTest}).
 * A model that names anything else is refused at deployment, and the engine's expressions
 * resolve nothing else at run time. The workspace page lists every entry for process owners.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ProcessApi {

}
