package io.tradecredit.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The operator's side of a partner agency on the local broker ({@link KafkaNode} with
 * {@code --agency-port}): its topics, its SCRAM-SHA-512 user {@code agency-<code>} and that user's
 * ACLs, taken from the chart's topology (helm/tradecredit/files/topology.yaml, {@code agencyTopics}
 * and {@code agencyGroups}), the rules the chart's per-agency KafkaUser renders. The agency connects
 * with {@link AgencyClient#saslSettings}. Granting again changes the password and keeps the rest.
 *
 * <pre>
 * AgencyAccess BOOTSTRAP CODE PASSWORD     BOOTSTRAP: the PLAINTEXT (operator's) listener
 * </pre>
 * {@code ./platform up} runs it for the demo agency; tests call {@link #grant} on KafkaTestResource's broker.
 */
public final class AgencyAccess {
    private static final String TOPOLOGY = "io/tradecredit/devstack/topology.yaml";

    private AgencyAccess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: AgencyAccess BOOTSTRAP CODE PASSWORD");
            System.exit(2);
        }
        grant(args[0], args[1], args[2]);
        System.out.println("  agency " + args[1] + ": Kafka user " + user(args[1]) + ", ACLs "
                + acls(args[1]).stream().map(AgencyAccess::describe).toList());
    }

    /** The local Kafka user of an agency (the chart's is the release's name, then {@code -agency-<code>}). */
    public static String user(String code) {
        return "agency-" + code;
    }

    /** Creates the agency's topics, its user (or a new password) and its ACLs; returns once the broker applies them. */
    public static void grant(String bootstrap, String code, String password) throws InterruptedException, ExecutionException {
        AgencyClient.createTopics(bootstrap, code);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user(code),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get();
            List<AclBinding> acls = acls(code);
            admin.createAcls(acls).all().get();
            awaitApplied(admin, code, acls.size());
        }
    }

    /** The user's ACLs: per agency topic the operations topology.yaml gives it, and its consumer groups' prefix. */
    static List<AclBinding> acls(String code) {
        JsonNode topology = topology();
        List<AclBinding> acls = new ArrayList<>();
        topology.path("agencyTopics").properties().forEach(kind -> kind.getValue().path("agency").forEach(op -> acls.add(
                allow(new ResourcePattern(ResourceType.TOPIC, "agency." + code + "." + kind.getKey(), PatternType.LITERAL),
                        code, op.asText()))));
        topology.path("agencyGroups").forEach(op -> acls.add(
                allow(new ResourcePattern(ResourceType.GROUP, "agency." + code, PatternType.PREFIXED), code, op.asText())));
        if (acls.isEmpty()) {
            throw new IllegalStateException(TOPOLOGY + " gives an agency no rights (agencyTopics.*.agency, agencyGroups)");
        }
        return acls;
    }

    private static AclBinding allow(ResourcePattern resource, String code, String operation) {
        // topology.yaml spells operations as Strimzi does (Describe, Read, Write)
        AclOperation op = AclOperation.fromString(operation.toUpperCase(java.util.Locale.ROOT));
        if (op == AclOperation.UNKNOWN) {
            throw new IllegalStateException("unknown ACL operation " + operation + " in " + TOPOLOGY);
        }
        return new AclBinding(resource, new AccessControlEntry("User:" + user(code), "*", op, AclPermissionType.ALLOW));
    }

    private static JsonNode topology() {
        try (InputStream in = AgencyAccess.class.getClassLoader().getResourceAsStream(TOPOLOGY)) {
            if (in == null) {
                throw new IllegalStateException(TOPOLOGY + " not on the classpath: build the devstack module");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user's credential and ACLs are metadata records: wait until the broker has them. */
    private static void awaitApplied(Admin admin, String code, int aclCount) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        AclBindingFilter mine = new AclBindingFilter(org.apache.kafka.common.resource.ResourcePatternFilter.ANY,
                new org.apache.kafka.common.acl.AccessControlEntryFilter("User:" + user(code), null, AclOperation.ANY,
                        AclPermissionType.ANY));
        while (System.nanoTime() < deadline) {
            boolean user = admin.describeUserScramCredentials(List.of(user(code))).all().get().containsKey(user(code));
            if (user && admin.describeAcls(mine).values().get().size() >= aclCount) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the broker did not apply agency " + code + "'s user and ACLs within 30 s");
    }

    private static String describe(AclBinding b) {
        return b.pattern().resourceType().name().toLowerCase(java.util.Locale.ROOT) + ":" + b.pattern().name() + ":"
                + b.pattern().patternType().name().toLowerCase(java.util.Locale.ROOT) + ":" + b.entry().operation();
    }
}
