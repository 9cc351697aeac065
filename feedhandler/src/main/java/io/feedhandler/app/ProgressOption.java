package io.feedhandler.app;

import picocli.CommandLine.Option;

/** {@code --progress / --no-progress}, shared by every command that can draw a progress bar. */
final class ProgressOption
{
    @Option(names = "--progress", negatable = true,
        description = "Force the progress bar on stderr on or off (default: on when stderr is a terminal).")
    Boolean progress;

    /** @return true if a progress bar should be drawn. */
    boolean show()
    {
        return progress == null ? ProgressBar.stderrIsTerminal() : progress;
    }
}
