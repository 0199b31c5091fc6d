/**
 * Configuration: built-in defaults, a YAML file and environment variables, bound into each
 * module's settings record and validated at start-up, then sealed (records are immutable).
 */
package org.ceir.app.config;
