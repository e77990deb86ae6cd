package org.civicgrid.core.security.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/audit}: the audit trail of the caller's region, for audit administrators only (审计管理员). Every
 * look at the trail is itself recorded in it.
 */
@Component(service = AuditResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The audit trail, for audit administrators")
public class AuditResource {

    static final int LIMIT_MAX = 500;
    static final int EXPORT_MAX = 100_000;

    private final JpaAuditTrail trail;

    @Activate
    public AuditResource(@Reference JpaAuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Operation(summary = "Entries about your region, newest first; page with before=<seq>")
    public List<Map<String, Object>> entries(@QueryParam("limit") Integer limit, @QueryParam("before") Long before,
                                             @Context SecurityContext security) {
        Caller caller = auditor(security);
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > LIMIT_MAX) {
            throw ProblemException.badRequest("limit is 1 to " + LIMIT_MAX + ".");
        }
        List<AuditRecord> records = trail.inRegion(caller.regionCode(), citywide(caller), before, n);
        trail.record(AuditEntry.ok(caller.userId(), "audit.read", "audit", null, caller.regionCode(),
                records.size() + " entries" + (before == null ? "" : " before " + before)));
        return records.stream().map(AuditResource::json).toList();
    }

    @GET
    @Path("verify")
    @Operation(summary = "Recompute the whole chain, report the first entry that does not fit and how many wait to be chained")
    public Map<String, Object> verify(@Context SecurityContext security) {
        Caller caller = auditor(security);
        JpaAuditTrail.Verification v = trail.verify();
        trail.record(new AuditEntry(caller.userId(), "audit.verify", "audit", null, caller.regionCode(),
                "ok", v.intact() ? v.entries() + " entries intact" : "broken at " + v.brokenAt()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("intact", v.intact());
        result.put("entries", v.entries());
        result.put("brokenAt", v.brokenAt());
        result.put("problem", v.problem());
        result.put("pending", v.pending());
        result.put("oldestPending", v.oldestPending() == null ? null : v.oldestPending().atOffset(ZoneOffset.UTC).toString());
        return result;
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(summary = "Entries about your region as CSV (UTF-8 with BOM, for spreadsheets), newest first")
    public Response export(@Context SecurityContext security) {
        Caller caller = auditor(security);
        List<AuditRecord> records = trail.inRegion(caller.regionCode(), citywide(caller), null, EXPORT_MAX);
        trail.record(AuditEntry.ok(caller.userId(), "audit.export", "audit", null, caller.regionCode(),
                records.size() + " entries"));
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\ufeff');
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("seq", "at", "actor",
                    "action", "object_type", "object_id", "region", "outcome", "detail", "origin", "hash").build())) {
                for (AuditRecord r : records) {
                    AuditEntry e = r.entry();
                    csv.printRecord(r.seq(), r.at(), e.actor(), e.action(), e.objectType(), e.objectId(),
                            e.regionCode(), e.outcome(), e.detail(), r.origin(), r.hash());
                }
            } catch (IOException e) {
                throw new IOException("The export was cut off: " + e.getMessage(), e);
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-" + caller.regionCode() + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private Caller auditor(SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        if (!caller.has(Role.AUDIT_ADMIN)) {
            throw new ProblemException(403, "Forbidden", "The audit trail is for audit administrators.");
        }
        return caller;
    }

    /** Entries naming no region (sign-in attempts by unknown names, refused requests) go to the city's auditors. */
    private static boolean citywide(Caller caller) {
        return caller.regionCode().length() <= 4;
    }

    private static Map<String, Object> json(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.seq());
        m.put("at", r.at().toString());
        m.put("actor", r.entry().actor());
        m.put("action", r.entry().action());
        m.put("objectType", r.entry().objectType());
        m.put("objectId", r.entry().objectId());
        m.put("regionCode", r.entry().regionCode());
        m.put("outcome", r.entry().outcome());
        m.put("detail", r.entry().detail());
        m.put("origin", r.origin());
        m.put("hash", r.hash());
        return m;
    }
}
