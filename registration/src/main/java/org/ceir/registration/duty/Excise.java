package org.ceir.registration.duty;

import java.math.BigDecimal;

/**
 * An excise on imported phones, charged on top of the state duty (Azerbaijan's law of December 2025).
 *
 * @param perImportedPhone      charged for each phone an importer registers
 * @param exemptPersonalPerYear personal imports per person and calendar year that pay no excise
 * @param personalBeyondExempt  the flat excise on each further personal import in the same year
 */
public record Excise(BigDecimal perImportedPhone, int exemptPersonalPerYear, BigDecimal personalBeyondExempt) {

    public Excise {
        if (perImportedPhone == null || perImportedPhone.signum() < 0) {
            throw new IllegalArgumentException("excise per-imported-phone " + perImportedPhone + ": 0 or more");
        }
        if (exemptPersonalPerYear < 0) {
            throw new IllegalArgumentException("excise exempt-personal-per-year " + exemptPersonalPerYear + ": 0 or more");
        }
        if (personalBeyondExempt == null || personalBeyondExempt.signum() < 0) {
            throw new IllegalArgumentException("excise personal-beyond-exempt " + personalBeyondExempt + ": 0 or more");
        }
    }
}
