/** The {@code ceir} command line (picocli): one class per command, each a thin door onto a module. */
package org.ceir.app.cli;
