package org.civicgrid.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/** The Karaf shell of a running distribution, over SSH, as an operator would use it. */
final class KarafShell {

    private final int port;
    private final String user;
    private final String password;
    private final SecondFactors secondFactors;

    KarafShell(int port, String user, String password, SecondFactors secondFactors) {
        this.port = port;
        this.user = user;
        this.password = password;
        this.secondFactors = secondFactors;
    }

    /**
     * Runs one command and returns what it printed; fails if Karaf reports an error. A second factor key it prints
     * (for an administrator) is kept, as the person handing it over would.
     */
    String run(String command) {
        String output = runAllowingErrors(command);
        if (output.contains("Error executing command")) {
            throw new AssertionError("`" + command + "` failed:\n" + output);
        }
        return output;
    }

    String runAllowingErrors(String command) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (ClientSession session = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(30)).getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(Duration.ofSeconds(30));
            try (ChannelExec channel = session.createExecChannel(command)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                channel.setOut(out);
                channel.setErr(out);
                channel.open().verify(Duration.ofSeconds(30));
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofMinutes(3));
                String output = out.toString(StandardCharsets.UTF_8);
                secondFactors.rememberPrinted(output);
                return output;
            }
        } catch (IOException e) {
            throw new AssertionError("SSH to the Karaf shell on port " + port + " failed: " + e.getMessage(), e);
        } finally {
            client.stop();
        }
    }
}
