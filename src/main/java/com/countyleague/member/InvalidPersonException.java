package com.countyleague.member;

import java.util.List;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.Errors;

/** A person's record that breaks rules; every problem is named, so a form can show each next to its field. */
public class InvalidPersonException extends RuntimeException {

    private final transient List<Problem> problems;

    InvalidPersonException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.key()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public void addTo(Errors errors, Object form) {
        var fields = PropertyAccessorFactory.forBeanPropertyAccess(form);
        for (Problem problem : problems) {
            if (fields.isReadableProperty(problem.field())) {
                errors.rejectValue(problem.field(), problem.key(), problem.args(), null);
            } else {
                errors.reject(problem.key(), problem.args(), null);
            }
        }
    }
}
