package org.ceir.eir;

/** A change to the in-memory register, read from the database by the feed and applied by the writer thread. */
interface RegisterUpdate {
    void applyTo(Register register);
}
