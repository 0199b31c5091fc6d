/**
 * The ceir application: reads the configuration, wires the modules together and offers them as
 * one command line ({@code ./ceir}) and one runnable jar. The only module that knows every other.
 */
package org.ceir.app;
