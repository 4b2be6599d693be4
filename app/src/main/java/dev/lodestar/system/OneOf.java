package dev.lodestar.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that must be one of a known list of codes, the constants of an enum, in any case
 * ({@code web} is {@code WEB}). Empty text is valid unless {@link #required()}; the refusal
 * lists the codes ("must be one of WEB, EMAIL, …").
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
// the valid text is read with FormValues.code
public @interface OneOf {

	/** The enum whose constants are the codes. */
	Class<? extends Enum<?>> value();

	/** Whether empty text is refused too. */
	boolean required() default false;

	String message() default "{platform.validation.oneOf}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link OneOf}. */
	class Validator implements ConstraintValidator<OneOf, CharSequence> {

		private OneOf constraint;

		@Override
		public void initialize(OneOf constraint) {
			this.constraint = constraint;
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null || value.toString().isBlank()) {
				return !constraint.required() || refuse(context);
			}
			String code = value.toString().strip();
			boolean known = Arrays.stream(constraint.value().getEnumConstants())
				.anyMatch(constant -> constant.name().equalsIgnoreCase(code));
			return known || refuse(context);
		}

		private boolean refuse(ConstraintValidatorContext context) {
			if (context instanceof HibernateConstraintValidatorContext hibernate) {
				hibernate.addMessageParameter("codes", Arrays.stream(constraint.value().getEnumConstants())
					.map(Enum::name)
					.collect(Collectors.joining(", ")));
			}
			return false;
		}

	}

}
