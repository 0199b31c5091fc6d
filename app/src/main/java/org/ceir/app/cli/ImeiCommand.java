package org.ceir.app.cli;

import java.io.PrintStream;

import org.ceir.core.identity.Imei;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ceir imei VALUE}: parses an IMEI as a person would type it and explains its parts. */
@Command(name = "imei", description = {
    "Check an IMEI as typed by a person and explain its parts.",
    "Accepts 14 or 15 digits, a 16-digit IMEISV, or imei-…/imeisv-…; a 15th digit must be the right check digit."})
public final class ImeiCommand extends CeirCommandBase {
    @Parameters(paramLabel = "IMEI", description = "The IMEI (dial *#06# on the phone to see it).")
    String value;

    @Override
    protected int run() {
        Imei imei = Imei.parse(value);
        PrintStream out = System.out;
        out.println("IMEI " + imei);
        out.printf("  TAC (make and model)  %s%n", imei.tac());
        out.printf("  serial number         %06d%n", imei.serial());
        out.printf("  check digit           %d%s%n", imei.checkDigit(),
                value.replaceAll("[^0-9]", "").length() == 15 ? " (correct)" : " (computed; none was given)");
        imei.softwareVersion().ifPresent(svn -> out.printf("  software version      %02d (IMEISV %s)%n", svn,
                imei.imeisv().orElseThrow()));
        out.printf("  key                   %s (the 14 digits ceir stores and networks send)%n", imei.body());
        return 0;
    }
}
