package org.civicgrid.core.directory.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.OpenedSession;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.SessionService;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.RequestOrigin;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in {@code cg_session}. A token is 256 random bits; the table keeps its SHA-256 only, so a copy of the
 * database opens no session. Each use reads the session and the account (both by primary key, no shared cache), so
 * ending a session, disabling or locking the account takes effect on every node at the next request. The time of
 * last use is written at most once a minute, so a busy session does not write on every request.
 */
@Component(service = SessionService.class, immediate = true, configurationPid = SessionConfiguration.PID)
@Designate(ocd = SessionConfiguration.class)
public class JpaSessions implements SessionService {

    /** How stale the recorded last use may get before a request writes it again. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(JpaSessions.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JpaTemplate jpa;
    private final SecondFactorCheck secondFactor;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile SessionConfiguration limits;

    @Activate
    public JpaSessions(@Reference(target = JpaDirectory.SCHEMA) SchemaReady schema,
                       @Reference(target = "(osgi.unit.name=civicgrid-directory)") JpaTemplate jpa,
                       @Reference SecondFactorCheck secondFactor,
                       @Reference AuditTrail audit,
                       @Reference PlatformClock clock,
                       SessionConfiguration limits) {
        this(jpa, secondFactor, audit, clock, limits);
    }

    JpaSessions(JpaTemplate jpa, SecondFactorCheck secondFactor, AuditTrail audit, PlatformClock clock,
                SessionConfiguration limits) {
        this.jpa = jpa;
        this.secondFactor = secondFactor;
        this.audit = audit;
        this.clock = clock;
        this.limits = limits;
    }

    @Modified
    void modified(SessionConfiguration limits) {
        this.limits = limits;
    }

    @Override
    public OpenedSession open(Caller caller) {
        return open(caller, null);
    }

    @Override
    public OpenedSession open(Caller caller, String secondFactorCode) {
        boolean administrator = needsSecondFactor(caller);
        if (administrator) {
            secondFactor.checkSecondFactor(caller.userId(), secondFactorCode);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        LocalDateTime now = now();
        SessionConfiguration l = limits;
        LocalDateTime expires = now.plusHours(Math.max(1, l.absoluteHours()));
        String origin = RequestOrigin.current();
        jpa.tx(TransactionType.Required, em -> {
            em.persist(new SessionEntity(hash(token), caller.userId(), now, expires,
                    origin == null ? null : origin.substring(0, Math.min(origin.length(), RequestOrigin.MAX_LENGTH)), administrator));
            audit.record(AuditEntry.ok(caller.userId(), "session.open", "user", caller.userId(), caller.regionCode(),
                    (administrator ? "with second factor, " : "") + "idle " + idleMinutes(l) + " min, until " + expires + " UTC"));
        });
        return new OpenedSession(token, caller.userId(), idleMinutes(l), expires.atOffset(ZoneOffset.UTC));
    }

    @Override
    public Optional<Caller> resume(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String id = hash(token);
        LocalDateTime now = now();
        int idle = idleMinutes(limits);
        return jpa.txExpr(TransactionType.Required, em -> {
            SessionEntity session = em.find(SessionEntity.class, id);
            if (session == null || session.endedAt() != null) {
                return Optional.<Caller>empty();
            }
            String ended = null;
            if (!now.isBefore(session.expiresAt())) {
                ended = "reached its limit";
            } else if (!now.isBefore(session.lastUsedAt().plusMinutes(idle))) {
                ended = "idle for " + idle + " minutes";
            }
            UserEntity user = em.find(UserEntity.class, session.userId());
            if (ended == null && (user == null || !user.enabled())) {
                ended = "the account is disabled";
            }
            if (ended == null && !session.secondFactor() && needsSecondFactor(user.toCaller())) {
                ended = "the account was given an administrator role, which needs a second factor";
            }
            if (ended == null && user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
                // A lock ends nothing: the session works again once the lock is lifted, if still within its limits.
                return Optional.<Caller>empty();
            }
            if (ended != null) {
                session.end(now);
                LOG.info("Session of {} ended: {}", session.userId(), ended);
                audit.record(AuditEntry.ok(session.userId(), "session.end", "user", session.userId(),
                        user == null ? null : user.toUser().regionCode(), ended));
                return Optional.<Caller>empty();
            }
            if (!now.isBefore(session.lastUsedAt().plus(TOUCH_EVERY))) {
                session.used(now);
            }
            return Optional.of(user.toCaller());
        });
    }

    @Override
    public void close(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return;
        }
        String id = hash(token);
        LocalDateTime now = now();
        String user = jpa.txExpr(TransactionType.Required, em -> {
            SessionEntity session = em.find(SessionEntity.class, id);
            if (session == null || session.endedAt() != null) {
                return null;
            }
            session.end(now);
            return session.userId();
        });
        if (user != null) {
            audit.record(AuditEntry.ok(user, "session.close", "user", user, null, "signed out"));
        }
    }

    private static boolean needsSecondFactor(Caller caller) {
        return caller.roles().stream().anyMatch(Role::administrator);
    }

    private static int idleMinutes(SessionConfiguration limits) {
        return Math.max(1, limits.idleMinutes());
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
