package dev.signet.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a person typed: Unicode scalar values only, so no NUL (PostgreSQL refuses it in text columns) and no lone
 * surrogate (not encodable as UTF-8, X would get a "?"). Null is valid; say {@code @NotNull} where it is not.
 */
@Documented
@Constraint(validatedBy = CleanTextValidator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface CleanText {

    String message() default "must be plain text: no NUL character and no lone surrogate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
