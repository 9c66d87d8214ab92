package dev.signet.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link CleanText}. */
public class CleanTextValidator implements ConstraintValidator<CleanText, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || TextRules.firstUnclean(value) < 0;
    }
}
