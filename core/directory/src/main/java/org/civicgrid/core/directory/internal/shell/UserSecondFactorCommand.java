package org.civicgrid.core.directory.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.SecondFactorKey;

/**
 * {@code civicgrid:user-second-factor}: a new second factor key for an administrator (an account from before keys
 * were given, or one whose phone was lost). The old key stops working at once.
 */
@Service
@Command(scope = "civicgrid", name = "user-second-factor",
        description = "Give an administrator a new key for the authenticator app (the old one stops working)")
public class UserSecondFactorCommand implements Action {

    @Reference
    private DirectoryService directory;

    @Argument(index = 0, name = "id", description = "Login name of an administrator", required = true)
    private String id;

    @Override
    public Object execute() {
        print(directory.resetSecondFactor(ShellCaller.of(), id));
        return null;
    }

    /** Tells the operator what to hand to the administrator, once: the key is stored sealed and not shown again. */
    static void print(SecondFactorKey key) {
        System.out.println("Administrators sign in with a code from an authenticator app as well as their password.");
        System.out.println("Give " + key.userId() + " this key, in person, to add to the app (shown only now):");
        System.out.println("  key: " + key.key());
        System.out.println("  " + key.uri());
        System.out.println("(An app that scans QR codes takes the otpauth:// address above turned into a QR code.)");
    }
}
