package org.ceir.appeals;

import java.util.List;

/**
 * What an applicant asks, as typed (every field is checked when filed).
 *
 * @param imei          the phone's IMEI (dial *#06#)
 * @param applicantId   the applicant's national ID (FIN), shown to the clerk
 * @param contactNumber where the SMS go; proven by a one-time code when filed online
 * @param claimedImsi   the SIM the applicant says is theirs now (optional when the number is given)
 * @param claimedMsisdn that SIM's phone number
 * @param statement     the applicant's words
 * @param language      az, en or ru: the language of the SMS
 */
public record NewAppeal(AppealKind kind, String imei, String applicantId, String contactNumber, String claimedImsi,
                        String claimedMsisdn, String statement, String language, List<Attachment> attachments) {
}
