package dev.lodestar.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An amount written as a person writes it, which {@link WrittenNumbers} reads ({@code 50,000},
 * {@code 5,0000}, {@code ５００００}), not negative unless allowed, and fitting its
 * {@code numeric(precision, scale)} column ({@link DecimalColumn}). Empty text is valid (use
 * {@code @NotBlank} to require it). Each refusal says what is expected, in the reader's language.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WrittenAmount.Validator.class)
public @interface WrittenAmount {

	/** All digits the column holds. */
	int precision() default 15;

	/** The digits of them after the decimal point. */
	int scale() default 2;

	boolean negativeAllowed() default false;

	String message() default "{platform.validation.writtenNumber}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link WrittenAmount}. */
	class Validator implements ConstraintValidator<WrittenAmount, CharSequence> {

		private WrittenAmount constraint;

		@Override
		public void initialize(WrittenAmount constraint) {
			this.constraint = constraint;
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null || value.toString().isBlank()) {
				return true;
			}
			var amount = WrittenNumbers.parse(value.toString());
			if (amount.isEmpty()) {
				return false; // the default message: a number such as 50,000
			}
			if (!constraint.negativeAllowed() && amount.get().signum() < 0) {
				return refuse(context, "{platform.validation.notNegative}", null);
			}
			var column = new DecimalColumn(constraint.precision(), constraint.scale());
			if (amount.get().abs().compareTo(column.largest()) > 0) {
				return refuse(context, "{platform.validation.amountTooLarge}", column.largest().toPlainString());
			}
			if (column.problem(amount.get()) != null) {
				return refuse(context, "{platform.validation.amountDecimals}", null);
			}
			return true;
		}

		private boolean refuse(ConstraintValidatorContext context, String message, String largest) {
			context.disableDefaultConstraintViolation();
			if (context instanceof HibernateConstraintValidatorContext hibernate) {
				hibernate.addMessageParameter("largest", largest == null ? "" : largest);
				hibernate.addMessageParameter("scale", constraint.scale());
			}
			context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			return false;
		}

	}

}
