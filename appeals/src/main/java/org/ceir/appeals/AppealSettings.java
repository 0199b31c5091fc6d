package org.ceir.appeals;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code appeals} settings section, validated on construction; every message names the setting.
 *
 * @param dueWorkingDays        working days an analyst has to decide, from receipt (or from the
 *                              applicant's answer to a request for information)
 * @param weekend               the days of the week that are not working days
 * @param holidays              days off: {@code MM-DD} every year, or {@code YYYY-MM-DD} once
 * @param codeMinutes           how long a one-time code sent to an online applicant is valid
 * @param codeAttempts          wrong tries a code allows before it is spent
 * @param codesPerNumberPerHour codes one contact number may be sent in an hour
 * @param maxAttachmentBytes    the largest attachment accepted
 * @param maxAttachments        attachments one appeal (or one answer) may carry
 */
public record AppealSettings(int dueWorkingDays, List<DayOfWeek> weekend, List<String> holidays, int codeMinutes,
                             int codeAttempts, int codesPerNumberPerHour, int maxAttachmentBytes,
                             int maxAttachments) {

    public AppealSettings {
        if (dueWorkingDays < 1 || dueWorkingDays > 365) {
            throw new IllegalArgumentException("appeals.due-working-days " + dueWorkingDays + ": between 1 and 365");
        }
        weekend = List.copyOf(weekend == null ? List.of() : weekend);
        if (weekend.size() > 5) {
            throw new IllegalArgumentException("appeals.weekend " + weekend + ": at most 5 days, or no day is worked");
        }
        holidays = List.copyOf(holidays == null ? List.of() : holidays);
        for (String holiday : holidays) {
            parseHoliday(holiday);
        }
        if (codeMinutes < 1 || codeMinutes > 60) {
            throw new IllegalArgumentException("appeals.code-minutes " + codeMinutes + ": between 1 and 60");
        }
        if (codeAttempts < 1 || codeAttempts > 10) {
            throw new IllegalArgumentException("appeals.code-attempts " + codeAttempts + ": between 1 and 10");
        }
        if (codesPerNumberPerHour < 1 || codesPerNumberPerHour > 20) {
            throw new IllegalArgumentException("appeals.codes-per-number-per-hour " + codesPerNumberPerHour
                    + ": between 1 and 20");
        }
        if (maxAttachmentBytes < 1024 || maxAttachmentBytes > 20 * 1024 * 1024) {
            throw new IllegalArgumentException("appeals.max-attachment-bytes " + maxAttachmentBytes
                    + ": between 1024 and 20971520 (20 MB)");
        }
        if (maxAttachments < 0 || maxAttachments > 20) {
            throw new IllegalArgumentException("appeals.max-attachments " + maxAttachments + ": between 0 and 20");
        }
    }

    /** The defaults of {@code ceir-defaults.yaml} without holidays, for tests and tools. */
    public static AppealSettings defaults() {
        return new AppealSettings(10, List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of(), 10, 5, 3,
                5 * 1024 * 1024, 5);
    }

    WorkingDays workingDays() {
        Set<MonthDay> yearly = new HashSet<>();
        Set<LocalDate> once = new HashSet<>();
        for (String holiday : holidays) {
            Object day = parseHoliday(holiday);
            if (day instanceof MonthDay monthDay) {
                yearly.add(monthDay);
            } else {
                once.add((LocalDate) day);
            }
        }
        return new WorkingDays(Set.copyOf(weekend), yearly, once);
    }

    private static Object parseHoliday(String text) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.matches("\\d{2}-\\d{2}")) {
                return MonthDay.parse("--" + value);
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("appeals.holidays '" + text + "': not a day of the calendar", e);
        }
        throw new IllegalArgumentException("appeals.holidays '" + text + "': MM-DD (every year) or YYYY-MM-DD (once)");
    }
}
