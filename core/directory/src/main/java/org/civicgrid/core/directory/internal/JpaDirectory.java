package org.civicgrid.core.directory.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.NewUser;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.SecondFactorKey;
import org.civicgrid.core.api.directory.SessionService;
import org.civicgrid.core.api.directory.Unit;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The directory in {@code cg_user}, {@code cg_user_role} and {@code cg_unit}. */
@Component(service = {DirectoryService.class, Authenticator.class, SecondFactorCheck.class}, immediate = true,
        configurationPid = DirectoryConfiguration.PID)
@Designate(ocd = DirectoryConfiguration.class)
public class JpaDirectory implements DirectoryService, Authenticator, SecondFactorCheck {

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.core.directory)";
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    /** How long a verified password is trusted before the slow hash is computed again. */
    static final long VERIFIED_FOR_MILLIS = 30_000;
    /** Where the second factor's key is sealed. */
    static final String TOTP_CONTEXT = "cg_user.totp_key";

    private static final Logger LOG = LoggerFactory.getLogger(JpaDirectory.class);
    private static final Set<Role> ADMINS = EnumSet.of(Role.COUNTY_ADMIN, Role.CITY_ADMIN, Role.SECURITY_ADMIN);
    /** System administration (regions, grids, routing, units): not the security administrator's duty. */
    private static final Set<Role> SYSTEM_ADMINS = EnumSet.of(Role.COUNTY_ADMIN, Role.CITY_ADMIN);
    /**
     * Roles that read nobody else's account: a resident, and the audit administrator, whose duty is the audit
     * trail and nothing else. A holder of another role besides reads the directory as that role.
     */
    private static final Set<Role> NO_DIRECTORY = EnumSet.of(Role.RESIDENT, Role.AUDIT_ADMIN);
    /** The three administrator duties (三权分立): one account holds at most one of them. */
    static final List<Set<Role>> DUTIES = List.of(EnumSet.of(Role.COUNTY_ADMIN, Role.CITY_ADMIN),
            EnumSet.of(Role.SECURITY_ADMIN), EnumSet.of(Role.AUDIT_ADMIN));

    private final JpaTemplate jpa;
    private final RegionService regions;
    private final PasswordHasher hasher;
    private final byte[] cacheKeySalt = new byte[16];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final SensitiveData sealed;
    private final TimeCodes codes = new TimeCodes();
    private final InstantSource codeTime;
    private volatile DirectoryConfiguration policy;
    private volatile PasswordPolicy passwords;

    @Activate
    public JpaDirectory(@Reference(target = SCHEMA) SchemaReady schema,
                        @Reference(target = "(osgi.unit.name=civicgrid-directory)") JpaTemplate jpa,
                        @Reference RegionService regions,
                        @Reference AuditTrail audit,
                        @Reference PlatformClock clock,
                        @Reference SensitiveData sealed,
                        DirectoryConfiguration policy) {
        // Codes follow real time, as the authenticator app on the phone does, not a drill's moved platform clock.
        this(jpa, regions, new PasswordHasher(), audit, clock, sealed, policy, InstantSource.system());
    }

    JpaDirectory(JpaTemplate jpa, RegionService regions, PasswordHasher hasher, AuditTrail audit, PlatformClock clock,
                 SensitiveData sealed, DirectoryConfiguration policy) {
        this(jpa, regions, hasher, audit, clock, sealed, policy, clock::now);
    }

    private JpaDirectory(JpaTemplate jpa, RegionService regions, PasswordHasher hasher, AuditTrail audit,
                         PlatformClock clock, SensitiveData sealed, DirectoryConfiguration policy, InstantSource codeTime) {
        this.jpa = jpa;
        this.codeTime = codeTime;
        this.sealed = sealed;
        this.regions = regions;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.passwords = PasswordPolicy.of(policy);
        new SecureRandom().nextBytes(cacheKeySalt);
    }

    @Modified
    void modified(DirectoryConfiguration policy) {
        this.policy = policy;
        this.passwords = PasswordPolicy.of(policy);
    }

    @Override
    public Optional<User> user(Caller caller, String id) {
        if (!readsDirectory(caller) && !caller.userId().equals(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(UserEntity.class, id)))
                .map(UserEntity::toUser)
                .filter(u -> caller.reaches(u.regionCode()));
    }

    @Override
    public List<User> users(Caller caller, String regionCode) {
        if (!readsDirectory(caller)) {
            throw new ProblemException(403, "Forbidden", "The directory of users is for the staff of the area, not for "
                    + "residents or the audit administrator.");
        }
        requireReach(caller, regionCode);
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select u from UserEntity u where u.regionCode like :prefix order by u.id", UserEntity.class)
                .setParameter("prefix", regionCode + "%")
                .getResultList().stream().map(UserEntity::toUser).toList());
    }

    @Override
    public User createUser(Caller caller, NewUser user) {
        requireAdmin(caller);
        if (user == null) {
            throw ProblemException.badRequest("Send the user as a JSON object with id, name, password, roles and regionCode.");
        }
        if (user.id() == null || !ID.matcher(user.id()).matches()) {
            throw ProblemException.badRequest("id is 3 to 64 letters, digits, '.', '_' or '-', not: " + user.id());
        }
        if (user.name() == null || user.name().isBlank() || user.name().length() > 100) {
            throw ProblemException.badRequest("name is required (at most 100 characters).");
        }
        passwords.check("password", user.id(), user.password());
        if (user.roles() == null || user.roles().isEmpty()) {
            throw ProblemException.badRequest("roles: grant at least one of " + List.of(Role.values()) + ".");
        }
        if (DUTIES.stream().filter(duty -> user.roles().stream().anyMatch(duty::contains)).count() > 1) {
            throw ProblemException.badRequest("System administration (COUNTY_ADMIN, CITY_ADMIN), security administration "
                    + "(SECURITY_ADMIN) and audit administration (AUDIT_ADMIN) are separate duties: one account holds one.");
        }
        if (user.roles().contains(Role.CITY_ADMIN) && !caller.has(Role.CITY_ADMIN)) {
            throw new ProblemException(403, "Forbidden", "Only a city administrator can create a city administrator.");
        }
        requireMayManage(caller, user.roles());
        Region region = requireRegion(caller, user.regionCode());
        if (user.unitId() != null) {
            unit(caller, user.unitId()).orElseThrow(() -> ProblemException.badRequest(
                    "unitId " + user.unitId() + " is not a unit within your area."));
        }
        String hash = hasher.hash(user.password().toCharArray());
        UserEntity entity = new UserEntity(user.id(), user.name().strip(), hash, user.roles(), region.code(),
                user.unitId(), now());
        jpa.tx(TransactionType.Required, em -> {
            if (em.find(UserEntity.class, user.id()) != null) {
                throw new ProblemException(409, "Conflict", "A user with id " + user.id() + " already exists.");
            }
            em.persist(entity);
            // In the same transaction: the account and its entry in the trail exist together or not at all.
            audit.record(AuditEntry.ok(caller.userId(), "user.create", "user", user.id(), region.code(),
                    "roles " + user.roles() + (user.unitId() == null ? "" : ", unit " + user.unitId())));
        });
        LOG.info("User {} created by {} with roles {} in {}", user.id(), caller.userId(), user.roles(), region.code());
        return entity.toUser();
    }

    @Override
    public User unlock(Caller caller, String id) {
        requireAdmin(caller);
        User unlocked = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = inArea(em, caller, id);
            u.loggedIn();
            audit.record(AuditEntry.ok(caller.userId(), "user.unlock", "user", id, u.toUser().regionCode(), null));
            return u.toUser();
        });
        LOG.info("Account {} unlocked by {}", id, caller.userId());
        return unlocked;
    }

    @Override
    public User disable(Caller caller, String id, String reason) {
        requireAdmin(caller);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.badRequest("Say why the account is disabled (reason, at most 500 characters).");
        }
        if (caller.userId().equals(id)) {
            throw ProblemException.badRequest("You cannot disable your own account; ask another administrator.");
        }
        LocalDateTime now = now();
        int[] ended = new int[1];
        User disabled = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = inArea(em, caller, id);
            u.enabled(false);
            // Every open session of the account ends with it, on every node (they read cg_session on each use).
            ended[0] = endSessions(em, id, now);
            audit.record(AuditEntry.ok(caller.userId(), "user.disable", "user", id, u.toUser().regionCode(),
                    reason.strip() + "; " + ended[0] + " session(s) ended"));
            return u.toUser();
        });
        forgetVerified(id);
        LOG.info("Account {} disabled by {} ({} sessions ended): {}", id, caller.userId(), ended[0], reason);
        return disabled;
    }

    @Override
    public User enable(Caller caller, String id) {
        requireAdmin(caller);
        User enabled = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = inArea(em, caller, id);
            u.enabled(true);
            audit.record(AuditEntry.ok(caller.userId(), "user.enable", "user", id, u.toUser().regionCode(), null));
            return u.toUser();
        });
        LOG.info("Account {} enabled by {}", id, caller.userId());
        return enabled;
    }

    @Override
    public SecondFactorKey resetSecondFactor(Caller caller, String id) {
        requireAdmin(caller);
        String key = codes.newKey();
        String sealedKey = sealed.seal(TOTP_CONTEXT, key);
        User user = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = inArea(em, caller, id);
            if (u.toUser().roles().stream().noneMatch(Role::administrator)) {
                throw ProblemException.badRequest("User " + id + " holds no administrator role: only administrators "
                        + "sign in with a second factor.");
            }
            u.totpKey(sealedKey);
            return u.toUser();
        });
        LOG.info("Second factor key of {} replaced by {}", id, caller.userId());
        audit.record(AuditEntry.ok(caller.userId(), "user.second-factor", "user", id, user.regionCode(),
                "new key; the previous one no longer works"));
        return new SecondFactorKey(id, key, TimeCodes.uri(id, key));
    }

    @Override
    public void checkSecondFactor(String userId, String code) {
        UserEntity user = userId == null ? null : jpa.txExpr(TransactionType.Supports, em -> em.find(UserEntity.class, userId));
        if (user == null) {
            throw new ProblemException(401, SessionService.SECOND_FACTOR_WRONG, "Wrong second factor code.");
        }
        String region = user.toUser().regionCode();
        if (user.totpKey() == null) {
            audit.record(new AuditEntry(userId, "login.second-factor", "user", userId, region, "refused",
                    "no second factor key"));
            throw new ProblemException(401, SessionService.SECOND_FACTOR_MISSING, "Your account has an administrator "
                    + "role but no key for its second factor yet. A security administrator of your area gives it one "
                    + "(user administration in the console, POST /api/users/" + userId + "/second-factor, or "
                    + "`civicgrid:user-second-factor " + userId + "` on the Karaf shell).");
        }
        if (code == null || code.isBlank()) {
            throw new ProblemException(401, SessionService.SECOND_FACTOR_REQUIRED, "Your account has an administrator "
                    + "role: send the " + TimeCodes.DIGITS + "-digit code your authenticator app shows now as well "
                    + "(JSON {\"code\": \"123456\"}).");
        }
        LocalDateTime now = now();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            throw new ProblemException(401, SessionService.SECOND_FACTOR_WRONG, "The account is locked.");
        }
        OptionalLong step = codes.match(sealed.open(TOTP_CONTEXT, user.totpKey()), code, codeTime.instant());
        // A code opens one session: the step is claimed in one statement, so two nodes cannot both accept it.
        boolean fresh = step.isPresent() && jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "update UserEntity u set u.totpLastStep = :step, u.failedLogins = 0, u.lockedUntil = null "
                                + "where u.id = :id and (u.totpLastStep is null or u.totpLastStep < :step)")
                .setParameter("step", step.getAsLong()).setParameter("id", userId).executeUpdate() == 1);
        if (!fresh) {
            wrongPassword(user, "login.second-factor", step.isPresent() ? "second factor code used already"
                    : "wrong second factor code", now);
            throw new ProblemException(401, SessionService.SECOND_FACTOR_WRONG, "That code is wrong or was used "
                    + "already: wait for the next one your authenticator app shows. Repeated wrong codes lock the "
                    + "account like wrong passwords.");
        }
        audit.record(AuditEntry.ok(userId, "login.second-factor", "user", userId, region, null));
    }

    /** Ends every open session of an account, on every node (they read cg_session on each use); how many. */
    private static int endSessions(javax.persistence.EntityManager em, String userId, LocalDateTime now) {
        return em.createQuery("update SessionEntity s set s.endedAt = :now where s.userId = :id and s.endedAt is null")
                .setParameter("now", now).setParameter("id", userId).executeUpdate();
    }

    /** Forgets this node's memory of the account's verified passwords: the next sign-in computes the hash again. */
    private void forgetVerified(String userId) {
        verified.values().removeIf(v -> v.caller().userId().equals(userId));
    }

    /** An account the caller manages (unlock, disable, enable, password, second factor), or 404/403. */
    private static UserEntity inArea(javax.persistence.EntityManager em, Caller caller, String id) {
        UserEntity u = id == null ? null : em.find(UserEntity.class, id);
        if (u == null || !caller.reaches(u.toUser().regionCode())) {
            throw ProblemException.notFound("No user " + id + " in your area.");
        }
        requireMayManage(caller, u.toUser().roles());
        return u;
    }

    /**
     * Separation of duties (三权分立): the accounts of security and audit administrators are managed by a security
     * administrator only, so a system administrator cannot create, reset or take over an auditor's account (and
     * so hide their own tracks).
     */
    private static void requireMayManage(Caller caller, Set<Role> roles) {
        if ((roles.contains(Role.SECURITY_ADMIN) || roles.contains(Role.AUDIT_ADMIN)) && !caller.has(Role.SECURITY_ADMIN)) {
            throw new ProblemException(403, "Forbidden", "The accounts of security and audit administrators are "
                    + "managed by a security administrator (separation of duties).");
        }
    }

    @Override
    public Optional<Unit> unit(Caller caller, String id) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(UnitEntity.class, id)))
                .map(UnitEntity::toUnit)
                .filter(u -> caller.reaches(u.regionCode()));
    }

    @Override
    public List<Unit> units(Caller caller, String regionCode) {
        requireReach(caller, regionCode);
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select u from UnitEntity u where u.regionCode like :prefix order by u.id", UnitEntity.class)
                .setParameter("prefix", regionCode + "%")
                .getResultList().stream().map(UnitEntity::toUnit).toList());
    }

    @Override
    public Unit createUnit(Caller caller, Unit unit) {
        if (caller.roles().stream().noneMatch(SYSTEM_ADMINS::contains)) {
            throw new ProblemException(403, "Forbidden", "Only a county or city administrator can create a unit "
                    + "(system administration; the security administrator keeps accounts).");
        }
        if (unit == null || unit.id() == null || !ID.matcher(unit.id()).matches()) {
            throw ProblemException.badRequest("id is 3 to 64 letters, digits, '.', '_' or '-'.");
        }
        if (unit.name().isBlank() || unit.name().length() > 100) {
            throw ProblemException.badRequest("name is required (at most 100 characters).");
        }
        requireRegion(caller, unit.regionCode());
        UnitEntity entity = new UnitEntity(unit);
        jpa.tx(TransactionType.Required, em -> {
            if (em.find(UnitEntity.class, unit.id()) != null) {
                throw new ProblemException(409, "Conflict", "A unit with id " + unit.id() + " already exists.");
            }
            em.persist(entity);
        });
        LOG.info("Unit {} ({}) created by {} in {}", unit.id(), unit.kind(), caller.userId(), unit.regionCode());
        audit.record(AuditEntry.ok(caller.userId(), "unit.create", "unit", unit.id(), unit.regionCode(),
                unit.kind() + " " + unit.name()));
        return entity.toUnit();
    }

    @Override
    public Optional<Caller> authenticate(String userId, char[] password) {
        if (userId == null || password == null || !ID.matcher(userId).matches()) {
            return Optional.empty();
        }
        String key = cacheKey(userId, password);
        Verified recent = verified.get(key);
        long nowMillis = System.currentTimeMillis();
        if (recent != null && recent.until > nowMillis) {
            // The slow hash is skipped, not the account: disabled, locked or given a new password on any node
            // since, the remembered check no longer counts (one read by primary key, no shared cache).
            UserEntity current = jpa.txExpr(TransactionType.Supports, em -> em.find(UserEntity.class, userId));
            if (current != null && current.enabled() && current.passwordHash().equals(recent.passwordHash())
                    && (current.lockedUntil() == null || !current.lockedUntil().isAfter(now()))) {
                return Optional.of(recent.caller);
            }
        }
        verified.remove(key);
        UserEntity user = jpa.txExpr(TransactionType.Supports, em -> em.find(UserEntity.class, userId));
        if (user == null) {
            audit.record(new AuditEntry(userId, "login", "user", userId, null, "failed", "no such user"));
            return Optional.empty();
        }
        LocalDateTime now = now();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            audit.record(new AuditEntry(userId, "login", "user", userId, user.toUser().regionCode(), "refused",
                    "account locked until " + user.lockedUntil() + " UTC"));
            return Optional.empty();
        }
        if (!user.enabled()) {
            audit.record(new AuditEntry(userId, "login", "user", userId, user.toUser().regionCode(), "refused",
                    "account disabled"));
            return Optional.empty();
        }
        String stored = user.passwordHash();
        if (!hasher.matches(password, stored)) {
            wrongPassword(user, "login", "wrong password", now);
            return Optional.empty();
        }
        // A hash of an older kind or cost is replaced while the password is at hand; its age goes on.
        String rehashed = hasher.needsRehash(stored) ? hasher.hash(password) : null;
        String kept = stored;
        if (user.failedLogins() > 0 || user.lockedUntil() != null || rehashed != null) {
            boolean replaced = jpa.txExpr(TransactionType.Required, em -> {
                UserEntity u = em.find(UserEntity.class, userId);
                if (u == null) {
                    return false;
                }
                u.loggedIn();
                // Unless the password was changed meanwhile (on another node, say): that one stays.
                if (rehashed != null && stored.equals(u.passwordHash())) {
                    u.rehashed(rehashed);
                    return true;
                }
                return false;
            });
            if (replaced) {
                LOG.info("Password hash of {} replaced by Argon2id at the current cost", userId);
                kept = rehashed;
            }
        }
        boolean expired = passwords.expired(user.passwordChangedAt(), now);
        audit.record(new AuditEntry(userId, "login", "user", userId, user.toUser().regionCode(), "ok",
                expired ? "password expired (set " + user.passwordChangedAt().toLocalDate() + ")" : null));
        Caller caller = user.toCaller();
        if (verified.size() > 10_000) {
            verified.clear();
        }
        verified.put(key, new Verified(caller, kept, nowMillis + VERIFIED_FOR_MILLIS));
        return Optional.of(caller);
    }

    @Override
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        if (currentPassword == null || newPassword == null) {
            throw ProblemException.badRequest("Send {\"current\": your password now, \"new\": the password you want}.");
        }
        String userId = caller.userId();
        UserEntity user = jpa.txExpr(TransactionType.Supports, em -> em.find(UserEntity.class, userId));
        if (user == null) {
            throw ProblemException.notFound("No user " + userId + " in the directory: only directory users have a "
                    + "password to change here.");
        }
        LocalDateTime now = now();
        if (!user.enabled() || user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            throw new ProblemException(403, "Forbidden", "Your account is locked or disabled; nothing was changed.");
        }
        if (!hasher.matches(currentPassword.toCharArray(), user.passwordHash())) {
            wrongPassword(user, "password.change", "wrong current password", now);
            throw ProblemException.badRequest("current is not your password now; nothing was changed.");
        }
        if (newPassword.equals(currentPassword)) {
            throw ProblemException.badRequest("new password must differ from the current one.");
        }
        passwords.check("new password", userId, newPassword);
        String hash = hasher.hash(newPassword.toCharArray());
        jpa.tx(TransactionType.Required, em -> {
            em.find(UserEntity.class, userId).passwordChanged(hash, now);
            audit.record(AuditEntry.ok(userId, "password.change", "user", userId, user.toUser().regionCode(), null));
        });
        // The old password must stop working at once, not when its memory runs out.
        forgetVerified(userId);
        LOG.info("User {} changed their password", userId);
    }

    @Override
    public boolean passwordExpired(Caller caller) {
        UserEntity user = caller == null ? null
                : jpa.txExpr(TransactionType.Supports, em -> em.find(UserEntity.class, caller.userId()));
        return user != null && (user.passwordTemporary() || passwords.expired(user.passwordChangedAt(), now()));
    }

    @Override
    public String resetPassword(Caller caller, String id) {
        requireAdmin(caller);
        if (caller.userId().equals(id)) {
            throw ProblemException.badRequest("Change your own password with POST /api/me/password; a reset is for "
                    + "another user who forgot theirs.");
        }
        String temporary = passwords.temporary(id);
        String hash = hasher.hash(temporary.toCharArray());
        LocalDateTime now = now();
        int[] ended = new int[1];
        User user = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = inArea(em, caller, id);
            u.passwordReset(hash, now);
            // Whoever knew the old password may hold a session opened with it.
            ended[0] = endSessions(em, id, now);
            return u.toUser();
        });
        forgetVerified(id);
        LOG.info("Password of {} reset by {} ({} sessions ended)", id, caller.userId(), ended[0]);
        audit.record(AuditEntry.ok(caller.userId(), "user.password-reset", "user", id, user.regionCode(),
                "temporary password, to be changed at sign-in; " + ended[0] + " session(s) ended"));
        return temporary;
    }

    /**
     * A wrong password for an existing account: someone may be guessing, so no earlier verification of it is
     * trusted any more, and enough of them in a row lock it.
     */
    private void wrongPassword(UserEntity user, String action, String what, LocalDateTime now) {
        String userId = user.toUser().id();
        forgetVerified(userId);
        DirectoryConfiguration p = policy;
        boolean locked = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = em.find(UserEntity.class, userId);
            return u != null && u.failedLogin(Math.max(1, p.lockoutAttempts()), now.plusMinutes(Math.max(1, p.lockoutMinutes())));
        });
        audit.record(new AuditEntry(userId, action, "user", userId, user.toUser().regionCode(), "failed",
                locked ? what + "; account locked for " + p.lockoutMinutes() + " minutes" : what));
        if (locked) {
            LOG.warn("Account {} locked for {} minutes after {} wrong passwords", userId, p.lockoutMinutes(),
                    p.lockoutAttempts());
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
    }

    private String cacheKey(String userId, char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(cacheKeySalt);
            digest.update(userId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireAdmin(Caller caller) {
        if (caller.roles().stream().noneMatch(ADMINS::contains)) {
            throw new ProblemException(403, "Forbidden", "Only a county, city or security administrator can do this.");
        }
    }

    private static boolean readsDirectory(Caller caller) {
        return caller.roles().stream().anyMatch(role -> !NO_DIRECTORY.contains(role));
    }

    private static void requireReach(Caller caller, String regionCode) {
        if (regionCode == null || !caller.reaches(regionCode)) {
            throw new ProblemException(403, "Forbidden", "Region " + regionCode + " is outside your area.");
        }
    }

    private Region requireRegion(Caller caller, String regionCode) {
        requireReach(caller, regionCode);
        return regions.find(regionCode).orElseThrow(() -> ProblemException.badRequest(
                "regionCode " + regionCode + " is not a region of this platform."));
    }

    private record Verified(Caller caller, String passwordHash, long until) {
    }
}
