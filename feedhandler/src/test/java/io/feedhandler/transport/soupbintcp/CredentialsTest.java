package io.feedhandler.transport.soupbintcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The credentials file: its format, and errors that name the file and never its secret. */
class CredentialsTest
{
    @TempDir
    Path directory;

    private Path file(final String text) throws IOException
    {
        return Files.writeString(directory.resolve("soup.credentials"), text);
    }

    @Test
    void shouldReadUsernameAndPasswordSkippingCommentsAndBlankLines() throws Exception
    {
        assertEquals(new Credentials("FEED01", "s3cret"),
            Credentials.read(Optional.of(file("# NASDAQ login\n\nusername=FEED01\npassword= s3cret \n"))));
        assertEquals(Credentials.NONE, Credentials.read(Optional.empty()));
    }

    @Test
    void shouldNameTheFileAndTheProblemButNeverThePassword() throws Exception
    {
        final Path missing = directory.resolve("none");
        assertEquals("soupbintcp.credentials-file " + missing + ": no such file",
            assertThrows(IOException.class, () -> Credentials.read(Optional.of(missing))).getMessage());
        final Path noPassword = file("username=FEED01\n");
        assertEquals("soupbintcp.credentials-file " + noPassword + ": needs a username= line and a password= line",
            assertThrows(IOException.class, () -> Credentials.read(Optional.of(noPassword))).getMessage());
        final Path stray = file("username=FEED01\nhunter2\n");
        final String strayMessage = assertThrows(IOException.class, () -> Credentials.read(Optional.of(stray))).getMessage();
        assertEquals("soupbintcp.credentials-file " + stray + " line 2: expected username=... or password=...", strayMessage);
        assertFalse(strayMessage.contains("hunter2"));
        final Path tooLong = file("username=FEED01\npassword=elevenchars\n");
        final String longMessage = assertThrows(IOException.class, () -> Credentials.read(Optional.of(tooLong))).getMessage();
        assertFalse(longMessage.contains("elevenchars"), longMessage);
    }
}
