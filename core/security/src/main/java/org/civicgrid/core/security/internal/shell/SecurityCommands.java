package org.civicgrid.core.security.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicgrid.core.api.directory.CallerPrincipal;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.security.internal.AuditRecord;
import org.civicgrid.core.security.internal.JpaAuditTrail;
import org.civicgrid.core.security.internal.SealedData;

/**
 * Key rotation and audit checks for the operators of the installation on this machine. A system administrator of
 * the directory signed in to the shell does not read or verify the audit trail: that is the audit administrator's
 * duty (三权分立), over {@code /api/audit}, within their region.
 */
final class SecurityCommands {

    private SecurityCommands() {
    }

    /** Refuses a directory user (a system administrator on the shell); an operator of the installation passes. */
    static void requireInstallationOperator() {
        CallerPrincipal.current().ifPresent(caller -> {
            throw new ProblemException(403, "Forbidden", "The audit trail is read and verified by audit "
                    + "administrators (GET /api/audit), not by " + caller.userId() + " on the shell.");
        });
    }

    @Service
    @Command(scope = "civicgrid", name = "key-rotate",
            description = "Make a new data key current; values sealed before stay readable with their key")
    public static class KeyRotate implements Action {
        @Reference
        SealedData sealed;

        @Override
        public Object execute() throws Exception {
            int key = sealed.rotate();
            System.out.println("Data key " + key + " is now current. Copy the key file to every node and back it up.");
            return null;
        }
    }

    @Service
    @Command(scope = "civicgrid", name = "audit-verify",
            description = "Recompute the audit trail's hash chain and report the first entry that does not fit")
    public static class AuditVerify implements Action {
        @Reference
        JpaAuditTrail audit;

        @Override
        public Object execute() {
            requireInstallationOperator();
            JpaAuditTrail.Verification v = audit.verify();
            if (v.intact()) {
                System.out.println("Audit trail intact: " + v.entries() + " entries verified.");
            } else {
                System.out.println("AUDIT TRAIL BROKEN at entry " + v.brokenAt() + ": " + v.problem()
                        + " (" + v.entries() + " entries before it verified).");
            }
            if (v.pending() > 0) {
                System.out.println(v.pending() + " recorded entries wait to be chained (the oldest recorded at "
                        + v.oldestPending() + " UTC).");
            } else {
                System.out.println("No recorded entry waits to be chained.");
            }
            return null;
        }
    }

    @Service
    @Command(scope = "civicgrid", name = "audit-list", description = "Show the newest audit entries")
    public static class AuditList implements Action {
        @Reference
        JpaAuditTrail audit;

        @Option(name = "--type", description = "Only entries about this kind of object")
        String type;

        @Option(name = "--id", description = "Only entries about this object (with --type)")
        String id;

        @Option(name = "--limit", description = "How many entries (default 20)")
        int limit = 20;

        @Override
        public Object execute() {
            requireInstallationOperator();
            List<AuditRecord> records = audit.latest(type, id, Math.max(1, Math.min(limit, 1000)));
            for (AuditRecord r : records) {
                System.out.println(r.seq() + "\t" + r.at() + "\t" + r.entry().actor() + "\t" + r.entry().action() + "\t"
                        + r.entry().objectType() + (r.entry().objectId() == null ? "" : ":" + r.entry().objectId())
                        + "\t" + (r.entry().regionCode() == null ? "-" : r.entry().regionCode())
                        + "\t" + r.entry().outcome() + "\t" + (r.origin() == null ? "local" : r.origin())
                        + (r.entry().detail() == null ? "" : "\t" + r.entry().detail()));
            }
            System.out.println(records.size() + " entries.");
            return null;
        }
    }
}
