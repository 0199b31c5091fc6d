package org.ceir.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.ceir.appeals.AppealKind;
import org.ceir.appeals.Attachment;
import org.ceir.appeals.NewAppeal;

/**
 * What the appeal forms (the clerk's, the public one, the answer to a request) send: the fields of a
 * new appeal and the uploaded documents. Checking is the appeals service's; this only reads.
 */
final class AppealForms {
    static final List<String> FIELDS = List.of("kind", "imei", "fin", "contact", "imsi", "msisdn", "statement", "language");

    private AppealForms() {
    }

    /** The form's values, to show again when it is refused (never the ID: it is typed again). */
    static Map<String, String> values(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = ctx.formParam(field);
            values.put(field, field.equals("fin") || value == null ? "" : value);
        }
        return values;
    }

    static Map<String, String> empty(String language) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, ""));
        values.put("kind", AppealKind.NUMBER_CHANGE.name());
        values.put("language", language);
        return values;
    }

    static NewAppeal appeal(Context ctx) {
        String kind = ctx.formParam("kind");
        return new NewAppeal(kind == null || kind.isBlank() ? null : AppealKind.parse(kind), ctx.formParam("imei"),
                ctx.formParam("fin"), ctx.formParam("contact"), ctx.formParam("imsi"), ctx.formParam("msisdn"),
                ctx.formParam("statement"), ctx.formParam("language"), attachments(ctx));
    }

    /** The uploaded documents (empty file inputs are skipped). */
    static List<Attachment> attachments(Context ctx) {
        List<Attachment> attachments = new ArrayList<>();
        if (!ctx.isMultipartFormData()) {
            return attachments;
        }
        for (UploadedFile file : ctx.uploadedFiles("attachment")) {
            if (file.size() == 0) {
                continue;
            }
            try (InputStream in = file.content()) {
                attachments.add(new Attachment(file.filename(), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the upload " + file.filename(), e);
            }
        }
        return attachments;
    }
}
