package com.groupcare.hub.exchange;

import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule every outbound file that tells a partner about money follows (payment files, transmittals,
 * complaints; {@link #alreadyThere} for the files a partner may take twice without harm: movement
 * batches, acknowledgements), so that a crash between "the file is on the partner's server" and
 * "the hub recorded it" neither loses it nor sends it twice:
 * <ol>
 * <li>the file has one name and one content per batch (written again, it is the same bytes);</li>
 * <li>before uploading, the hub looks on the partner's server ({@link PartnerServers}): the same bytes
 *     found there, in the outbox or where the partner keeps what it took, mean the file was sent, and
 *     it is recorded without being uploaded again;</li>
 * <li>that an upload begins is committed ({@code outbound_upload}) before its first byte leaves, so on any
 *     later attempt the hub knows the partner may already have the file. When the file is then found
 *     nowhere and the partner deletes what it takes (no {@code taken-folders}), the hub cannot tell
 *     "never arrived" from "taken": it asks a person instead of uploading again.</li>
 * </ol>
 * The look comes first even on the first attempt: a partner's server that is down fails the look, not the
 * upload, so an outage leaves nothing begun and holds nothing for a person. One consumer per queue (the
 * routes' default) is assumed: two hubs uploading the same batch at the same moment are not guarded against.
 */
@Service
public class OutboundUploads {

    /** What to do with the file. */
    public enum Next {
        /** upload it (the first time, or the partner's server shows it never arrived) */
        UPLOAD,
        /** the partner's server holds it already: record it as sent, upload nothing */
        ALREADY_THERE,
        /** an earlier upload may have reached the partner, who may have taken it: a person checks with the partner */
        ASK_THE_PARTNER
    }

    private final JdbcTemplate jdbc;
    private final PartnerServers servers;
    private final TransactionTemplate own;

    public OutboundUploads(JdbcTemplate jdbc, PartnerServers servers, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.servers = servers;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Called with the item's files written locally (under the names they take on the server), just before
     * they are uploaded in that order to {@code partner} for {@code item} (a batch number) of {@code flow};
     * the last one tells the partner the item is complete (a transmittal's done-marker; a single file
     * otherwise). On {@link Next#UPLOAD} the attempt is committed already, whatever the caller's transaction
     * does next. Throws when the server cannot be looked at.
     */
    public Next before(String partner, String flow, String item, Path... files) {
        Path last = files[files.length - 1];
        String name = last.getFileName().toString();
        PartnerServers.Seen seen = servers.look(partner, name, last);
        Next next = switch (seen) {
            case THERE -> Next.ALREADY_THERE;
            case OTHER -> Next.ASK_THE_PARTNER;
            case PARTIAL -> Next.UPLOAD;
            case ABSENT -> !begun(flow, item) || !servers.takenFolders(partner).isEmpty() || incomplete(partner, files)
                    ? Next.UPLOAD : Next.ASK_THE_PARTNER;
        };
        if (next == Next.UPLOAD) {
            own.executeWithoutResult(s -> jdbc.update("""
                    insert into outbound_upload (flow, item, partner, file_name, started_at, attempts) values (?, ?, ?, ?, now(), 1)
                    on conflict (flow, item) do update set attempts = outbound_upload.attempts + 1, last_attempt_at = now()""",
                    flow, item, partner, name));
        }
        return next;
    }

    /**
     * For a file a partner may take twice without harm (an acknowledgement, a movement batch the insurer applies
     * by its references): whether its very bytes are on the partner's server already, in the outbox or where the
     * partner keeps what it took; then it is recorded, not uploaded again. Otherwise it is uploaded, so a file
     * is never lost for fear of a duplicate: only when the partner took it and kept nothing can a crash between
     * the upload and its record send it once more, the same bytes under the same name.
     */
    public boolean alreadyThere(String partner, Path file) {
        return servers.look(partner, file.getFileName().toString(), file) == PartnerServers.Seen.THERE;
    }

    /** An earlier file of the item is still on the server while the last is not: the partner never took the item. */
    private boolean incomplete(String partner, Path... files) {
        for (int i = 0; i < files.length - 1; i++) {
            if (servers.look(partner, files[i].getFileName().toString(), files[i]) != PartnerServers.Seen.ABSENT) {
                return true;
            }
        }
        return false;
    }

    /** Why a file is held for a person, in words for the desk. */
    public static String askReason(String partner, String name) {
        return "the upload of " + name + " was interrupted and the " + partner + "'s server no longer shows it: the " + partner
                + " may have taken it. Check with the " + partner + "; send it again only once it confirms it never received the file";
    }

    /**
     * A person checked with the partner: the file never arrived. The next attempt uploads it if the server
     * shows nothing. Committed at once (the next attempt may run in the same request, in its own transaction).
     */
    public void forget(String flow, String item) {
        own.executeWithoutResult(s -> jdbc.update("delete from outbound_upload where flow = ? and item = ?", flow, item));
    }

    /** Whether an upload of this item ever began (the partner may have the file). */
    public boolean begun(String flow, String item) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from outbound_upload where flow = ? and item = ?)", Boolean.class, flow, item));
    }
}
