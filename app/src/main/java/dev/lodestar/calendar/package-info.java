/**
 * The company's working calendar: working days, opening hours, time zone and holidays.
 * {@link dev.lodestar.calendar.BusinessCalendar} (bean {@code businessCalendar}) turns a
 * service-level target in business hours into a date, so that BPMN timers and task due dates
 * can be written as {@code ${businessCalendar.deadline(receivedAt, 8)}}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working calendar")
package dev.lodestar.calendar;
