package org.ceir.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;

import io.javalin.http.Context;

/**
 * Reads the optional filters of a console page's query string; a value that cannot be read is a
 * 400 that names the field and what it should look like, in the visitor's language.
 */
final class Params {
    private final Context ctx;
    private final Page page;

    Params(Context ctx, Page page) {
        this.ctx = ctx;
        this.page = page;
    }

    /** The trimmed value, or empty when absent or blank. */
    Optional<String> text(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The value if it is one of {@code allowed} (any case), the first allowed value when absent. */
    String choice(String name, String... allowed) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return allowed[0];
        }
        for (String option : allowed) {
            if (option.equalsIgnoreCase(value.get())) {
                return option;
            }
        }
        throw bad(name, value.get(), String.join(", ", allowed));
    }

    /** A day written YYYY-MM-DD (as a date field sends it). */
    Optional<LocalDate> date(String name) {
        Optional<String> value = text(name);
        try {
            return value.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw bad(name, value.get(), "YYYY-MM-DD");
        }
    }

    OptionalDouble number(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double number = Double.parseDouble(value.get().replace(',', '.'));
            if (!Double.isFinite(number) || number < 0) {
                throw new NumberFormatException();
            }
            return OptionalDouble.of(number);
        } catch (NumberFormatException e) {
            throw bad(name, value.get(), "0, 1, 2.5 …");
        }
    }

    /** A page number, 1 or more (1 when absent). */
    int pageNumber() {
        Optional<String> value = text("page");
        try {
            int number = value.map(Integer::parseInt).orElse(1);
            if (number < 1 || number > 1_000_000) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw bad("page", value.get(), "1, 2, 3 …");
        }
    }

    /** A positive whole number, e.g. an id to page from. */
    Optional<Long> id(String name) {
        Optional<String> value = text(name);
        try {
            Optional<Long> id = value.map(Long::parseLong);
            if (id.isPresent() && id.get() < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw bad(name, value.get(), "1, 2, 3 …");
        }
    }

    private Problem bad(String name, String value, String expected) {
        return new Problem(400, "bad-request", page.t("form.bad-value", name, value, expected));
    }

    /** A path parameter that must be a positive number; anything else is not found. */
    static long pathId(Context ctx, String name, Page page) {
        try {
            long id = Long.parseLong(ctx.pathParam(name));
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new Problem(404, "not-found", page.t("problem.not-found.detail"));
        }
    }
}
