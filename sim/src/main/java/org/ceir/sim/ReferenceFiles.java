package org.ceir.sim;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ceir.core.identity.Imei;

/**
 * The files beside the operator data: the GSMA TAC catalogue ({@code tac.csv}), the market prices
 * the duty is set by ({@code prices.csv}), the registered phones ({@code registrations.csv}) and
 * the stolen ones ({@code stolen.csv}). Formats as in the ceir design (DIRBS column sets).
 */
final class ReferenceFiles {
    static final String TAC_HEADER = "TAC|Manufacturer|Model_Name|Bands|Allocation_Date|Device_Type|Radio_Interface"
            + "|Brand_Name|Marketing_Name|Operating_System";
    static final String PRICES_HEADER = "manufacturer,model,market_price_usd";
    static final String REGISTRATIONS_HEADER =
            "approved_imei,make,model,status,model_number,brand_name,device_type,radio_interface,device_id";
    static final String STOLEN_HEADER = "imei,reporting_date,status";

    private ReferenceFiles() {
    }

    /** Every allocated TAC of every listed model, by TAC; returns the number of TACs. */
    static int writeTac(Path file, Catalogue catalogue) {
        List<String> lines = new ArrayList<>();
        for (DeviceModel model : catalogue.models()) {
            if (!model.listed()) {
                continue;
            }
            int[] all = new int[model.tacs().length + model.spareTacs().length];
            System.arraycopy(model.tacs(), 0, all, 0, model.tacs().length);
            System.arraycopy(model.spareTacs(), 0, all, model.tacs().length, model.spareTacs().length);
            for (int i = 0; i < all.length; i++) {
                lines.add(String.format("%08d", all[i]) + "|" + model.manufacturer() + "|" + model.modelName() + "|"
                        + model.bands() + "|" + model.allocationDates()[i] + "|" + model.deviceType() + "|"
                        + model.radioInterface() + "|" + model.brand() + "|" + model.marketingName() + "|"
                        + model.operatingSystem());
            }
        }
        lines.sort(Comparator.naturalOrder());
        OutputFile.writeText(file, writer -> {
            writer.write(TAC_HEADER + "\n");
            for (String line : lines) {
                writer.write(line + "\n");
            }
        });
        return lines.size();
    }

    /**
     * The market price of every listed model, keyed like {@code registrations.csv}'s make and
     * model (brand and marketing name), as a ministry's price catalogue names phones.
     */
    static void writePrices(Path file, Catalogue catalogue) {
        OutputFile.writeText(file, writer -> {
            writer.write(PRICES_HEADER + "\n");
            for (DeviceModel model : catalogue.models()) {
                if (model.listed()) {
                    writer.write(OutputFile.csv(model.brand()) + "," + OutputFile.csv(model.marketingName()) + ","
                            + model.priceUsd() + "\n");
                }
            }
        });
    }

    /**
     * Registered phones: every phone in use before the period, the imports their owners
     * registered, and phones sold in shops. A dual-SIM phone's two IMEIs share a device_id. Cloned
     * copies are not here (their IMEI is, as the donor's), nor are roamers' phones.
     */
    static long writeRegistrations(Path file, World world) {
        Devices devices = world.devices;
        long[] rows = new long[1];
        OutputFile.writeText(file, writer -> {
            writer.write(REGISTRATIONS_HEADER + "\n");
            for (int device = 0; device < devices.size(); device++) {
                if (!devices.registered(device)) {
                    continue;
                }
                DeviceModel model = world.catalogue.model(devices.model(device));
                String rest = "," + OutputFile.csv(model.brand()) + "," + OutputFile.csv(model.marketingName())
                        + ",whitelist," + OutputFile.csv(model.modelNumber()) + "," + OutputFile.csv(model.brand()) + ","
                        + OutputFile.csv(model.deviceType()) + "," + OutputFile.csv(model.radioInterface()) + ","
                        + (device + 1) + "\n";
                long key = devices.key(device);
                writer.write(Imei.formatKey(key) + rest);
                rows[0]++;
                if (model.slots() == DeviceModel.Slots.DUAL) {
                    writer.write(Imei.formatKey(key + 1) + rest);
                    rows[0]++;
                }
            }
        });
        return rows[0];
    }

    /** Phones reported stolen, with the day of the report (both IMEIs of a dual-SIM phone). */
    static long writeStolen(Path file, World world, LocalDate start) {
        long[] rows = new long[1];
        OutputFile.writeText(file, writer -> {
            writer.write(STOLEN_HEADER + "\n");
            for (int i = 0; i < world.stolenDevice.size(); i++) {
                int device = world.stolenDevice.getInt(i);
                String date = start.plusDays(world.stolenReportDay.getInt(i)).format(DateTimeFormatter.BASIC_ISO_DATE);
                long key = world.devices.key(device);
                stolenRow(writer, key, date);
                rows[0]++;
                if (world.catalogue.model(world.devices.model(device)).slots() == DeviceModel.Slots.DUAL) {
                    stolenRow(writer, key + 1, date);
                    rows[0]++;
                }
            }
        });
        return rows[0];
    }

    private static void stolenRow(Writer writer, long key, String date) throws IOException {
        writer.write(Imei.formatKey(key) + "," + date + ",\n");
    }
}
