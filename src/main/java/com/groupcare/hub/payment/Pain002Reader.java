package com.groupcare.hub.payment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ISO 20022 pain.002.001.03 status report as a stream: each TxInfAndSts gives a transfer's
 * end-to-end id, its status (ACCP, ACSC, ACSP, ACWC: accepted; RJCT: rejected; PDNG: not yet) and the
 * reason code; a group status RJCT or ACCP without transactions answers every transfer of the
 * original message (the batch).
 */
final class Pain002Reader {

    private static final Set<String> ACCEPTED = Set.of("ACCP", "ACSC", "ACSP", "ACWC");

    /** What the report says: per transaction, or for the whole original message. */
    record Report(String originalMessageId, String groupStatus, String groupReason, List<TransferStatuses.Status> transactions) {
    }

    private Pain002Reader() {
    }

    static Report read(Path file) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            List<TransferStatuses.Status> transactions = new ArrayList<>();
            String original = null;
            String groupStatus = null;
            String groupReason = null;
            String endToEnd = null;
            String status = null;
            String reason = null;
            int line = 0;
            boolean inTx = false;
            boolean report = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new IOException("a pain.002 status report has no DOCTYPE: this file declares one, it is not read");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "CstmrPmtStsRpt" -> report = true;
                        case "TxInfAndSts" -> {
                            inTx = true;
                            endToEnd = status = reason = null;
                            line = xml.getLocation().getLineNumber();
                        }
                        case "OrgnlMsgId" -> original = xml.getElementText().trim();
                        case "GrpSts" -> groupStatus = xml.getElementText().trim();
                        case "OrgnlEndToEndId" -> endToEnd = xml.getElementText().trim();
                        case "TxSts" -> status = xml.getElementText().trim();
                        case "Cd", "Prtry" -> {
                            String code = xml.getElementText().trim();
                            if (inTx) {
                                reason = code;
                            } else {
                                groupReason = code;
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("TxInfAndSts")) {
                    inTx = false;
                    if (endToEnd != null && status != null && (ACCEPTED.contains(status) || status.equals("RJCT"))) {
                        transactions.add(new TransferStatuses.Status(line, endToEnd, ACCEPTED.contains(status),
                                status.equals("RJCT") ? "bank status RJCT" + (reason == null ? "" : ", reason " + reason) : null));
                    }
                }
            }
            if (!report) {
                throw new IOException("the XML file is not a pain.002 status report (no CstmrPmtStsRpt element)");
            }
            return new Report(original, groupStatus, groupReason, transactions);
        } catch (XMLStreamException e) {
            throw new IOException("the pain.002 status report is not well-formed XML" + where(e) + ": " + parserMessage(e)
                    + " (a file cut short?)", e);
        }
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber();
    }

    /** The parser's own words without its location prefix; they name elements and entities, never their text. */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at < 0 ? message : message.substring(at + "Message: ".length())).strip().lines().findFirst().orElse("");
    }

    static boolean accepted(String status) {
        return status != null && ACCEPTED.contains(status);
    }
}
