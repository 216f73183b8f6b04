package com.groupcare.hub.payment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Consumer;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

import com.groupcare.hub.payment.iso.pain001.AccountIdentification4Choice;
import com.groupcare.hub.payment.iso.pain001.ActiveOrHistoricCurrencyAndAmount;
import com.groupcare.hub.payment.iso.pain001.AmountType3Choice;
import com.groupcare.hub.payment.iso.pain001.BranchAndFinancialInstitutionIdentification4;
import com.groupcare.hub.payment.iso.pain001.CashAccount16;
import com.groupcare.hub.payment.iso.pain001.ChargeBearerType1Code;
import com.groupcare.hub.payment.iso.pain001.CreditTransferTransactionInformation10;
import com.groupcare.hub.payment.iso.pain001.CustomerCreditTransferInitiationV03;
import com.groupcare.hub.payment.iso.pain001.Document;
import com.groupcare.hub.payment.iso.pain001.FinancialInstitutionIdentification7;
import com.groupcare.hub.payment.iso.pain001.GenericAccountIdentification1;
import com.groupcare.hub.payment.iso.pain001.GroupHeader32;
import com.groupcare.hub.payment.iso.pain001.PartyIdentification32;
import com.groupcare.hub.payment.iso.pain001.PaymentIdentification1;
import com.groupcare.hub.payment.iso.pain001.PaymentInstructionInformation3;
import com.groupcare.hub.payment.iso.pain001.PaymentMethod3Code;
import com.groupcare.hub.payment.iso.pain001.RemittanceInformation5;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

/**
 * An ISO 20022 pain.001.001.03 file written as a stream with the JAXB classes generated from the
 * official schema (src/main/xsd): the group header and the payment information block are marshalled
 * once, then each transfer is marshalled on its own as a CdtTrfTxInf fragment, so a file of any size
 * holds one transfer in memory at a time. Nothing in it depends on when it is written: the same
 * batch gives the same bytes.
 */
final class Pain001Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    private static final JAXBContext CONTEXT = context();
    private static final String CLOSE_PAYMENT_INFO = "</PmtInf>";

    /** The batch: message id, creation time, count and control sum, debtor, execution date. */
    record Header(String messageId, LocalDateTime createdAt, int count, BigDecimal controlSum, Debtors.Debtor debtor,
                  LocalDate executionDate) {
    }

    /** One transfer: end-to-end id, payee name and account, amount and currency, what it pays. */
    record Transfer(String endToEndId, String name, String account, BigDecimal amount, String currency, String remittance) {
    }

    private Pain001Writer() {
    }

    /** Writes the file; {@code transfers} hands each transfer, in order, to the consumer it is given. */
    static void write(Writer out, Header header, Consumer<Consumer<Transfer>> transfers) throws IOException {
        try {
            String skeleton = skeleton(header);
            int close = skeleton.lastIndexOf(CLOSE_PAYMENT_INFO);
            out.write(skeleton, 0, close);
            Marshaller fragment = CONTEXT.createMarshaller();
            fragment.setProperty(Marshaller.JAXB_FRAGMENT, true);
            transfers.accept(t -> {
                try {
                    fragment.marshal(new JAXBElement<>(new QName(NAMESPACE, "CdtTrfTxInf"), CreditTransferTransactionInformation10.class,
                            transaction(t)), out);
                } catch (JAXBException e) {
                    throw new IllegalStateException("transfer " + t.endToEndId() + " cannot be written", e);
                }
            });
            out.write(skeleton, close, skeleton.length() - close);
        } catch (JAXBException e) {
            throw new IOException("pain.001 cannot be written", e);
        }
    }

    /** The document with its header and one payment information block, without transactions yet. */
    private static String skeleton(Header header) throws JAXBException {
        GroupHeader32 group = new GroupHeader32();
        group.setMsgId(header.messageId());
        // always with seconds: LocalDateTime.toString() drops them when they are zero, which xs:dateTime refuses
        group.setCreDtTm(calendar(header.createdAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))));
        group.setNbOfTxs(Integer.toString(header.count()));
        group.setCtrlSum(minorUnit(header.controlSum(), header.debtor().currency()));
        group.setInitgPty(party(header.debtor().name()));

        PaymentInstructionInformation3 info = new PaymentInstructionInformation3();
        info.setPmtInfId(header.messageId() + "-" + header.executionDate());
        info.setPmtMtd(PaymentMethod3Code.TRF);
        info.setNbOfTxs(Integer.toString(header.count()));
        info.setCtrlSum(minorUnit(header.controlSum(), header.debtor().currency()));
        info.setReqdExctnDt(calendar(header.executionDate().toString()));
        info.setDbtr(party(header.debtor().name()));
        info.setDbtrAcct(account(header.debtor().account()));
        BranchAndFinancialInstitutionIdentification4 agent = new BranchAndFinancialInstitutionIdentification4();
        FinancialInstitutionIdentification7 bank = new FinancialInstitutionIdentification7();
        bank.setBIC(header.debtor().bic());
        agent.setFinInstnId(bank);
        info.setDbtrAgt(agent);
        info.setChrgBr(ChargeBearerType1Code.SLEV);

        CustomerCreditTransferInitiationV03 initiation = new CustomerCreditTransferInitiationV03();
        initiation.setGrpHdr(group);
        initiation.getPmtInf().add(info);
        Document document = new Document();
        document.setCstmrCdtTrfInitn(initiation);
        Marshaller marshaller = CONTEXT.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        StringWriter text = new StringWriter();
        marshaller.marshal(new JAXBElement<>(new QName(NAMESPACE, "Document"), Document.class, document), text);
        return text.toString();
    }

    private static CreditTransferTransactionInformation10 transaction(Transfer t) {
        CreditTransferTransactionInformation10 tx = new CreditTransferTransactionInformation10();
        PaymentIdentification1 id = new PaymentIdentification1();
        id.setEndToEndId(t.endToEndId());
        tx.setPmtId(id);
        ActiveOrHistoricCurrencyAndAmount amount = new ActiveOrHistoricCurrencyAndAmount();
        amount.setCcy(t.currency());
        amount.setValue(minorUnit(t.amount(), t.currency()));
        AmountType3Choice amt = new AmountType3Choice();
        amt.setInstdAmt(amount);
        tx.setAmt(amt);
        tx.setCdtr(party(t.name()));
        tx.setCdtrAcct(account(t.account()));
        RemittanceInformation5 remittance = new RemittanceInformation5();
        remittance.getUstrd().add(t.remittance());
        tx.setRmtInf(remittance);
        return tx;
    }

    /** As many decimals as the currency has (TND 3, MAD and EUR 2, XOF none): an amount is never rounded, only written. */
    private static BigDecimal minorUnit(BigDecimal amount, String currency) {
        return amount.setScale(com.groupcare.hub.common.Money.minorUnits(currency), java.math.RoundingMode.UNNECESSARY);
    }

    private static PartyIdentification32 party(String name) {
        PartyIdentification32 party = new PartyIdentification32();
        party.setNm(com.groupcare.hub.common.PlainText.xmlSafe(name, 140));
        return party;
    }

    /** An IBAN where the account is one, the national RIB otherwise. */
    private static CashAccount16 account(String number) {
        AccountIdentification4Choice id = new AccountIdentification4Choice();
        if ("IBAN".equals(BankAccountCheck.check(number).kind())) {
            id.setIBAN(number);
        } else {
            GenericAccountIdentification1 other = new GenericAccountIdentification1();
            other.setId(number);
            id.setOthr(other);
        }
        CashAccount16 account = new CashAccount16();
        account.setId(id);
        return account;
    }

    private static XMLGregorianCalendar calendar(String lexical) {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(lexical);
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(Document.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the pain.001 classes cannot be loaded", e);
        }
    }
}
