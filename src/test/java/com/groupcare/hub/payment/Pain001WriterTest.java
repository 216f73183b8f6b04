package com.groupcare.hub.payment;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts in each currency's minor unit, valid against the official schema, for a franc CFA (XOF) and a euro batch. */
class Pain001WriterTest {

    static String write(String currency, String... amounts) throws Exception {
        Debtors.Debtor debtor = new Debtors.Debtor("BICIS-XOF", "TRANSUD Sénégal", "BICIS", "BICISNDXXXX",
                "SN08SN0100152000048500003035", currency, Debtors.Format.PAIN001);
        BigDecimal total = java.util.Arrays.stream(amounts).map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        StringWriter out = new StringWriter();
        Pain001Writer.write(out, new Pain001Writer.Header("PAY-000009", LocalDateTime.of(2026, 12, 2, 9, 0), amounts.length, total,
                debtor, LocalDate.of(2026, 12, 3)), sink -> {
            for (int i = 0; i < amounts.length; i++) {
                sink.accept(new Pain001Writer.Transfer("PAY-000009-" + i, "Ndèye Fatou DIOP", "CI0080111301134291200589",
                        new BigDecimal(amounts[i]), currency, "GroupCare remboursements"));
            }
        });
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of("src/main/xsd/pain.001.001.03.xsd").toFile())
                .newValidator().validate(new StreamSource(new StringReader(out.toString())));
        return out.toString();
    }

    @Test
    void francsCfaHaveNoDecimalsAndEurosTwo() throws Exception {
        assertThat(write("XOF", "15000.000", "2500")).contains("<CtrlSum>17500</CtrlSum>", "<InstdAmt Ccy=\"XOF\">15000</InstdAmt>",
                "<Nm>Ndèye Fatou DIOP</Nm>", "<IBAN>SN08SN0100152000048500003035</IBAN>", "<Othr><Id>CI0080111301134291200589</Id>");
        assertThat(write("EUR", "12.50", "0.05")).contains("<CtrlSum>12.55</CtrlSum>", "<InstdAmt Ccy=\"EUR\">12.50</InstdAmt>");
    }
}
