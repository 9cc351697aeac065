package io.feedhandler.transport.soupbintcp;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A SoupBinTCP username and password, read from a file named in the profile
 * ({@code soupbintcp.credentials-file}):
 *
 * <pre>
 * username=FEED01
 * password=secret
 * </pre>
 *
 * <p>Blank lines and {@code #} comments are skipped. A file others can read is used, with a WARN
 * (the password is still never written anywhere). {@link #toString()} hides the password.
 *
 * @param username at most 6 characters.
 * @param password at most 10 characters.
 */
public record Credentials(String username, String password)
{
    private static final Logger LOG = LogManager.getLogger(Credentials.class);

    /** Blank username and password (a test server that checks nothing). */
    public static final Credentials NONE = new Credentials("", "");

    /**
     * @param file the credentials file, or empty for {@link #NONE}.
     * @return the credentials.
     * @throws IOException naming the file and the problem (never its content).
     */
    public static Credentials read(final Optional<Path> file) throws IOException
    {
        if (file.isEmpty())
        {
            return NONE;
        }
        final Path path = file.get();
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
        }
        catch (final java.nio.file.NoSuchFileException ex)
        {
            throw new IOException("soupbintcp.credentials-file " + path + ": no such file", ex);
        }
        catch (final IOException ex)
        {
            // Never the exception's message: a malformed-input message could quote the file.
            throw new IOException("soupbintcp.credentials-file " + path + ": cannot read it (" + ex.getClass().getSimpleName() + ")", ex);
        }
        try
        {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.GROUP_READ))
            {
                LOG.warn("soupbintcp.credentials-file {} can be read by other users: chmod 600 it", path);
            }
        }
        catch (final UnsupportedOperationException ex)
        {
            // not a POSIX file system: nothing to check
        }
        String username = null;
        String password = null;
        int number = 0;
        for (final String line : lines)
        {
            number++;
            final String text = line.strip();
            if (text.isEmpty() || text.startsWith("#"))
            {
                continue;
            }
            if (text.startsWith("username="))
            {
                username = text.substring("username=".length()).strip();
            }
            else if (text.startsWith("password="))
            {
                password = text.substring("password=".length()).strip();
            }
            else
            {
                throw new IOException("soupbintcp.credentials-file " + path + " line " + number +
                    ": expected username=... or password=...");
            }
        }
        if (username == null || password == null)
        {
            throw new IOException("soupbintcp.credentials-file " + path + ": needs a username= line and a password= line");
        }
        if (username.length() > LoginRequest.USERNAME_LENGTH || password.length() > LoginRequest.PASSWORD_LENGTH)
        {
            throw new IOException("soupbintcp.credentials-file " + path + ": SoupBinTCP allows a username of at most " +
                LoginRequest.USERNAME_LENGTH + " and a password of at most " + LoginRequest.PASSWORD_LENGTH + " characters");
        }
        return new Credentials(username, password);
    }

    /**
     * @param username from the login request.
     * @param password from the login request.
     * @return true if both match.
     */
    public boolean matches(final String username, final String password)
    {
        return this.username.equals(username) && this.password.equals(password);
    }

    @Override
    public String toString()
    {
        return "Credentials[username=" + username + ", password=(hidden)]";
    }
}
