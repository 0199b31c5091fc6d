package org.ceir.app;

import java.io.UncheckedIOException;

import org.ceir.app.config.ConfigException;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.ingest.ImportException;
import org.ceir.store.StoreException;

/** Turns a failure into the one line a person reads on stderr. */
final class Errors {
    private Errors() {
    }

    static String explain(Throwable failure) {
        if (failure instanceof InvalidIdentityException || failure instanceof ConfigException
                || failure instanceof StoreException || failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException || failure instanceof UncheckedIOException
                || failure instanceof ImportException) {
            return failure.getMessage();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message + " (set CEIR_DEBUG=1 for details)";
    }
}
