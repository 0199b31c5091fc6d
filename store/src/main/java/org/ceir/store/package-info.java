/**
 * ceir's system of record in PostgreSQL: the connection pool, the schema migrations, and the
 * repositories every module shares (operators, the change log, the audit log). Module-specific
 * repositories live in their modules; SQL is always parameterised.
 */
package org.ceir.store;
